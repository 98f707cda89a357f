package io.bramble.lvs.schedule;

import java.util.List;

/**
 * {@code sed}: the server whose expected delay, (active connections + 1) / weight, is the
 * shortest; inactive connections do not count. The first in order on a tie.
 */
final class ShortestExpectedDelay implements Scheduler {
    @Override
    public Destination schedule(List<Destination> servers, Flow flow) {
        return WeightedLeastConnection.leastPerWeight(servers,
                server -> server.activeConnections() + 1L);
    }
}
