package io.bramble.cluster.live;

import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.ClusterStatus;
import io.bramble.cluster.model.Constraint;
import io.bramble.cluster.model.LocationConstraint;
import io.bramble.cluster.model.Primitive;
import io.bramble.cluster.model.Resource;
import io.bramble.cluster.model.Score;
import io.bramble.cluster.pcs.MoveConstraints;
import io.bramble.cluster.pcs.PcsException;
import io.bramble.cluster.policy.PolicyEngine;
import io.bramble.cluster.policy.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code pcs resource move R [NODE]} does on a live cluster (pcs 0.11): a location
 * constraint that moves the resource ({@code cli-prefer-R}, INFINITY on NODE; without a node
 * {@code cli-ban-R-on-CURRENT}, -INFINITY where it runs), checked with the policy engine before
 * anything changes, as pcs checks it with crm_simulate: the constraint must move the resource,
 * and once it has moved, removing the constraint must not move it back. Pure.
 *
 * @param resource the resource (a primitive or a group) to move
 * @param from the node it runs on now
 * @param to the node it runs on once moved
 * @param constraint the constraint that moves it, removed once it moved
 */
public record MovePlan(String resource, String from, String to, LocationConstraint constraint) {
    /**
     * The plan for moving {@code resource} (to {@code node}, or off its node) in {@code now},
     * the cluster with what runs where; a refusal with pcs's message otherwise.
     */
    public static MovePlan of(Cluster now, String resource, Optional<String> node,
            long nowEpochSeconds) {
        Resource moved = now.resource(resource).orElseThrow(() -> new PcsException(
                "bundle/clone/group/resource '" + resource + "' does not exist"));
        node.filter(n -> now.node(n).isEmpty()).ifPresent(n -> {
            throw new PcsException("Node '" + n + "' does not appear to exist in"
                    + " configuration");
        });
        List<String> primitives = moved.primitives().stream().map(Primitive::id).toList();
        Optional<String> from = primitives.stream().map(p -> now.status().nodeOf(p))
                .flatMap(Optional::stream).findFirst();
        if (from.isEmpty()) {
            throw new PcsException("It is not possible to move resource '" + resource
                    + "' as it is not running at the moment");
        }
        LocationConstraint constraint = node.isPresent()
                ? new LocationConstraint(MoveConstraints.PREFER + resource, resource, node.get(),
                        Score.INFINITY)
                : new LocationConstraint(MoveConstraints.BAN + resource + "-on-" + from.get(),
                        resource,
                        from.get(), -Score.INFINITY);
        Transition move = PolicyEngine.schedule(with(now, constraint), nowEpochSeconds);
        Optional<String> to = move.placement().getOrDefault(primitives.getFirst(),
                Optional.empty());
        if (to.isEmpty() || to.equals(from) || node.isPresent() && !to.equals(node)) {
            throw new PcsException("Unable to move resource '" + resource + "' using a location"
                    + " constraint. Current location of the resource may be affected by some"
                    + " other constraint.");
        }
        Cluster afterMove = running(now, move.placement());
        if (touches(PolicyEngine.schedule(afterMove, nowEpochSeconds), primitives)) {
            throw stayFailure(resource);
        }
        return new MovePlan(resource, from.get(), to.get(), constraint);
    }

    /**
     * Whether removing the constraint from {@code moved} (the cluster once the resource moved,
     * with the constraint in place) would move the resource again.
     */
    public boolean movesBack(Cluster moved, long nowEpochSeconds) {
        Cluster without = new Cluster(moved.properties(), moved.nodes(), moved.resources(),
                moved.constraints().stream().filter(c -> !(c instanceof LocationConstraint l
                        && l.id().equals(constraint.id()))).toList(),
                moved.defaults(),
                moved.status());
        return touches(PolicyEngine.schedule(without, nowEpochSeconds), primitives(moved));
    }

    /** Whether {@code resource} runs on {@code to} in {@code cluster}, every member of it. */
    public boolean done(Cluster cluster) {
        List<String> primitives = primitives(cluster);
        return !primitives.isEmpty() && primitives.stream().allMatch(p -> cluster.status()
                .nodeOf(p).equals(Optional.of(to)));
    }

    /** pcs's refusal when removing the constraint would move the resource back. */
    static PcsException stayFailure(String resource) {
        return new PcsException("Unable to ensure that moved resource '" + resource + "' will"
                + " stay on the same node after a constraint used for moving it is removed.");
    }

    private List<String> primitives(Cluster cluster) {
        return cluster.resource(resource).map(r -> r.primitives().stream().map(Primitive::id)
                .toList()).orElse(List.of());
    }

    private static boolean touches(Transition transition, List<String> primitives) {
        Set<String> ids = Set.copyOf(primitives);
        return transition.changes().stream().anyMatch(c -> ids.contains(c.resource()));
    }

    private static Cluster with(Cluster cluster, LocationConstraint constraint) {
        List<Constraint> constraints = new ArrayList<>(cluster.constraints());
        constraints.add(constraint);
        return new Cluster(cluster.properties(), cluster.nodes(), cluster.resources(),
                constraints, cluster.defaults(), cluster.status());
    }

    /** {@code cluster} with every placed primitive running where {@code placement} puts it. */
    private static Cluster running(Cluster cluster, Map<String, Optional<String>> placement) {
        Map<String, String> running = placement.entrySet().stream().filter(e -> e.getValue()
                .isPresent()).collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue()
                                .get(),
                        (a, b) -> a, LinkedHashMap::new));
        ClusterStatus status = new ClusterStatus(cluster.status().quorate(), running, cluster
                .status().failCounts());
        return new Cluster(cluster.properties(), cluster.nodes(), cluster.resources(),
                cluster.constraints(), cluster.defaults(), status);
    }
}
