package io.bramble.pool.liveness;

import io.bramble.common.check.Checks;
import io.bramble.common.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The liveness of each tracked member. A member is {@link PeerState#CONNECTED} from the first
 * frame heard from it until either its connection is lost or {@code silenceMsMax} passes
 * without a frame (a frozen or cut-off node keeps its TCP connection open but goes quiet).
 * Each call returns the changes it caused; callers tell subscribers about them.
 *
 * <p>Not thread-safe: one thread (the node's event loop) drives it.
 */
public final class Liveness {
    /**
     * Default silence after which a member is disconnected. Heartbeats come every 100 ms, so
     * six in a row must go missing; with ticks every 50 ms a frozen member is disconnected
     * within 0.75 s, under the 1 s users are promised, and a JVM pause of half a second on a
     * busy Pi is not mistaken for a failure.
     */
    public static final long SILENCE_MS_DEFAULT = 700;

    private final Clock clock;
    private final long silenceNanosMax;
    private final Map<UUID, Entry> entries = new HashMap<>();

    private static final class Entry {
        PeerState state = PeerState.DISCONNECTED;
        long lastHeardNanos;
        boolean heardBefore;
    }

    public Liveness(Clock clock, long silenceMsMax) {
        Checks.inRange(silenceMsMax, 1, 3_600_000, "silenceMsMax");
        this.clock = clock;
        this.silenceNanosMax = silenceMsMax * 1_000_000L;
    }

    /** Starts tracking {@code member}, disconnected until heard; no change when tracked. */
    public void track(UUID member) {
        entries.computeIfAbsent(member, m -> new Entry());
    }

    /** Stops tracking {@code member} (it left the pool). */
    public void forget(UUID member) {
        entries.remove(member);
    }

    /** A frame came from {@code member}; ignored for members not tracked. */
    public List<LivenessChange> heard(UUID member) {
        Entry entry = entries.get(member);
        if (entry == null) {
            return List.of();
        }
        long now = clock.nanoTime();
        entry.lastHeardNanos = now;
        LivenessChange.Cause cause = entry.heardBefore
                ? LivenessChange.Cause.HEARD_AGAIN
                : LivenessChange.Cause.HEARD;
        entry.heardBefore = true;
        return move(member, entry, PeerState.CONNECTED, cause, now);
    }

    /** The connection to {@code member} closed: disconnected at once. */
    public List<LivenessChange> lost(UUID member) {
        Entry entry = entries.get(member);
        if (entry == null) {
            return List.of();
        }
        return move(member, entry, PeerState.DISCONNECTED,
                LivenessChange.Cause.CONNECTION_CLOSED, clock.nanoTime());
    }

    /** Disconnects every member silent for longer than the limit. */
    public List<LivenessChange> tick() {
        long now = clock.nanoTime();
        List<LivenessChange> changes = new ArrayList<>();
        entries.forEach((member, entry) -> {
            if (entry.state == PeerState.CONNECTED
                    && now - entry.lastHeardNanos > silenceNanosMax) {
                changes.addAll(move(member, entry, PeerState.DISCONNECTED,
                        LivenessChange.Cause.SILENT, now));
            }
        });
        return changes;
    }

    /** The state of {@code member}; disconnected when it is not tracked. */
    public PeerState state(UUID member) {
        Entry entry = entries.get(member);
        return entry == null ? PeerState.DISCONNECTED : entry.state;
    }

    /** How many tracked members are connected. */
    public int connectedCount() {
        return (int) entries.values().stream().filter(e -> e.state == PeerState.CONNECTED)
                .count();
    }

    private static List<LivenessChange> move(UUID member, Entry entry, PeerState to,
            LivenessChange.Cause cause, long now) {
        if (entry.state == to) {
            return List.of();
        }
        PeerState from = entry.state;
        entry.state = to;
        return List.of(new LivenessChange(member, from, to, cause, now));
    }
}
