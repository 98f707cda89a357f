package io.bramble.lvs.service;

import io.bramble.lvs.config.ForwardMethod;
import io.bramble.lvs.config.VirtualServerConfig;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * A virtual service's table at one moment, for status output.
 *
 * @param config the virtual server
 * @param rows the servers in its table, sorry server included when it serves
 * @param servers every configured real server with what its checkers decided
 * @param quorumUp whether its quorum is met
 * @param counters what it carried and refused so far
 */
public record ServiceView(VirtualServerConfig config, List<Row> rows, List<Health> servers,
        boolean quorumUp, ServiceCounters.Snapshot counters) {
    public ServiceView {
        rows = List.copyOf(rows);
        servers = List.copyOf(servers);
    }

    /**
     * One server of the table; {@code connectionsTotal} counts every connection it was given
     * since the director started.
     */
    public record Row(InetSocketAddress address, ForwardMethod method, int weight,
            int activeConnections, int inactiveConnections, long connectionsTotal) {}

    /** A configured real server and whether its checkers hold it up. */
    public record Health(InetSocketAddress address, boolean up) {}
}
