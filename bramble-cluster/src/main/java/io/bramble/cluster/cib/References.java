package io.bramble.cluster.cib;

import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.ColocationConstraint;
import io.bramble.cluster.model.Constraint;
import io.bramble.cluster.model.LocationConstraint;
import io.bramble.cluster.model.OrderConstraint;
import java.util.List;

/** Checks that constraints name resources that exist, and a node a location names. */
final class References {
    private References() {
    }

    static void check(Cluster cluster, XmlElement configuration, CibProblems problems) {
        List<XmlElement> elements = configuration.child("constraints")
                .map(XmlElement::children).orElse(List.of());
        for (Constraint c : cluster.constraints()) {
            XmlElement at = elements.stream()
                    .filter(e -> e.attribute("id").orElse("").equals(c.id())).findFirst()
                    .orElse(configuration);
            List<String> resources = switch (c) {
                case LocationConstraint l -> List.of(l.resource());
                case ColocationConstraint col -> List.of(col.dependent(), col.primary());
                case OrderConstraint o -> List.of(o.first(), o.then());
            };
            for (String r : resources) {
                if (cluster.resource(r).isEmpty()) {
                    problems.error(at, c.id() + " names resource " + r + ", which is not"
                            + " configured");
                }
            }
            if (c instanceof LocationConstraint l && cluster.node(l.node()).isEmpty()) {
                problems.error(at, c.id() + " names node " + l.node() + ", which is not in"
                        + " <nodes>");
            }
        }
        for (var f : cluster.status().failCounts()) {
            if (cluster.resource(f.resource()).isEmpty()) {
                problems.error(configuration, "a fail count names resource " + f.resource()
                        + ", which is not configured");
            }
        }
        for (String r : cluster.status().running().keySet()) {
            if (cluster.resource(r).isEmpty()) {
                problems.error(configuration, "resource " + r + " runs but is not configured:"
                        + " orphaned resources are not supported");
            }
        }
    }
}
