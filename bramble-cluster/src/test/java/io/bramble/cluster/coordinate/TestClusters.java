package io.bramble.cluster.coordinate;

import io.bramble.cluster.model.AgentName;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.ClusterProperties;
import io.bramble.cluster.model.ClusterStatus;
import io.bramble.cluster.model.Constraint;
import io.bramble.cluster.model.Defaults;
import io.bramble.cluster.model.Group;
import io.bramble.cluster.model.NoQuorumPolicy;
import io.bramble.cluster.model.Node;
import io.bramble.cluster.model.Operation;
import io.bramble.cluster.model.OrderConstraint;
import io.bramble.cluster.model.OrderKind;
import io.bramble.cluster.model.Primitive;
import io.bramble.cluster.model.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SequencedMap;

/** Configurations for the coordinator's tests: Dummy primitives with a 1 s monitor. */
final class TestClusters {
    private TestClusters() {
    }

    /** A primitive with a monitor every second and 2 s timeouts. */
    static Primitive dummy(String id, Map<String, String> meta) {
        List<Operation> ops = List.of(
                new Operation(id + "-start", "start", 0, OptionalLong.of(2_000)),
                new Operation(id + "-stop", "stop", 0, OptionalLong.of(2_000)),
                new Operation(id + "-monitor", "monitor", 1_000, OptionalLong.of(2_000)));
        return new Primitive(id, AgentName.ocf("heartbeat", "Dummy"), new LinkedHashMap<>(),
                ops, new LinkedHashMap<>(meta));
    }

    /** Nodes n1..nN, stonith disabled, the given resources and constraints. */
    static Cluster cluster(int nodes, List<Resource> resources, List<Constraint> constraints,
            boolean startFailureIsFatal) {
        List<Node> list = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            list.add(new Node(String.valueOf(i), "n" + i, true, false));
        }
        ClusterProperties props = new ClusterProperties(false, NoQuorumPolicy.STOP, true,
                60_000, startFailureIsFatal);
        return new Cluster(props, list, resources, constraints, Defaults.NONE,
                ClusterStatus.idle());
    }

    /**
     * The simulation's cluster: five nodes, three primitives and a group of two started after
     * r1, failures forgotten after 5 s so that every resource can run again once faults stop.
     */
    static Cluster simulated() {
        Map<String, String> meta = Map.of("failure-timeout", "5s", "resource-stickiness", "1");
        List<Resource> resources = List.of(dummy("r1", meta), dummy("r2", meta),
                dummy("r3", meta),
                new Group("g1", List.of(dummy("g1a", meta), dummy("g1b", meta)), attrs()));
        List<Constraint> constraints = List.of(
                new OrderConstraint("o1", "r1", "g1", OrderKind.OPTIONAL, false));
        return cluster(5, resources, constraints, true);
    }

    private static SequencedMap<String, String> attrs() {
        return new LinkedHashMap<>();
    }
}
