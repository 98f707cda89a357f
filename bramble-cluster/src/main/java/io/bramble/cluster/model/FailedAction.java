package io.bramble.cluster.model;

import io.bramble.common.check.Checks;

/**
 * The last failure of one operation of a resource on a node, as Pacemaker keeps it in the
 * resource's history ({@code RSC_last_failure_0}) and crm_mon lists it under "Failed Resource
 * Actions". It stays as long as the failure's fail count does: until {@code pcs resource
 * cleanup}, or until the resource's {@code failure-timeout} has passed.
 *
 * @param resource the primitive that failed
 * @param node the node it failed on
 * @param operation the action: {@code start}, {@code stop}, {@code monitor}…
 * @param intervalMs a recurring monitor's interval, else 0
 * @param rc the OCF exit code the agent returned
 * @param execStatus Pacemaker's {@code op-status}: {@link #DONE} when the agent ran to its end
 *     (its code was not the one expected), {@link #TIMED_OUT} when it was killed at its
 *     timeout, another of Pacemaker's codes when it could not run
 * @param exitReason the agent's own reason ({@code ocf-exit-reason:}), empty when it gave none
 * @param epochSeconds when it failed ({@code last-rc-change}); 0 when not known
 * @param execMs how long the agent ran ({@code exec-time}); {@link #UNKNOWN} when not known
 * @param queueMs how long it waited to run ({@code queue-time}); {@link #UNKNOWN} when not known
 * @param callId the node's number for the call ({@code call-id}); {@link #UNKNOWN} when not
 *     known
 */
public record FailedAction(String resource, String node, String operation, long intervalMs,
        int rc, int execStatus, String exitReason, long epochSeconds, long execMs,
        long queueMs, long callId) {
    /** A time or a call number the history does not give. */
    public static final long UNKNOWN = -1;

    /** The agent ran to its end. */
    public static final int DONE = 0;
    /** The agent was killed at its timeout. */
    public static final int TIMED_OUT = 2;
    /** The longest exit reason kept, as the executor keeps it. */
    public static final int REASON_CHARS_MAX = 256;

    public FailedAction {
        Checks.argument(resource != null && node != null && operation != null
                && exitReason != null,
                "a failed action needs a resource, a node, an operation"
                        + " and a reason (empty when none)");
        Checks.argument(intervalMs >= 0 && epochSeconds >= 0 && execMs >= UNKNOWN
                && queueMs >= UNKNOWN && callId >= UNKNOWN,
                "a failed action's times and call must not be negative, but for UNKNOWN");
        Checks.argument(execStatus >= 0, "op-status must not be negative");
        if (exitReason.length() > REASON_CHARS_MAX) {
            exitReason = exitReason.substring(0, REASON_CHARS_MAX);
        }
    }

    /** A failure whose call number and queue time are not known. */
    public FailedAction(String resource, String node, String operation, long intervalMs,
            int rc, int execStatus, String exitReason, long epochSeconds, long execMs) {
        this(resource, node, operation, intervalMs, rc, execStatus, exitReason, epochSeconds,
                execMs, UNKNOWN, UNKNOWN);
    }

    /** {@code monitor_10000}, as fail counts name the operation. */
    public String operationKey() {
        return operation + "_" + intervalMs;
    }
}
