package io.bramble.cluster.coordinate;

import io.bramble.cluster.exec.Recovery;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.FailCount;
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
    private final Set<String> fatal = new LinkedHashSet<>();

    FailureLedger(List<FailCount> recorded, Set<String> fatalRecorded) {
        recorded.forEach(f -> counts.put(key(f.resource(), f.node(), f.operationKey()), f));
        fatal.addAll(fatalRecorded);
    }

    /** Counts a failure of {@code operationKey} ({@code start_0}) of a resource on a node. */
    void failed(Cluster cluster, String resource, String node, String operationKey,
            Optional<Recovery> recovery, long nowEpochSeconds) {
        String key = key(resource, node, operationKey);
        int before = Optional.ofNullable(counts.get(key)).map(FailCount::count).orElse(0);
        boolean startFatal = operationKey.equals("start_0")
                && cluster.properties().startFailureIsFatal();
        boolean hard = recovery.filter(r -> r != Recovery.SOFT).isPresent();
        int count = startFatal || hard ? Score.INFINITY : Score.add(before, 1);
        counts.put(key, new FailCount(resource, node, operationKey, count, nowEpochSeconds));
        if (recovery.filter(r -> r == Recovery.FATAL).isPresent()) {
            fatal.add(resource);
        }
    }

    /** Forgets the counts whose failure timeout has passed; whether any was forgotten. */
    boolean expire(Cluster cluster, long nowEpochSeconds) {
        return counts.values().removeIf(f -> failureTimeout(cluster, f.resource())
                .stream().anyMatch(t -> nowEpochSeconds > f.lastFailureEpochSeconds() + t));
    }

    /**
     * Forgets the failures of {@code resources} (all on {@code node}, or on every node when
     * empty), and their fatal mark: {@code pcs resource cleanup}.
     */
    void forget(java.util.Set<String> resources, Optional<String> node) {
        counts.values().removeIf(
                f -> resources.contains(f.resource()) && node.map(f.node()::equals).orElse(true));
        if (node.isEmpty()) {
            fatal.removeAll(resources);
        }
    }

    List<FailCount> counts() {
        return new ArrayList<>(counts.values());
    }

    Set<String> fatal() {
        return fatal;
    }

    private static OptionalLong failureTimeout(Cluster cluster, String resource) {
        Optional<Primitive> primitive = cluster.primitives().stream()
                .filter(p -> p.id().equals(resource)).findFirst();
        if (primitive.isEmpty()) {
            return OptionalLong.empty();
        }
        List<Map<String, String>> layers = new ArrayList<>();
        layers.add(primitive.get().meta());
        cluster.groupOf(resource).map(Group::meta).ifPresent(layers::add);
        layers.add(cluster.defaults().resource());
        long seconds = ResourceMeta.resolve(layers).failureTimeoutSeconds();
        return seconds > 0 ? OptionalLong.of(seconds) : OptionalLong.empty();
    }

    private static String key(String resource, String node, String operationKey) {
        return resource + "\0" + node + "\0" + operationKey;
    }
}
