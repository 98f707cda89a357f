package io.bramble.lvs.schedule;

import java.util.List;

/**
 * {@code fo}: every connection to the server of highest weight (the first in order on a tie),
 * so that the others stand by until it leaves or its weight drops.
 */
final class WeightedFailover implements Scheduler {
    @Override
    public Destination schedule(List<Destination> servers, Flow flow) {
        Destination highest = null;
        for (Destination server : servers) {
            if (server.weight() > 0 && (highest == null || server.weight() > highest.weight())) {
                highest = server;
            }
        }
        return highest;
    }
}
