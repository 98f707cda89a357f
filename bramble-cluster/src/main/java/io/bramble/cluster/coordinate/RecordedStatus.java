package io.bramble.cluster.coordinate;

import io.bramble.cluster.model.FailCount;
import io.bramble.cluster.model.FailedAction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the coordinator keeps in the cluster store, so that a coordinator that takes over starts
 * from it: the state of every resource on every node, the fail counts, and the resources a fatal
 * failure keeps off every node. The shell writes it before it sends the commands of the same
 * step, so a start is recorded as {@link ResourceState#UNKNOWN} before any node may carry it out.
 *
 * @param states by resource, then by node; a missing entry is {@link ResourceState#UNKNOWN}
 * @param failCounts the failures not yet expired
 * @param fatal resources whose failure said their configuration is wrong
 * @param failedActions the last failure of each counted operation, for Failed Resource Actions
 */
public record RecordedStatus(Map<String, Map<String, ResourceState>> states,
        List<FailCount> failCounts, Set<String> fatal, List<FailedAction> failedActions) {
    public RecordedStatus {
        Map<String, Map<String, ResourceState>> copy = new LinkedHashMap<>();
        states.forEach((r, byNode) -> copy.put(r, Map.copyOf(byNode)));
        states = Collections.unmodifiableMap(copy);
        failCounts = List.copyOf(failCounts);
        fatal = Set.copyOf(fatal);
        failedActions = List.copyOf(failedActions);
    }

    /** A status recorded without the failures' details. */
    public RecordedStatus(Map<String, Map<String, ResourceState>> states,
            List<FailCount> failCounts, Set<String> fatal) {
        this(states, failCounts, fatal, List.of());
    }

    /** Nothing known: the status of a cluster that never ran. */
    public static RecordedStatus none() {
        return new RecordedStatus(Map.of(), List.of(), Set.of());
    }

    /** The state of {@code resource} on {@code node}. */
    public ResourceState state(String resource, String node) {
        return states.getOrDefault(resource, Map.of()).getOrDefault(node, ResourceState.UNKNOWN);
    }
}
