package io.bramble.vrrp.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import io.bramble.vrrp.core.VrrpAction.AddVips;
import io.bramble.vrrp.core.VrrpAction.SendAdvert;
import io.bramble.vrrp.core.VrrpAction.SendGratuitousArps;
import io.bramble.vrrp.core.VrrpEvent.AdvertReceived;
import io.bramble.vrrp.core.VrrpEvent.Start;
import io.bramble.vrrp.core.VrrpEvent.Tick;
import io.bramble.vrrp.core.VrrpEvent.TrackChanged;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A master that takes over from a live lower master (failback) must hold and announce the
 * addresses before its first advert: the lower master gives them up the moment that advert
 * reaches it, and a client still sending to it would lose its next connections until the new
 * master's ARPs arrive.
 */
class TakeoverOrderTest {
    private static final InetAddress LB1 = InetAddress.ofLiteral("10.0.0.1");
    private static final InetAddress LB2 = InetAddress.ofLiteral("10.0.0.2");
    private static final long ADVERT_MS = 100;

    private final ManualClock clock = new ManualClock(0, 0);
    private final VrrpNode lb1 = new VrrpNode(List.of(InstanceSettings.of("VI_1", 51, 101, LB1)
            .withTracked(List.of(new TrackedObject("script:chk_lb", 2)))), List.of(), clock);

    @Test
    void preemptionAddsAndAnnouncesTheAddressesBeforeTheFirstAdvert() {
        lb1.step(new Start());
        lb1.step(new TrackChanged("script:chk_lb", false));
        // lb2 (100 + 2) is master; lb1 at 101 stays backup while it hears it.
        for (int i = 0; i < 10; i++) {
            hearLb2();
        }
        assertThat(lb1.state("VI_1")).isEqualTo(VrrpState.BACKUP);
        lb1.step(new TrackChanged("script:chk_lb", true)); // 103: lb1 now ignores lb2's adverts
        List<VrrpAction> takeover = List.of();
        for (int i = 0; i < 10 && lb1.state("VI_1") != VrrpState.MASTER; i++) {
            hearLb2();
            takeover = lb1.step(new Tick());
        }
        assertThat(lb1.state("VI_1")).isEqualTo(VrrpState.MASTER);
        assertThat(indexOf(takeover, AddVips.class)).isNotNegative()
                .isLessThan(indexOf(takeover, SendGratuitousArps.class));
        assertThat(indexOf(takeover, SendGratuitousArps.class))
                .isLessThan(indexOf(takeover, SendAdvert.class));
        assertThat(takeover.get(indexOf(takeover, SendAdvert.class)))
                .isEqualTo(new SendAdvert("VI_1", 103, (int) ADVERT_MS));
    }

    private void hearLb2() {
        clock.advanceMillis(ADVERT_MS);
        lb1.step(new AdvertReceived("VI_1", new Advert(VrrpVersion.V3, 51, 102, (int) ADVERT_MS,
                LB2)));
    }

    private static int indexOf(List<VrrpAction> actions, Class<? extends VrrpAction> type) {
        for (int i = 0; i < actions.size(); i++) {
            if (type.isInstance(actions.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
