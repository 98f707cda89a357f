package io.bramble.lvs.status;

import io.bramble.common.metrics.PrometheusText;
import io.bramble.common.metrics.PrometheusText.Type;
import io.bramble.lvs.service.ServiceCounters;
import io.bramble.lvs.service.ServiceView;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The director's Prometheus metrics. The families node_exporter's {@code ipvs} collector
 * exports for kernel IPVS keep their names and labels ({@code node_ipvs_*}), so dashboards made
 * for IPVS read bramble's director too; what IPVS has no word for is {@code bramble_lvs_*}. A
 * {@code virtual_server_group}'s servers carry its first address and, in
 * {@code virtual_server}, its name. Pure.
 */
public final class LvsMetrics {
    private LvsMetrics() {
    }

    /**
     * The metrics of {@code services} and of the DR and TUN director's dropped packets
     * ({@code drops} by reason; empty when no service passes packets).
     */
    public static String format(List<ServiceView> services, Map<String, Long> drops) {
        PrometheusText out = new PrometheusText();
        total(out, services, "node_ipvs_connections_total",
                "The total number of connections made.", ServiceCounters.Snapshot::connections);
        total(out, services, "node_ipvs_incoming_bytes_total",
                "The total amount of incoming data.", ServiceCounters.Snapshot::incomingBytes);
        total(out, services, "node_ipvs_outgoing_bytes_total",
                "The total amount of outgoing data (NAT only: DR and TUN replies bypass the"
                        + " director).",
                ServiceCounters.Snapshot::outgoingBytes);
        total(out, services, "node_ipvs_incoming_packets_total",
                "The total number of incoming packets (DR and TUN only: NAT relays streams).",
                ServiceCounters.Snapshot::incomingPackets);
        backends(out, services, "node_ipvs_backend_connections_active", Type.GAUGE,
                "The current active connections by local and remote address.",
                ServiceView.Row::activeConnections);
        backends(out, services, "node_ipvs_backend_connections_inactive", Type.GAUGE,
                "The current inactive connections by local and remote address.",
                ServiceView.Row::inactiveConnections);
        backends(out, services, "node_ipvs_backend_weight", Type.GAUGE,
                "The current backend weight by local and remote address.",
                ServiceView.Row::weight);
        backends(out, services, "bramble_lvs_backend_connections_total", Type.COUNTER,
                "Connections given to a real server since the director started.",
                ServiceView.Row::connectionsTotal);
        out.family("bramble_lvs_real_server_up", Type.GAUGE,
                "1 while every checker of a configured real server passes, else 0.");
        for (ServiceView service : services) {
            for (ServiceView.Health server : service.servers()) {
                out.sample("bramble_lvs_real_server_up", server.up() ? 1 : 0,
                        serverLabels(service, server.address()));
            }
        }
        perService(out, services, "bramble_lvs_quorum_up", Type.GAUGE,
                "1 while the virtual server's quorum is met, else 0 (the sorry server serves).",
                s -> s.quorumUp() ? 1 : 0);
        out.family("bramble_lvs_refused_connections_total", Type.COUNTER,
                "New connections refused, by reason.");
        for (ServiceView service : services) {
            out.sample("bramble_lvs_refused_connections_total",
                    service.counters().refusedNoServer(), serviceLabels(service, "reason",
                            "no_server"));
            out.sample("bramble_lvs_refused_connections_total",
                    service.counters().refusedTableFull(), serviceLabels(service, "reason",
                            "table_full"));
        }
        if (!drops.isEmpty()) {
            out.family("bramble_lvs_dropped_packets_total", Type.COUNTER,
                    "Packets for a DR or TUN virtual server not passed on, by reason.");
            drops.forEach((reason, count) -> out.sample("bramble_lvs_dropped_packets_total",
                    count, "reason", reason));
        }
        return out.text();
    }

    private static void total(PrometheusText out, List<ServiceView> services, String name,
            String help, ToLongFunction<ServiceCounters.Snapshot> value) {
        long sum = 0;
        for (ServiceView service : services) {
            sum += value.applyAsLong(service.counters());
        }
        out.family(name, Type.COUNTER, help).sample(name, sum);
    }

    private static void backends(PrometheusText out, List<ServiceView> services, String name,
            Type type, String help, ToLongFunction<ServiceView.Row> value) {
        out.family(name, type, help);
        for (ServiceView service : services) {
            for (ServiceView.Row row : service.rows()) {
                out.sample(name, value.applyAsLong(row), serverLabels(service, row.address()));
            }
        }
    }

    private static void perService(PrometheusText out, List<ServiceView> services, String name,
            Type type, String help, ToLongFunction<ServiceView> value) {
        out.family(name, type, help);
        for (ServiceView service : services) {
            out.sample(name, value.applyAsLong(service), serviceLabels(service));
        }
    }

    /** node_exporter's labels for a backend, then the virtual server's name. */
    private static String[] serverLabels(ServiceView service, InetSocketAddress server) {
        InetSocketAddress local = service.config().addresses().getFirst();
        return new String[]{"local_address", local.getAddress().getHostAddress(), "local_port",
                Integer.toString(local.getPort()), "remote_address",
                server.getAddress().getHostAddress(), "remote_port",
                Integer.toString(server.getPort()), "proto",
                service.config().protocol().name(), "local_mark", "", "virtual_server",
                service.config().name()};
    }

    private static String[] serviceLabels(ServiceView service, String... more) {
        InetSocketAddress local = service.config().addresses().getFirst();
        String[] labels = {"local_address", local.getAddress().getHostAddress(), "local_port",
                Integer.toString(local.getPort()), "proto", service.config().protocol().name(),
                "virtual_server", service.config().name()};
        String[] all = Arrays.copyOf(labels, labels.length + more.length);
        System.arraycopy(more, 0, all, labels.length, more.length);
        return all;
    }
}
