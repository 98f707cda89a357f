package io.bramble.lvs.schedule;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * {@code lblc}: locality-based least connection. The virtual address a client reached keeps
 * going to the server it went to last, unless that server left, has weight 0 or is
 * overloaded; then the least loaded server is chosen and remembered. Entries are bounded and
 * forgotten after {@link Locality#EXPIRATION_NANOS} unused.
 */
final class LocalityLeastConnection implements Scheduler {
    private record Remembered(Destination server, long usedNanos) {}

    private final Map<InetAddress, Remembered> entries = new RecentEntries<>(
            Locality.ENTRIES_MAX);

    @Override
    public Destination schedule(List<Destination> servers, Flow flow) {
        Remembered entry = entries.get(flow.target());
        if (entry != null && flow.nowNanos() - entry.usedNanos() < Locality.EXPIRATION_NANOS
                && servers.contains(entry.server()) && entry.server().weight() > 0
                && !Locality.overloaded(entry.server(), servers)) {
            entries.put(flow.target(), new Remembered(entry.server(), flow.nowNanos()));
            return entry.server();
        }
        Destination chosen = Locality.leastLoaded(servers);
        if (chosen == null) {
            return null;
        }
        entries.put(flow.target(), new Remembered(chosen, flow.nowNanos()));
        return chosen;
    }
}
