package io.bramble.cluster.coordinate;

import io.bramble.cluster.exec.Recovery;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.FailCount;
import io.bramble.cluster.model.FailedAction;
import io.bramble.cluster.model.Group;
import io.bramble.cluster.model.Primitive;
import io.bramble.cluster.model.ResourceMeta;
import io.bramble.cluster.model.Score;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Fail counts as Pacemaker keeps them: one a resource, node and operation, raised by each
 * failure; INFINITY at once for a hard failure (the node cannot run it) and for a failed start
 * when {@code start-failure-is-fatal}; a fatal failure (a wrong configuration) bans the resource
 * everywhere. A count is forgotten once its resource's {@code failure-timeout} has passed since
 * its last failure.
 */
final class FailureLedger {
    private final Map<String, FailCount> counts = new LinkedHashMap<>();
    /** The last failure of each counted operation, by the same key; never without a count. */
    private final Map<String, FailedAction> last = new LinkedHashMap<>();
    private final Set<String> fatal = new LinkedHashSet<>();

    FailureLedger(List<FailCount> recorded, Set<String> fatalRecorded,
            List<FailedAction> lastRecorded) {
        recorded.forEach(f -> counts.put(key(f.resource(), f.node(), f.operationKey()), f));
        lastRecorded.forEach(a -> {
            String key = key(a.resource(), a.node(), a.operationKey());
            if (counts.containsKey(key)) {
                last.put(key, a);
            }
        });
        fatal.addAll(fatalRecorded);
    }

    /** Counts {@code failure}, an operation of a resource that failed on a node. */
    void failed(Cluster cluster, FailedAction failure, Optional<Recovery> recovery) {
        String resource = failure.resource();
        String operationKey = failure.operationKey();
        String key = key(resource, failure.node(), operationKey);
        int before = Optional.ofNullable(counts.get(key)).map(FailCount::count).orElse(0);
        boolean startFatal = operationKey.equals("start_0")
                && cluster.properties().startFailureIsFatal();
        boolean hard = recovery.filter(r -> r != Recovery.SOFT).isPresent();
        int count = startFatal || hard ? Score.INFINITY : Score.add(before, 1);
        counts.put(key, new FailCount(resource, failure.node(), operationKey, count, failure
                .epochSeconds()));
        last.put(key, failure);
        if (recovery.filter(r -> r == Recovery.FATAL).isPresent()) {
            fatal.add(resource);
        }
    }

    /** Forgets the counts whose failure timeout has passed; whether any was forgotten. */
    boolean expire(Cluster cluster, long nowEpochSeconds) {
        boolean any = counts.values().removeIf(f -> failureTimeout(cluster, f.resource())
                .stream().anyMatch(t -> nowEpochSeconds > f.lastFailureEpochSeconds() + t));
        last.keySet().retainAll(counts.keySet());
        return any;
    }

    /**
     * Forgets the failures of {@code resources} (all on {@code node}, or on every node when
     * empty), and their fatal mark: {@code pcs resource cleanup}.
     */
    void forget(java.util.Set<String> resources, Optional<String> node) {
        counts.values().removeIf(
                f -> resources.contains(f.resource()) && node.map(f.node()::equals).orElse(true));
        last.keySet().retainAll(counts.keySet());
        if (node.isEmpty()) {
            fatal.removeAll(resources);
        }
    }

    List<FailCount> counts() {
        return new ArrayList<>(counts.values());
    }

    /** The last failure of each counted operation, in the order they first failed. */
    List<FailedAction> lastFailures() {
        return new ArrayList<>(last.values());
    }

    Set<String> fatal() {
        return fatal;
    }

    private static OptionalLong failureTimeout(Cluster cluster, String resource) {
        long seconds = cluster.metaOf(resource).map(ResourceMeta::failureTimeoutSeconds).orElse(
                0L);
        return seconds > 0 ? OptionalLong.of(seconds) : OptionalLong.empty();
    }

    private static String key(String resource, String node, String operationKey) {
        return resource + "\0" + node + "\0" + operationKey;
    }
}
