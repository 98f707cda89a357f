package io.bramble.cluster.exec;

import io.bramble.cluster.agent.AgentName;
import io.bramble.common.check.Checks;
import java.util.Map;
import java.util.Optional;

/**
 * One action to run on one resource of this node.
 *
 * @param resourceId the resource ({@code OCF_RESOURCE_INSTANCE})
 * @param agent the agent that manages it
 * @param action {@code start}, {@code stop}, {@code monitor}, {@code promote}, ...
 * @param intervalMs 0 for a one-time action (a monitor with 0 is a probe), else the period
 *     of a recurring monitor
 * @param timeoutMs how long the agent may run before its process group is killed
 * @param attributes the instance attributes, given as {@code OCF_RESKEY_<name>}
 * @param meta meta attributes given as {@code OCF_RESKEY_CRM_meta_<name>} (a dash becomes an
 *     underscore), besides the timeout, interval and name that every action gets
 * @param checkLevel the monitor depth ({@code OCF_CHECK_LEVEL}), if the operation sets one
 */
public record ActionRequest(String resourceId, AgentName agent, String action, long intervalMs,
        long timeoutMs, Map<String, String> attributes, Map<String, String> meta,
        Optional<String> checkLevel) {
    /** Longest timeout taken: a day. */
    public static final long TIMEOUT_MS_MAX = 86_400_000L;
    /** Attributes taken per resource; far more than any stock agent has parameters. */
    public static final int ATTRIBUTES_MAX = 256;

    public ActionRequest {
        Checks.argument(!resourceId.isEmpty(), "a resource needs an id");
        Checks.inRange(timeoutMs, 1, TIMEOUT_MS_MAX, "timeoutMs");
        Checks.inRange(intervalMs, 0, TIMEOUT_MS_MAX * 30, "intervalMs");
        Checks.argument(attributes.size() + meta.size() <= ATTRIBUTES_MAX,
                "at most " + ATTRIBUTES_MAX + " attributes per resource");
        attributes = Map.copyOf(attributes);
        meta = Map.copyOf(meta);
    }

    /** A one-time action with no meta attributes and no depth. */
    public static ActionRequest of(String resourceId, AgentName agent, String action,
            long timeoutMs, Map<String, String> attributes) {
        return new ActionRequest(resourceId, agent, action, 0, timeoutMs, attributes, Map.of(),
                Optional.empty());
    }

    public ActionRequest withInterval(long newIntervalMs) {
        return new ActionRequest(resourceId, agent, action, newIntervalMs, timeoutMs,
                attributes, meta, checkLevel);
    }

    public ActionRequest withAction(String newAction) {
        return new ActionRequest(resourceId, agent, newAction, intervalMs, timeoutMs,
                attributes, meta, checkLevel);
    }

    /** A monitor with interval 0: asks what runs, before the cluster acts. */
    public boolean isProbe() {
        return action.equals("monitor") && intervalMs == 0;
    }

    public boolean isRecurring() { return intervalMs > 0; }

    /** Pacemaker's operation key: {@code db_monitor_10000}. */
    public String key() {
        return resourceId + "_" + action + "_" + intervalMs;
    }
}
