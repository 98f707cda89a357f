package io.bramble.lvs.schedule;

import java.util.List;

/**
 * {@code wlc}, keepalived's default: the server with the least connection overhead per unit
 * of weight, compared as IPVS does without division ({@code overheadA * weightB <
 * overheadB * weightA}); the first in order on a tie.
 */
final class WeightedLeastConnection implements Scheduler {
    @Override
    public Destination schedule(List<Destination> servers, Flow flow) {
        return leastPerWeight(servers, Destination::overhead);
    }

    /** The server of non-zero weight with the least {@code load} per weight; null if none. */
    static Destination leastPerWeight(List<Destination> servers, Load load) {
        Destination least = null;
        long leastLoad = 0;
        for (Destination server : servers) {
            if (server.weight() == 0) {
                continue;
            }
            long serverLoad = load.of(server);
            if (least == null || serverLoad * least.weight() < leastLoad * server.weight()) {
                least = server;
                leastLoad = serverLoad;
            }
        }
        return least;
    }

    /** What a scheduler counts as a server's load. */
    @FunctionalInterface
    interface Load {
        long of(Destination server);
    }
}
