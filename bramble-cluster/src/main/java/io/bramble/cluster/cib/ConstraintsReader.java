package io.bramble.cluster.cib;

import io.bramble.cluster.model.ColocationConstraint;
import io.bramble.cluster.model.Constraint;
import io.bramble.cluster.model.LocationConstraint;
import io.bramble.cluster.model.OrderConstraint;
import io.bramble.cluster.model.OrderKind;
import io.bramble.cluster.model.ResourceMeta;
import io.bramble.cluster.model.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads {@code <constraints>}: rule-less location, colocation and order constraints. */
final class ConstraintsReader {
    private ConstraintsReader() {
    }

    static List<Constraint> read(XmlElement constraints, CibProblems problems) {
        problems.onlyAttributes(constraints, Set.of());
        problems.onlyChildren(constraints, Set.of("rsc_location", "rsc_colocation",
                "rsc_order"));
        List<Constraint> out = new ArrayList<>();
        for (XmlElement e : constraints.children()) {
            Optional<? extends Constraint> c = switch (e.name()) {
                case "rsc_location" -> location(e, problems);
                case "rsc_colocation" -> colocation(e, problems);
                case "rsc_order" -> order(e, problems);
                default -> Optional.empty();
            };
            c.ifPresent(out::add);
        }
        return out;
    }

    private static Optional<LocationConstraint> location(XmlElement e, CibProblems problems) {
        problems.onlyAttributes(e, Set.of("id", "rsc", "node", "score"));
        problems.onlyChildren(e, Set.of());
        var id = problems.required(e, "id");
        var rsc = problems.required(e, "rsc");
        var node = problems.required(e, "node");
        var score = score(e, "score", problems);
        if (id.isEmpty() || rsc.isEmpty() || node.isEmpty() || score.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LocationConstraint(id.get(), rsc.get(), node.get(), score.get()));
    }

    private static Optional<ColocationConstraint> colocation(XmlElement e,
            CibProblems problems) {
        problems.onlyAttributes(e, Set.of("id", "rsc", "with-rsc", "score"));
        problems.onlyChildren(e, Set.of());
        var id = problems.required(e, "id");
        var rsc = problems.required(e, "rsc");
        var with = problems.required(e, "with-rsc");
        var score = score(e, "score", problems);
        if (id.isEmpty() || rsc.isEmpty() || with.isEmpty() || score.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ColocationConstraint(id.get(), rsc.get(), with.get(),
                score.get()));
    }

    private static Optional<OrderConstraint> order(XmlElement e, CibProblems problems) {
        problems.onlyAttributes(e, Set.of("id", "first", "then", "kind", "symmetrical",
                "first-action", "then-action"));
        problems.onlyChildren(e, Set.of());
        for (String action : List.of("first-action", "then-action")) {
            e.attribute(action).filter(a -> !a.equals("start")).ifPresent(a -> problems.error(e,
                    action + "=" + a + " is not supported (only start)"));
        }
        var id = problems.required(e, "id");
        var first = problems.required(e, "first");
        var then = problems.required(e, "then");
        String kindText = e.attribute("kind").orElse("Mandatory");
        Optional<OrderKind> kind = OrderKind.parse(kindText);
        if (kind.isEmpty()) {
            problems.error(e, "kind must be Mandatory, Optional or Serialize, got " + kindText);
        }
        boolean symmetricalDefault = kind.orElse(OrderKind.MANDATORY) != OrderKind.SERIALIZE;
        Optional<Boolean> symmetrical = e.attribute("symmetrical").isEmpty()
                ? Optional.of(symmetricalDefault)
                : ResourceMeta.boolValue(e.attribute("symmetrical").get());
        if (symmetrical.isEmpty()) {
            problems.error(e, "symmetrical must be true or false");
        }
        if (id.isEmpty() || first.isEmpty() || then.isEmpty() || kind.isEmpty()
                || symmetrical.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OrderConstraint(id.get(), first.get(), then.get(), kind.get(),
                symmetrical.get()));
    }

    private static Optional<Integer> score(XmlElement e, String attribute, CibProblems problems) {
        Optional<String> text = problems.required(e, attribute);
        Optional<Integer> score = text.flatMap(Score::parse);
        if (text.isPresent() && score.isEmpty()) {
            problems.error(e, attribute + " must be an integer or INFINITY, got " + text.get());
        }
        return score;
    }
}
