package io.bramble.lvs.schedule;

import java.util.List;

/**
 * {@code lc}: the server of non-zero weight with the least connection overhead (active
 * connections count 256 times an inactive one); the first in order on a tie.
 */
final class LeastConnection implements Scheduler {
    @Override
    public Destination schedule(List<Destination> servers, Flow flow) {
        Destination least = null;
        for (Destination server : servers) {
            if (server.weight() > 0
                    && (least == null || server.overhead() < least.overhead())) {
                least = server;
            }
        }
        return least;
    }
}
