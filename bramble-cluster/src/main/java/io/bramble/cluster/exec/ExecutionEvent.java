package io.bramble.cluster.exec;

import java.util.Optional;

/**
 * One action's result on one node: the cluster loop's input, and the matter of
 * "Failed Resource Actions".
 *
 * @param resourceId the resource
 * @param action the action
 * @param intervalMs 0 for a one-time action, else the recurring monitor's period
 * @param node the node it ran on
 * @param rc the OCF exit code
 * @param outcome what the code means ({@link Outcome})
 * @param exitReason the agent's own reason, if it gave one
 * @param durationMs how long the agent ran
 * @param epochMillis when the result came, by the executor's clock
 * @param output the agent's output, bounded ({@link OutputExcerpt})
 */
public record ExecutionEvent(String resourceId, String action, long intervalMs, String node,
        int rc, Outcome outcome, Optional<String> exitReason, long durationMs,
        long epochMillis, String output) {
    /** Pacemaker's operation key: {@code db_monitor_10000}. */
    public String key() {
        return resourceId + "_" + action + "_" + intervalMs;
    }
}
