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
 * @param arbiterChild the set's arbiter (Gluster's {@code replica 3 arbiter 1}: names,
 *     attributes and marks of every file, no data), or -1 when every copy holds data
 */
public record ReplicateOptions(Quorum quorum, int readChildPreferred, long deadlineMs,
        long downRetryMs, int handlesOpenMax, int arbiterChild) {
    public static final ReplicateOptions DEFAULTS = new ReplicateOptions(Quorum.AUTO, -1,
            10_000, 1_000, 65_536, -1);

    public ReplicateOptions {
        Checks.inRange(readChildPreferred, -1, ChildSet.CHILDREN_MAX - 1, "readChildPreferred");
        Checks.inRange(deadlineMs, 1, 3_600_000, "deadlineMs");
        Checks.inRange(downRetryMs, 0, 3_600_000, "downRetryMs");
        Checks.inRange(handlesOpenMax, 1, 1 << 24, "handlesOpenMax");
        Checks.inRange(arbiterChild, -1, ChildSet.CHILDREN_MAX - 1, "arbiterChild");
    }

    /** The arbiter as a set: empty when every copy holds data. */
    public ChildSet arbiters() {
        return arbiterChild < 0 ? ChildSet.NONE : ChildSet.of(arbiterChild);
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
                handlesOpenMax, arbiterChild);
    }

    public ReplicateOptions withReadChildPreferred(int child) {
        return new ReplicateOptions(quorum, child, deadlineMs, downRetryMs, handlesOpenMax,
                arbiterChild);
    }

    public ReplicateOptions withDeadlineMs(long newDeadlineMs) {
        return new ReplicateOptions(quorum, readChildPreferred, newDeadlineMs, downRetryMs,
                handlesOpenMax, arbiterChild);
    }

    public ReplicateOptions withHandlesOpenMax(int max) {
        return new ReplicateOptions(quorum, readChildPreferred, deadlineMs, downRetryMs, max,
                arbiterChild);
    }

    /** With copy {@code child} the set's arbiter (-1: none). */
    public ReplicateOptions withArbiterChild(int child) {
        return new ReplicateOptions(quorum, readChildPreferred, deadlineMs, downRetryMs,
                handlesOpenMax, child);
    }
}
