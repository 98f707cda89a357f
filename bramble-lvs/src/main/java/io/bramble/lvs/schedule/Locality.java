package io.bramble.lvs.schedule;

import java.util.List;

/** What {@code lblc} and {@code lblcr} share: their load measure and overload test. */
final class Locality {
    /** ip_vs_lblc's expiration: an entry unused this long is forgotten (24 h by default). */
    static final long EXPIRATION_NANOS = 24L * 3600 * 1_000_000_000L;
    /** Entries one service remembers; the least recently used goes first past it. */
    static final int ENTRIES_MAX = 16_384;

    private Locality() {
    }

    /** Their load: an active connection weighs 50 inactive ones. */
    static long load(Destination server) {
        return server.activeConnections() * 50L + server.inactiveConnections();
    }

    /** The least loaded server per weight, as lblc's own scheduling picks a new one. */
    static Destination leastLoaded(List<Destination> servers) {
        return WeightedLeastConnection.leastPerWeight(servers, Locality::load);
    }

    /**
     * A server is overloaded when it has more active connections than its weight while some
     * server has less than half its weight in use.
     */
    static boolean overloaded(Destination server, List<Destination> servers) {
        if (server.activeConnections() <= server.weight()) {
            return false;
        }
        for (Destination other : servers) {
            if (other.activeConnections() * 2L < other.weight()) {
                return true;
            }
        }
        return false;
    }
}
