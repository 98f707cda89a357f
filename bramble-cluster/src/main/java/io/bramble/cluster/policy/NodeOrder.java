package io.bramble.cluster.policy;

import io.bramble.cluster.model.Score;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * How Pacemaker ranks nodes for a resource: the higher score first (a node that cannot run
 * resources counts as -INFINITY), then the node with fewer resources assigned so far, then
 * the node the resource runs on now, then the node whose name sorts first.
 */
final class NodeOrder {
    private NodeOrder() {
    }

    static Comparator<String> of(ToIntFunction<String> score, Predicate<String> available,
            Map<String, Integer> assignedCounts, String current) {
        ToIntFunction<String> effective = n -> available.test(n)
                ? score.applyAsInt(n)
                : -Score.INFINITY;
        return Comparator.<String>comparingInt(n -> -effective.applyAsInt(n))
                .thenComparingInt(n -> assignedCounts.getOrDefault(n, 0))
                .thenComparingInt(n -> n.equals(current) ? 0 : 1)
                .thenComparing(NodeOrder::byteOrder);
    }

    /** strcmp's order: by UTF-8 bytes, unsigned. */
    static int byteOrder(String a, String b) {
        return java.util.Arrays.compareUnsigned(
                a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
