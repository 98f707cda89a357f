package io.bramble.cluster.model;

import io.bramble.common.check.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What runs where now and what failed where.
 *
 * @param quorate whether this partition has quorum
 * @param running each running primitive's node, by primitive id
 * @param failCounts recorded failures
 * @param failedActions the last failure of each operation that has a fail count, what crm_mon
 *     lists as Failed Resource Actions
 * @param history by node, the resources that ran an operation there (a start, a probe, a
 *     failure): those whose fail counts crm_mon's Migration Summary lists for the node
 */
public record ClusterStatus(boolean quorate, Map<String, String> running,
        List<FailCount> failCounts, List<FailedAction> failedActions,
        Map<String, Set<String>> history) {
    public ClusterStatus {
        Checks.argument(running != null && failCounts != null && failedActions != null
                && history != null, "status parts must not be null");
        running = Collections.unmodifiableMap(new LinkedHashMap<>(running));
        failCounts = List.copyOf(failCounts);
        failedActions = List.copyOf(failedActions);
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        history.forEach((node, resources) -> copy.put(node, Collections.unmodifiableSet(
                new LinkedHashSet<>(resources))));
        history = Collections.unmodifiableMap(copy);
    }

    /** A status whose failures are known by their counts alone. */
    public ClusterStatus(boolean quorate, Map<String, String> running,
            List<FailCount> failCounts) {
        this(quorate, running, failCounts, List.of());
    }

    /**
     * A status whose history is what runs where and what failed where, as bramble keeps it.
     */
    public ClusterStatus(boolean quorate, Map<String, String> running,
            List<FailCount> failCounts, List<FailedAction> failedActions) {
        this(quorate, running, failCounts, failedActions, historyOf(running, failedActions));
    }

    private static Map<String, Set<String>> historyOf(Map<String, String> running,
            List<FailedAction> failedActions) {
        Map<String, Set<String>> history = new LinkedHashMap<>();
        running.forEach((resource, node) -> history.computeIfAbsent(node,
                n -> new LinkedHashSet<>()).add(resource));
        failedActions.forEach(a -> history.computeIfAbsent(a.node(), n -> new LinkedHashSet<>())
                .add(a.resource()));
        return history;
    }

    /** A quorate cluster where nothing runs and nothing failed. */
    public static ClusterStatus idle() {
        return new ClusterStatus(true, Map.of(), List.of());
    }

    /** The node {@code primitive} runs on, if it runs. */
    public Optional<String> nodeOf(String primitive) {
        return Optional.ofNullable(running.get(primitive));
    }
}
