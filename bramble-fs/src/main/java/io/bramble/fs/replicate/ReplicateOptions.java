package io.bramble.fs.replicate;

import io.bramble.common.check.Checks;
import java.util.Map;

/**
 * How one {@link Replicate} behaves.
 *
 * @param quorum how many copies a change and a read need
 * @param readChildPreferred the copy to read when it is fresh (the one on this machine), or
 *     -1 for the lowest fresh one
 * @param deadlineMs how long a call waits for the slowest copy before counting it as not
 *     answering; a backstop behind the brick client's own per-request deadline
 * @param downRetryMs how long a copy that did not answer is left out before it is tried again
 * @param handlesOpenMax files open at once through this client; more fail with ENFILE
 */
public record ReplicateOptions(Quorum quorum, int readChildPreferred, long deadlineMs,
        long downRetryMs, int handlesOpenMax) {
    public static final ReplicateOptions DEFAULTS = new ReplicateOptions(Quorum.AUTO, -1,
            10_000, 1_000, 65_536);

    public ReplicateOptions {
        Checks.inRange(readChildPreferred, -1, ChildSet.CHILDREN_MAX - 1, "readChildPreferred");
        Checks.inRange(deadlineMs, 1, 3_600_000, "deadlineMs");
        Checks.inRange(downRetryMs, 0, 3_600_000, "downRetryMs");
        Checks.inRange(handlesOpenMax, 1, 1 << 24, "handlesOpenMax");
    }

    /**
     * The options a volume's {@code volume set} values call for: {@code cluster.quorum-type},
     * {@code cluster.quorum-count} and {@code cluster.read-subvolume-index}; the rest default.
     */
    public static ReplicateOptions fromVolume(Map<String, String> volumeOptions) {
        Quorum quorum = Quorum.parse(volumeOptions.get("cluster.quorum-type"),
                volumeOptions.get("cluster.quorum-count"));
        String read = volumeOptions.getOrDefault("cluster.read-subvolume-index", "-1");
        if (!read.matches("-1|[0-9]{1,2}")) {
            throw new IllegalArgumentException(
                    "cluster.read-subvolume-index is a copy's index or -1, not '" + read + "'");
        }
        return DEFAULTS.withQuorum(quorum).withReadChildPreferred(Integer.parseInt(read));
    }

    public ReplicateOptions withQuorum(Quorum newQuorum) {
        return new ReplicateOptions(newQuorum, readChildPreferred, deadlineMs, downRetryMs,
                handlesOpenMax);
    }

    public ReplicateOptions withReadChildPreferred(int child) {
        return new ReplicateOptions(quorum, child, deadlineMs, downRetryMs, handlesOpenMax);
    }

    public ReplicateOptions withDeadlineMs(long newDeadlineMs) {
        return new ReplicateOptions(quorum, readChildPreferred, newDeadlineMs, downRetryMs,
                handlesOpenMax);
    }

    public ReplicateOptions withHandlesOpenMax(int max) {
        return new ReplicateOptions(quorum, readChildPreferred, deadlineMs, downRetryMs, max);
    }
}
