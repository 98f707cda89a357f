package io.bramble.cli.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import io.bramble.lb.check.CheckResult;
import io.bramble.lb.check.CheckStatus;
import io.bramble.lb.check.ServerHealth;
import io.bramble.lb.config.ServerOptions;
import io.bramble.vrrp.core.Advert;
import io.bramble.vrrp.core.InstanceSettings;
import io.bramble.vrrp.core.TrackedObject;
import io.bramble.vrrp.core.VrrpAction;
import io.bramble.vrrp.core.VrrpEvent;
import io.bramble.vrrp.core.VrrpNode;
import io.bramble.vrrp.core.VrrpState;
import io.bramble.vrrp.core.VrrpVersion;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * lb1 of the recipe, its VRRP instance and the health of its one server, driven step by step
 * on a manual clock as the process's shell drives them: the gate of the virtual address is
 * the server's {@link ServerHealth#proven}, polled like the interface's link. Its cable is cut
 * and plugged back in; a check that began while it was out times out just after.
 */
class GateThroughALinkRepairTest {
    private static final String INTERFACE = "interface:eth0";
    private static final String GATE = "gate:10.77.0.100";
    private static final CheckResult OK = CheckResult.of(CheckStatus.L7OK, "HTTP 200", 1);

    private final ManualClock clock = new ManualClock();
    private final ServerHealth web1 = new ServerHealth(ServerOptions.DEFAULTS.withCheck(true),
            clock);
    private final VrrpNode lb1;
    private final List<String> transitions = new ArrayList<>();
    private boolean gateOpen;

    GateThroughALinkRepairTest() throws Exception {
        InstanceSettings settings = InstanceSettings.of("VI_1", 51, 101, InetAddress.getByName(
                "10.77.0.3")).withTracked(List.of(new TrackedObject(INTERFACE, 0),
                        new TrackedObject(GATE, 0)));
        lb1 = new VrrpNode(List.of(settings), List.of(), clock);
    }

    @Test
    void aCheckThatFailsJustAfterTheRepairDoesNotMoveTheAddressAgain() throws Exception {
        gateOpen = web1.proven();
        step(new VrrpEvent.TrackChanged(GATE, gateOpen));
        step(new VrrpEvent.Start());
        runFor(1_000);
        assertThat(lb1.state("VI_1")).as("no check passed yet").isEqualTo(VrrpState.FAULT);
        web1.onCheck(OK);
        runFor(2_000);
        web1.onCheck(OK); // the last check before the outage
        runFor(500);
        assertThat(lb1.state("VI_1")).isEqualTo(VrrpState.MASTER);

        step(new VrrpEvent.TrackChanged(INTERFACE, false)); // the cable is cut
        runFor(1_500); // a check begins; its SYN is lost
        runFor(1_500);
        step(new VrrpEvent.TrackChanged(INTERFACE, true)); // the cable is back
        step(new VrrpEvent.AdvertReceived("VI_1", new Advert(VrrpVersion.V3, 51, 100, 100,
                InetAddress.getByName("10.77.0.4")))); // lb2, master meanwhile
        for (int ms = 0; ms < 2_000 && lb1.state("VI_1") != VrrpState.MASTER; ms += 10) {
            runFor(10);
        }
        assertThat(lb1.state("VI_1")).isEqualTo(VrrpState.MASTER);
        runFor(40);
        // The check begun during the outage times out (before the next advert of lb1).
        web1.onCheck(CheckResult.of(CheckStatus.L4TOUT, "Connection timeout", 2_000));
        runFor(2_000);
        web1.onCheck(OK);
        runFor(2_000);

        assertThat(lb1.state("VI_1")).isEqualTo(VrrpState.MASTER);
        assertThat(transitions).as("lb1's states").containsExactly("INITIALIZE -> FAULT",
                "FAULT -> BACKUP", "BACKUP -> MASTER", "MASTER -> FAULT", "FAULT -> BACKUP",
                "BACKUP -> MASTER");
    }

    @Test
    void serversReallyDownCloseTheGateOnTheFallthFailure() {
        web1.onCheck(OK);
        gateOpen = web1.proven();
        step(new VrrpEvent.Start());
        runFor(1_000);
        assertThat(lb1.state("VI_1")).isEqualTo(VrrpState.MASTER);
        CheckResult refused = CheckResult.of(CheckStatus.L4CON, "Connection refused", 0);
        for (int failure = 1; failure <= 2; failure++) {
            web1.onCheck(refused);
            runFor(2_000);
            assertThat(lb1.state("VI_1")).as("after failure %d of 3", failure).isEqualTo(
                    VrrpState.MASTER);
        }
        web1.onCheck(refused);
        runFor(100); // the next poll of the gate
        assertThat(lb1.state("VI_1")).isEqualTo(VrrpState.FAULT);
    }

    /** Moves time by {@code ms}, firing the timers due, and polls the gate each step. */
    private void runFor(long ms) {
        long end = clock.nanoTime() + ms * 1_000_000L;
        while (true) {
            pollGate();
            long next = Math.min(lb1.nextDeadlineNanos(), clock.nanoTime()
                    + SHELL_POLL_NANOS);
            if (next > end) {
                clock.advanceNanos(end - clock.nanoTime());
                pollGate();
                return;
            }
            clock.advanceNanos(Math.max(0, next - clock.nanoTime()));
            step(new VrrpEvent.Tick());
        }
    }

    /** The watcher's period. */
    private static final long SHELL_POLL_NANOS = 100_000_000L;

    private void pollGate() {
        boolean open = web1.proven();
        if (open != gateOpen) {
            gateOpen = open;
            step(new VrrpEvent.TrackChanged(GATE, open));
        }
    }

    private void step(VrrpEvent event) {
        for (VrrpAction action : lb1.step(event)) {
            if (action instanceof VrrpAction.StateChanged changed) {
                transitions.add(changed.from() + " -> " + changed.to());
            }
        }
    }
}
