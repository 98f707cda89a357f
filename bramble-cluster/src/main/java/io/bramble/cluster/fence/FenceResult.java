package io.bramble.cluster.fence;

/**
 * A fence agent's answer, read as the fence-agents interface defines it: 0 done (for
 * {@code status}: the node is on), 2 for {@code status}: the node is off; anything else, or a
 * timeout, a failure.
 *
 * @param exitCode the agent's exit code (-1 after a timeout)
 * @param timedOut whether the agent was killed at its timeout
 * @param output stdout and stderr, bounded
 */
public record FenceResult(int exitCode, boolean timedOut, String output) {
    public static final int STATUS_OFF = 2;

    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** For a status action: whether the node is powered off. */
    public boolean isOff() {
        return !timedOut && exitCode == STATUS_OFF;
    }
}
