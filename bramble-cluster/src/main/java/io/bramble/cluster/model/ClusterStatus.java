package io.bramble.cluster.model;

import io.bramble.common.check.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What runs where now and what failed where.
 *
 * @param quorate whether this partition has quorum
 * @param running each running primitive's node, by primitive id
 * @param failCounts recorded failures
 * @param failedActions the last failure of each operation that has a fail count, what crm_mon
 *     lists as Failed Resource Actions
 */
public record ClusterStatus(boolean quorate, Map<String, String> running,
        List<FailCount> failCounts, List<FailedAction> failedActions) {
    public ClusterStatus {
        Checks.argument(running != null && failCounts != null && failedActions != null,
                "status parts must not be null");
        running = Collections.unmodifiableMap(new LinkedHashMap<>(running));
        failCounts = List.copyOf(failCounts);
        failedActions = List.copyOf(failedActions);
    }

    /** A status whose failures are known by their counts alone. */
    public ClusterStatus(boolean quorate, Map<String, String> running,
            List<FailCount> failCounts) {
        this(quorate, running, failCounts, List.of());
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
