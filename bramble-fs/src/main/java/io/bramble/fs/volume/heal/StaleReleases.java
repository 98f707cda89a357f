package io.bramble.fs.volume.heal;

import io.bramble.fs.volume.StaleCopies;
import java.util.HashMap;
import java.util.Map;

/**
 * When self-heal may take back the record that a replica-2 set's other copy is stale: the set
 * must be found healed with the record at one version, and found so again, the version
 * unchanged, {@link StaleCopies#RELEASE_WAIT_MS} later (why, in {@link StaleCopies}). A look
 * that finds the set not healed, or the record at another version, starts the wait again.
 * Times are the caller's, in nanoseconds; one thread only.
 */
final class StaleReleases {
    private static final long WAIT_NS = StaleCopies.RELEASE_WAIT_MS * 1_000_000L;

    private record Seen(long version, long sinceNs) {}

    private final Map<String, Seen> seen = new HashMap<>();

    /**
     * The set of {@code key} is healed now, its record at {@code version}: whether the record
     * may be taken back now.
     */
    boolean healed(String key, long version, long nowNs) {
        Seen first = seen.get(key);
        if (first == null || first.version() != version) {
            seen.put(key, new Seen(version, nowNs));
            return false;
        }
        return nowNs - first.sinceNs() >= WAIT_NS;
    }

    /** The set of {@code key} is not healed now, or its record is gone: the wait starts over. */
    void notHealed(String key) {
        seen.remove(key);
    }
}
