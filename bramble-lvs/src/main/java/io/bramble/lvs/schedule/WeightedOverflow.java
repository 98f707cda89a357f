package io.bramble.lvs.schedule;

import java.util.List;

/**
 * {@code ovf}: the server of highest weight whose active connections are still below its
 * weight (the first in order on a tie); when every server is that full, none.
 */
final class WeightedOverflow implements Scheduler {
    @Override
    public Destination schedule(List<Destination> servers, Flow flow) {
        Destination highest = null;
        for (Destination server : servers) {
            if (server.weight() > 0 && server.activeConnections() < server.weight()
                    && (highest == null || server.weight() > highest.weight())) {
                highest = server;
            }
        }
        return highest;
    }
}
