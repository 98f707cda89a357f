package io.bramble.cluster.policy;

import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.Node;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The resource manager's scheduler: cluster state in, a {@link Transition} out, following
 * Pacemaker 2.1's rules for the subset bramble models. Pure: the same cluster and the same
 * {@code now} always give the same transition.
 */
public final class PolicyEngine {
    private PolicyEngine() {
    }

    /**
     * Where every resource should run and what to do to get there.
     *
     * @param cluster configuration and status
     * @param nowEpochSeconds the current time, for failure timeouts
     */
    public static Transition schedule(Cluster cluster, long nowEpochSeconds) {
        Set<String> usable = cluster.nodes().stream().filter(Node::canRunResources)
                .map(Node::name).collect(Collectors.toSet());
        Predicate<String> available = usable::contains;
        Units units = Units.of(cluster, nowEpochSeconds);
        Assignment assignment = new Assignment(available);
        for (Placeable resource : AllocationOrder.of(units.topLevel)) {
            assignment.assign(resource);
        }
        return new Planner(cluster, units).plan();
    }
}
