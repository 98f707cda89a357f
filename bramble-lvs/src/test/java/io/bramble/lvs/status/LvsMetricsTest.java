package io.bramble.lvs.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import io.bramble.lvs.config.KeepalivedFile;
import io.bramble.lvs.schedule.Destination;
import io.bramble.lvs.service.VirtualService;
import io.bramble.vrrp.config.KeepalivedConfigParser;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LvsMetricsTest {
    private static final String BACKEND_1 = "{local_address=\"192.168.60.200\",local_port=\"80\","
            + "remote_address=\"192.168.60.11\",remote_port=\"80\",proto=\"TCP\",local_mark=\"\","
            + "virtual_server=\"192.168.60.200 80\"}";

    private static List<VirtualService> services() throws Exception {
        return KeepalivedFile.read(new KeepalivedConfigParser(), "k.conf", """
                               virtual_server 192.168.60.200 80 {
                                   lb_algo rr
                                   quorum 2
                                   real_server 192.168.60.11 80 { weight 3
                TCP_CHECK { } }
                                   real_server 192.168.60.12 80 { TCP_CHECK { } }
                               }
                               virtual_server 10.0.0.9 80 {
                                   lb_kind DR
                                   real_server 10.0.1.2 80 { }
                               }
                               """, Path.of(".")).lvs().virtualServers().stream()
                .map(config -> new VirtualService(config, new ManualClock())).toList();
    }

    private static String format(List<VirtualService> services, Map<String, Long> drops) {
        return LvsMetrics.format(services.stream().map(VirtualService::view).toList(), drops);
    }

    @Test
    void backendsCarryNodeExportersIpvsNamesAndLabels() throws Exception {
        List<VirtualService> services = services();
        VirtualService nat = services.getFirst();
        InetAddress client = InetAddress.getByName("172.16.0.1");
        InetAddress vip = InetAddress.getByName("192.168.60.200");
        Destination first = nat.connect(client, vip);
        nat.connect(client, vip);
        nat.deactivated(first);
        nat.counters().incoming(100);
        nat.counters().outgoing(2_000);
        services.get(1).counters().incomingPacket(60);

        String text = format(services, Map.of());

        assertThat(first.address().getAddress().getHostAddress()).isEqualTo("192.168.60.11");
        assertThat(text).contains(
                "# TYPE node_ipvs_connections_total counter\nnode_ipvs_connections_total 2\n",
                "node_ipvs_incoming_bytes_total 160\n", "node_ipvs_outgoing_bytes_total 2000\n",
                "node_ipvs_incoming_packets_total 1\n",
                "node_ipvs_backend_connections_active" + BACKEND_1 + " 0\n",
                "node_ipvs_backend_connections_inactive" + BACKEND_1 + " 1\n",
                "node_ipvs_backend_weight" + BACKEND_1 + " 3\n",
                "bramble_lvs_backend_connections_total" + BACKEND_1 + " 1\n",
                "bramble_lvs_real_server_up" + BACKEND_1 + " 1\n");
        assertThat(text).doesNotContain("bramble_lvs_dropped_packets_total");
    }

    @Test
    void aFailedServerLeavesTheTableButNotTheHealthFamily() throws Exception {
        List<VirtualService> services = services();
        VirtualService nat = services.getFirst();
        nat.checked(0, 0, false, -1);
        nat.checked(1, 0, false, -1);
        nat.connect(InetAddress.getByName("172.16.0.1"), InetAddress.getByName("192.168.60.200"));

        String text = format(services, Map.of("no_server", 4L, "table_full", 0L));

        assertThat(text).doesNotContain("node_ipvs_backend_weight" + BACKEND_1)
                .contains("bramble_lvs_real_server_up" + BACKEND_1 + " 0\n")
                .contains("bramble_lvs_quorum_up{local_address=\"192.168.60.200\","
                        + "local_port=\"80\",proto=\"TCP\",virtual_server=\"192.168.60.200 80\"} 0\n")
                .contains("bramble_lvs_refused_connections_total{local_address=\"192.168.60.200\","
                        + "local_port=\"80\",proto=\"TCP\",virtual_server=\"192.168.60.200 80\","
                        + "reason=\"no_server\"} 1\n")
                .contains("bramble_lvs_dropped_packets_total{reason=\"no_server\"} 4\n");
    }

    @Test
    void everyFamilyHasHelpAndTypeOnce() throws Exception {
        String text = format(services(), Map.of("send_failed", 0L));
        long types = text.lines().filter(l -> l.startsWith("# TYPE ")).count();
        long helps = text.lines().filter(l -> l.startsWith("# HELP ")).count();
        assertThat(types).isEqualTo(helps).isEqualTo(text.lines()
                .filter(l -> l.startsWith("# TYPE ")).distinct().count()).isEqualTo(12);
    }
}
