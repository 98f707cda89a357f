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
 * @param quorumUp whether its quorum is met
 */
public record ServiceView(VirtualServerConfig config, List<Row> rows, boolean quorumUp) {
    public ServiceView {
        rows = List.copyOf(rows);
    }

    /** One server of the table. */
    public record Row(InetSocketAddress address, ForwardMethod method, int weight,
            int activeConnections,
            int inactiveConnections) {}
}
