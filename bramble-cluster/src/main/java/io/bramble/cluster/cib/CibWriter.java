package io.bramble.cluster.cib;

import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.ClusterProperties;
import io.bramble.cluster.model.ColocationConstraint;
import io.bramble.cluster.model.Constraint;
import io.bramble.cluster.model.FailCount;
import io.bramble.cluster.model.Group;
import io.bramble.cluster.model.LocationConstraint;
import io.bramble.cluster.model.Node;
import io.bramble.cluster.model.Operation;
import io.bramble.cluster.model.OrderConstraint;
import io.bramble.cluster.model.Primitive;
import io.bramble.cluster.model.Resource;
import io.bramble.cluster.model.Score;
import java.util.List;
import java.util.Map;

/**
 * Writes the model as a CIB that Pacemaker's tools (crm_simulate, crm_mon, pcs -f) read:
 * configuration, and a status whose history says what runs where (with the parameter digests
 * Pacemaker computes, so that it sees no definition change) and whose transient attributes
 * hold the fail counts.
 */
public final class CibWriter {
    /** The newest feature set Pacemaker 2.1.5 accepts. */
    static final String FEATURE_SET = "3.16.1";

    private CibWriter() {
    }

    public static String write(Cluster cluster) {
        Xml x = new Xml();
        x.open("cib", "crm_feature_set", FEATURE_SET, "validate-with", "pacemaker-3.9",
                "epoch", "1", "num_updates", "0", "admin_epoch", "0",
                "have-quorum", cluster.status().quorate() ? "1" : "0");
        x.open("configuration");
        properties(x, cluster.properties());
        nodes(x, cluster.nodes());
        x.open("resources");
        cluster.resources().forEach(r -> resource(x, r));
        x.close("resources");
        constraints(x, cluster.constraints());
        defaults(x, "rsc_defaults", cluster.defaults().resource());
        defaults(x, "op_defaults", cluster.defaults().operation());
        x.close("configuration");
        x.open("status");
        cluster.nodes().forEach(n -> StatusWriter.nodeState(x, cluster, n));
        x.close("status");
        x.close("cib");
        return x.toString();
    }

    private static void properties(Xml x, ClusterProperties p) {
        String set = "cib-bootstrap-options";
        x.open("crm_config").open("cluster_property_set", "id", set);
        pair(x, set, "stonith-enabled", Boolean.toString(p.stonithEnabled()));
        pair(x, set, "no-quorum-policy", p.noQuorumPolicy().value());
        pair(x, set, "symmetric-cluster", Boolean.toString(p.symmetricCluster()));
        pair(x, set, "cluster-recheck-interval", p.recheckIntervalMs() / 1000 + "s");
        pair(x, set, "start-failure-is-fatal", Boolean.toString(p.startFailureIsFatal()));
        if (!p.stonithAction().equals(ClusterProperties.STONITH_ACTION_DEFAULT)) {
            pair(x, set, "stonith-action", p.stonithAction());
        }
        if (p.stonithTimeoutMs() != ClusterProperties.STONITH_TIMEOUT_MS_DEFAULT) {
            pair(x, set, "stonith-timeout", p.stonithTimeoutMs() + "ms");
        }
        x.close("cluster_property_set").close("crm_config");
    }

    static void pair(Xml x, String setId, String name, String value) {
        x.empty("nvpair", "id", setId + "-" + name, "name", name, "value", value);
    }

    private static void nodes(Xml x, List<Node> nodes) {
        x.open("nodes");
        for (Node n : nodes) {
            if (n.standby()) {
                x.open("node", "id", n.id(), "uname", n.name());
                nameValues(x, "instance_attributes", "nodes-" + n.id(), Map.of("standby", "on"));
                x.close("node");
            } else {
                x.empty("node", "id", n.id(), "uname", n.name());
            }
        }
        x.close("nodes");
    }

    static void nameValues(Xml x, String element, String setId, Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        x.open(element, "id", setId);
        values.forEach((name, value) -> pair(x, setId, name, value));
        x.close(element);
    }

    private static void resource(Xml x, Resource resource) {
        switch (resource) {
            case Primitive p -> primitive(x, p);
            case Group g -> {
                x.open("group", "id", g.id());
                nameValues(x, "meta_attributes", g.id() + "-meta_attributes", g.meta());
                g.members().forEach(m -> primitive(x, m));
                x.close("group");
            }
        }
    }

    /** Opens {@code element} with the primitive's id and its agent's class, provider, type. */
    static void openWithAgent(Xml x, String element, Primitive p) {
        if (p.agent().provider().isPresent()) {
            x.open(element, "id", p.id(), "class", p.agent().standard(),
                    "provider", p.agent().provider().get(), "type", p.agent().type());
        } else {
            x.open(element, "id", p.id(), "class", p.agent().standard(),
                    "type", p.agent().type());
        }
    }

    private static void primitive(Xml x, Primitive p) {
        openWithAgent(x, "primitive", p);
        nameValues(x, "instance_attributes", p.id() + "-instance_attributes",
                p.instanceAttributes());
        nameValues(x, "meta_attributes", p.id() + "-meta_attributes", p.meta());
        if (!p.operations().isEmpty()) {
            x.open("operations");
            for (Operation op : p.operations()) {
                if (op.timeoutMs().isPresent()) {
                    x.empty("op", "id", op.id(), "name", op.name(),
                            "interval", op.intervalMs() + "ms",
                            "timeout", op.timeoutMs().getAsLong() + "ms");
                } else {
                    x.empty("op", "id", op.id(), "name", op.name(),
                            "interval", op.intervalMs() + "ms");
                }
            }
            x.close("operations");
        }
        x.close("primitive");
    }

    private static void constraints(Xml x, List<Constraint> constraints) {
        x.open("constraints");
        for (Constraint c : constraints) {
            switch (c) {
                case LocationConstraint l -> x.empty("rsc_location", "id", l.id(),
                        "rsc", l.resource(), "node", l.node(), "score", Score.format(l.score()));
                case ColocationConstraint col -> x.empty("rsc_colocation", "id", col.id(),
                        "rsc", col.dependent(), "with-rsc", col.primary(),
                        "score", Score.format(col.score()));
                case OrderConstraint o -> x.empty("rsc_order", "id", o.id(),
                        "first", o.first(), "then", o.then(), "kind", o.kind().value(),
                        "symmetrical", Boolean.toString(o.symmetrical()));
            }
        }
        x.close("constraints");
    }

    private static void defaults(Xml x, String element, Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        x.open(element);
        nameValues(x, "meta_attributes", element + "-meta_attributes", values);
        x.close(element);
    }

    /** {@code fail-count-RSC#KEY}, or {@code fail-count-RSC} for a count with no operation. */
    static String failAttribute(String prefix, FailCount f) {
        return prefix + f.resource() + (f.operationKey().isEmpty() ? "" : "#" + f.operationKey());
    }
}
