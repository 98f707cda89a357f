package io.bramble.lvs.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import io.bramble.lvs.config.KeepalivedFile;
import io.bramble.lvs.config.ForwardMethod;
import io.bramble.lvs.config.VirtualServerConfig;
import io.bramble.lvs.schedule.Destination;
import io.bramble.vrrp.config.KeepalivedConfigParser;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualServiceTest {
    private static final InetAddress CLIENT = address("172.16.0.1");
    private static final InetAddress VIP = address("10.0.0.1");
    private final ManualClock clock = new ManualClock();

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A service with real servers 10.0.1.N of these weights, each with one TCP_CHECK. */
    private VirtualService service(String settings, String... reals) {
        StringBuilder text = new StringBuilder("virtual_server 10.0.0.1 80 {\n" + settings
                + "\n");
        for (int i = 0; i < reals.length; i++) {
            text.append("real_server 10.0.1.").append(i + 1).append(" 80 {\n")
                    .append(reals[i]).append("\nTCP_CHECK { }\n}\n");
        }
        text.append("}\n");
        VirtualServerConfig config = KeepalivedFile.read(new KeepalivedConfigParser(),
                "k.conf", text.toString(), Path.of(".")).lvs().virtualServers().getFirst();
        return new VirtualService(config, clock);
    }

    private static List<Integer> lastOctets(VirtualService service, int connections) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Destination chosen = service.connect(CLIENT, VIP);
            out.add(chosen == null ? 0 : (int) chosen.address().getAddress().getAddress()[3]);
        }
        return out;
    }

    @Test
    void aFailedServerLeavesTheTableAndComesBackWhenItsCheckPasses() {
        VirtualService service = service("lb_algo rr", "weight 1\nnotify_down /bin/down",
                "weight 1");
        assertThat(lastOctets(service, 4)).containsExactly(1, 2, 1, 2);
        List<LvsEvent> events = service.checked(0, 0, false, -1);
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(
                LvsEvent.RunScript.class).hasToString(
                        "RunScript[command=[/bin/down], why=notify_down 10.0.1.1:80]"));
        assertThat(lastOctets(service, 3)).containsExactly(2, 2, 2);
        assertThat(service.view().rows()).hasSize(1);
        service.checked(0, 0, true, -1);
        assertThat(lastOctets(service, 2)).contains(1);
    }

    @Test
    void inhibitOnFailureKeepsTheServerWithWeightZero() {
        VirtualService service = service("lb_algo rr", "inhibit_on_failure", "weight 1");
        service.checked(0, 0, false, -1);
        assertThat(service.view().rows()).extracting(ServiceView.Row::weight)
                .containsExactly(0, 1);
        assertThat(lastOctets(service, 3)).containsExactly(2, 2, 2);
    }

    @Test
    void theSorryServerServesAloneWhileTheQuorumIsLost() {
        VirtualService service = service("""
                lb_algo rr
                quorum 3
                hysteresis 1
                quorum_up /bin/up
                quorum_down /bin/down
                sorry_server 10.0.9.9 8080
                """, "weight 1", "weight 1", "weight 1", "weight 1");
        assertThat(service.view().quorumUp()).isTrue();
        service.checked(0, 0, false, -1);
        service.checked(1, 0, false, -1);
        assertThat(service.view().quorumUp()).as("2 live: lost only below 3 - 1").isTrue();
        assertThat(service.checked(2, 0, false, -1))
                .anySatisfy(e -> assertThat(e.toString()).contains("quorum_down"));
        assertThat(lastOctets(service, 2)).containsExactly(9, 9);
        service.checked(2, 0, true, -1);
        List<LvsEvent> stillLost = service.checked(1, 0, true, -1);
        assertThat(service.view().quorumUp()).as("3 live: gained only at 3 + 1").isFalse();
        assertThat(stillLost).noneSatisfy(e -> assertThat(e.toString()).contains("quorum"));
        assertThat(service.checked(0, 0, true, -1))
                .anySatisfy(e -> assertThat(e.toString()).contains("quorum_up"));
        assertThat(lastOctets(service, 4)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void alphaStartsEveryCheckedServerDown() {
        VirtualService service = service("alpha\nsorry_server 10.0.9.9 80", "weight 1");
        assertThat(service.view().quorumUp()).isFalse();
        assertThat(lastOctets(service, 1)).containsExactly(9);
        service.checked(0, 0, true, -1);
        assertThat(lastOctets(service, 1)).containsExactly(1);
    }

    @Test
    void aDynamicMiscCheckSetsTheWeight() {
        VirtualService service = service("lb_algo wrr", "weight 1", "weight 1");
        service.checked(0, 0, true, 3);
        assertThat(lastOctets(service, 8)).containsExactly(1, 1, 1, 2, 1, 1, 1, 2);
    }

    @Test
    void persistenceKeepsAClientOnItsServerEvenWhenQuiesced() {
        VirtualService service = service("lb_algo rr\npersistence_timeout 50",
                "inhibit_on_failure", "weight 1");
        Destination first = service.connect(CLIENT, VIP);
        service.disconnected(CLIENT, first, true);
        assertThat(service.connect(CLIENT, VIP)).isSameAs(first);
        service.checked(0, 0, false, -1);
        assertThat(service.connect(CLIENT, VIP)).as("weight 0 keeps its templates")
                .isSameAs(first);
        clock.advanceMillis(50_000);
        assertThat(service.connect(address("172.16.0.2"), VIP).address().getAddress())
                .isEqualTo(address("10.0.1.2"));
    }

    @Test
    void countsFollowTheConnectionStates() {
        VirtualService service = service("lb_algo rr", "weight 1");
        Destination server = service.connect(CLIENT, VIP);
        service.connect(CLIENT, VIP);
        service.deactivated(server);
        assertThat(service.view().rows().getFirst()).isEqualTo(new ServiceView.Row(
                server.address(), ForwardMethod.NAT, 1, 1, 1, 2));
        service.disconnected(CLIENT, server, false);
        service.disconnected(CLIENT, server, true);
        assertThat(service.view().rows().getFirst().activeConnections()).isZero();
        assertThat(service.view().rows().getFirst().connectionsTotal()).as("a total").isEqualTo(2);
        assertThat(service.view().counters().connections()).isEqualTo(2);
    }

    @Test
    void aConnectionNoServerCanTakeIsCountedAsRefused() {
        VirtualService service = service("lb_algo rr", "weight 1");
        service.checked(0, 0, false, -1);
        assertThat(service.connect(CLIENT, VIP)).isNull();
        ServiceView view = service.view();
        assertThat(view.counters().refusedNoServer()).isEqualTo(1);
        assertThat(view.counters().connections()).isZero();
        assertThat(view.rows()).isEmpty();
        assertThat(view.servers()).extracting(ServiceView.Health::up).containsExactly(false);
    }
}
