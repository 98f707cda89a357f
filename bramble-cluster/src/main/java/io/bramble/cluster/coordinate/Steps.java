package io.bramble.cluster.coordinate;

import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.Constraint;
import io.bramble.cluster.model.Group;
import io.bramble.cluster.model.Operation;
import io.bramble.cluster.model.OrderConstraint;
import io.bramble.cluster.model.Primitive;
import io.bramble.cluster.model.Resource;
import io.bramble.cluster.policy.Action;
import io.bramble.cluster.policy.Transition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * A transition made ready to carry out: the engine's actions with what the coordinator adds to
 * them, and for each action the earlier ones it waits for. Added are the stops of extra copies
 * of a resource, Pacemaker's recovery of a failed resource (stop it where it failed, then start
 * it there again when the engine keeps it there; an unmanaged one is left as it is), and the
 * recurring monitors of a resource that runs without them (after a coordinator took over, or
 * a node rejoined). An action waits for
 * every earlier action on the same resource and on a resource ordered with it (a group's
 * neighbours, an order constraint's ends): the engine lists them in an order that respects
 * those orders, so this keeps its order where it matters and runs the rest side by side.
 */
final class Steps {
    private Steps() {
    }

    /** The actions to carry out, in order. */
    static List<Action> actions(Transition transition, EngineView view,
            BiPredicate<String, String> monitored) {
        List<Action> stops = new ArrayList<>();
        List<Action> after = new ArrayList<>();
        view.extraCopies().forEach(p -> stops.add(new Action("stop", p.resource(), p.node(), 0)));
        Cluster cluster = view.cluster();
        view.failedOn().forEach((resource, node) -> {
            if (cluster.managed(resource) && !has(transition.actions(), "stop", resource, node)) {
                stops.add(new Action("stop", resource, node, 0));
                if (transition.placement().get(resource).equals(Optional.of(node))
                        && !has(transition.actions(), "start", resource, node)) {
                    after.add(new Action("start", resource, node, 0));
                    after.addAll(monitors(cluster, resource, node));
                }
            }
        });
        transition.placement().forEach((resource, to) -> to.ifPresent(node -> {
            boolean stays = !has(transition.actions(), "start", resource, node)
                    && !view.failedOn().containsKey(resource)
                    && cluster.status().nodeOf(resource).equals(Optional.of(node));
            if (stays && !monitored.test(resource, node) && !view.blocked().contains(resource)) {
                after.addAll(monitors(cluster, resource, node));
            }
        }));
        List<Action> all = new ArrayList<>(stops);
        all.addAll(transition.actions());
        all.addAll(after);
        return all;
    }

    /** For each action, the indexes of the earlier actions it waits for. */
    static List<List<Integer>> prerequisites(List<Action> actions, Cluster cluster) {
        Set<String> related = relatedPairs(cluster);
        List<List<Integer>> waits = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            List<Integer> before = new ArrayList<>();
            String r = actions.get(i).resource();
            for (int j = 0; j < i; j++) {
                String o = actions.get(j).resource();
                if (o.equals(r) || related.contains(r + "\0" + o)) {
                    before.add(j);
                }
            }
            waits.add(before);
        }
        return waits;
    }

    private static boolean has(List<Action> actions, String op, String resource, String node) {
        return actions.stream().anyMatch(a -> a.operation().equals(op)
                && a.resource().equals(resource) && a.node().equals(node));
    }

    private static List<Action> monitors(Cluster cluster, String resource, String node) {
        return cluster.primitives().stream().filter(p -> p.id().equals(resource))
                .flatMap(p -> p.recurringOperations().stream())
                .map((Operation op) -> new Action(op.name(), resource, node, op.intervalMs()))
                .toList();
    }

    /** Pairs of primitives ordered with each other, both ways, as "a\0b". */
    private static Set<String> relatedPairs(Cluster cluster) {
        Set<String> pairs = new HashSet<>();
        for (Resource r : cluster.resources()) {
            if (r instanceof Group g) {
                for (int i = 1; i < g.members().size(); i++) {
                    pair(pairs, g.members().get(i - 1).id(), g.members().get(i).id());
                }
            }
        }
        for (Constraint c : cluster.constraints()) {
            if (c instanceof OrderConstraint o) {
                for (Primitive f : members(cluster, o.first())) {
                    for (Primitive t : members(cluster, o.then())) {
                        pair(pairs, f.id(), t.id());
                    }
                }
            }
        }
        return pairs;
    }

    private static List<Primitive> members(Cluster cluster, String id) {
        return cluster.resource(id).map(Resource::primitives).orElse(List.of());
    }

    private static void pair(Set<String> pairs, String a, String b) {
        pairs.add(a + "\0" + b);
        pairs.add(b + "\0" + a);
    }
}
