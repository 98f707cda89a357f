package io.bramble.cluster.coordinate;

import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.ClusterStatus;
import io.bramble.cluster.model.Constraint;
import io.bramble.cluster.model.Group;
import io.bramble.cluster.model.LocationConstraint;
import io.bramble.cluster.model.Node;
import io.bramble.cluster.model.Primitive;
import io.bramble.cluster.model.Resource;
import io.bramble.cluster.model.Score;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.BiFunction;

/**
 * The cluster as the policy engine is asked about it. Members of the majority are online. A
 * node that left but may still run resources (its lease may hold) is online and in standby:
 * the engine then plans to stop its resources there before starting them elsewhere, and those
 * stops wait until the node is certainly stopped, holding back the starts behind them. A
 * resource whose stop failed is unmanaged; one that failed fatally is banned from every node.
 *
 * @param cluster what the engine schedules
 * @param extraCopies nodes beyond the first where a resource may run, to stop there
 * @param failedOn where each failed resource the engine sees as running failed
 * @param blocked resources whose stop failed: neither stopped, started nor monitored
 */
record EngineView(Cluster cluster, List<Placement> extraCopies, Map<String, String> failedOn,
        List<String> blocked) {
    /** A resource on a node. */
    record Placement(String resource, String node) {}

    static EngineView of(Cluster configuration, Map<String, NodeStanding> standings,
            BiFunction<String, String, ResourceState> state, FailureLedger failures) {
        List<Node> nodes = configuration.nodes().stream().map(n -> {
            NodeStanding s = standings.get(n.name());
            boolean online = s.member || s.unclean();
            return new Node(n.id(), n.name(), online, n.standby() || s.unclean());
        }).toList();
        Map<String, String> running = new LinkedHashMap<>();
        Map<String, String> failedOn = new LinkedHashMap<>();
        List<Placement> extra = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        for (Primitive p : configuration.primitives()) {
            List<String> where = new ArrayList<>();
            for (Node n : configuration.nodes()) {
                NodeStanding s = standings.get(n.name());
                ResourceState st = state.apply(p.id(), n.name());
                if ((s.member || s.unclean()) && st.mayRun()) {
                    where.add(n.name());
                    if (st == ResourceState.BLOCKED) {
                        blocked.add(p.id());
                    }
                }
            }
            where.sort((a, b) -> Boolean.compare(!standings.get(a).member,
                    !standings.get(b).member));
            if (!where.isEmpty()) {
                running.put(p.id(), where.getFirst());
                if (state.apply(p.id(), where.getFirst()) == ResourceState.FAILED) {
                    failedOn.put(p.id(), where.getFirst());
                }
                where.subList(1, where.size()).forEach(n -> extra.add(new Placement(p.id(), n)));
            }
        }
        List<Constraint> constraints = new ArrayList<>(configuration.constraints());
        for (String resource : failures.fatal()) {
            configuration.nodes().forEach(n -> constraints.add(new LocationConstraint(
                    "fatal-" + resource + "-" + n.name(), resource, n.name(), -Score.INFINITY)));
        }
        List<Resource> resources = configuration.resources().stream()
                .map(r -> unmanage(r, blocked)).toList();
        ClusterStatus status = new ClusterStatus(true, running, failures.counts());
        Cluster cluster = new Cluster(configuration.properties(), nodes, resources, constraints,
                configuration.defaults(), status);
        return new EngineView(cluster, extra, failedOn, blocked);
    }

    private static Resource unmanage(Resource resource, List<String> blocked) {
        return switch (resource) {
            case Primitive p -> blocked.contains(p.id()) ? unmanaged(p) : p;
            case Group g -> new Group(g.id(), g.members().stream()
                    .map(m -> blocked.contains(m.id()) ? unmanaged(m) : m).toList(), g.meta());
        };
    }

    private static Primitive unmanaged(Primitive p) {
        SequencedMap<String, String> meta = new LinkedHashMap<>(p.meta());
        meta.put("is-managed", "false");
        return new Primitive(p.id(), p.agent(), p.instanceAttributes(), p.operations(), meta);
    }
}
