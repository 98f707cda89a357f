package io.bramble.cluster.coordinate;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a member's view of the pool is settled enough for a coordinator there to fence the
 * nodes missing from it as it takes over. A member that just started has heard no one yet and
 * would take every other node for lost; once it has heard each node at least once, or after
 * {@link #AGE_MS}, a node missing from its view is one it lost, as for any coordinator. The
 * nodes heard are those it found reachable since it began.
 */
public final class SettledView {
    /** How long a view must have had to hear every live node when it has not heard them all. */
    public static final long AGE_MS = 5_000;

    private final long startedMs;
    private final Set<String> heard = new HashSet<>();

    /** @param startedMs when the member's view began, on the clock later calls use */
    public SettledView(long startedMs) {
        this.startedMs = startedMs;
    }

    /** The nodes reachable now: each counts as heard from then on. */
    public void reachable(Collection<String> nodes) {
        heard.addAll(nodes);
    }

    /** Whether the view is settled at {@code nowMs}, for a pool of {@code nodes}. */
    public boolean settled(long nowMs, Collection<String> nodes) {
        return nowMs - startedMs >= AGE_MS || heard.containsAll(nodes);
    }
}
