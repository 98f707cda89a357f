package io.bramble.lvs.schedule;

import java.util.List;

/** {@code rr}: each server of non-zero weight in turn, whatever its load. */
final class RoundRobin implements Scheduler {
    /** The server chosen last; the next choice starts after it. */
    private Destination last;

    @Override
    public Destination schedule(List<Destination> servers, Flow flow) {
        int start = last == null ? 0 : servers.indexOf(last) + 1;
        for (int i = 0; i < servers.size(); i++) {
            Destination candidate = servers.get((start + i) % servers.size());
            if (candidate.weight() > 0) {
                last = candidate;
                return candidate;
            }
        }
        return null;
    }
}
