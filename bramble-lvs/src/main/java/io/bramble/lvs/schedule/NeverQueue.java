package io.bramble.lvs.schedule;

import java.util.List;

/**
 * {@code nq}: an idle server (no active connection, non-zero weight) when there is one, the
 * first in order; otherwise as {@code sed}.
 */
final class NeverQueue implements Scheduler {
    @Override
    public Destination schedule(List<Destination> servers, Flow flow) {
        for (Destination server : servers) {
            if (server.weight() > 0 && server.activeConnections() == 0) {
                return server;
            }
        }
        return WeightedLeastConnection.leastPerWeight(servers,
                server -> server.activeConnections() + 1L);
    }
}
