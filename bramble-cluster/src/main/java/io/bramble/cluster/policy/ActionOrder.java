package io.bramble.cluster.policy;

import io.bramble.cluster.model.Operation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Lays a transition's actions out in an order that respects its constraints: every stop
 * first, a then-resource stopped before its first-resource when the order is symmetrical;
 * then every start, a first-resource before its then-resource, each followed by its
 * recurring monitors. Otherwise resources keep their configuration order.
 */
final class ActionOrder {
    /** {@code first} starts before {@code then}; stops go in reverse when symmetrical. */
    record Before(String first, String then, boolean symmetrical) {}

    private ActionOrder() {
    }

    static List<Action> of(Predicate<String> startNeeded, Predicate<String> stopNeeded,
            Units units, List<Before> edges, Map<String, List<Operation>> monitors) {
        List<String> ids = new ArrayList<>(units.primitives.keySet());
        List<Action> actions = new ArrayList<>();
        List<String> stopping = ids.stream().filter(stopNeeded).toList();
        for (String id : sorted(stopping, edges, true)) {
            actions.add(new Action("stop", id, units.primitives.get(id).running, 0));
        }
        List<String> starting = ids.stream().filter(startNeeded).toList();
        for (String id : sorted(starting, edges, false)) {
            PrimitiveUnit unit = units.primitives.get(id);
            String node = unit.assigned;
            actions.add(new Action("start", id, node, 0));
            for (Operation op : monitors.getOrDefault(id, List.of())) {
                actions.add(new Action(op.name(), id, node, op.intervalMs()));
            }
        }
        return actions;
    }

    /** {@code ids} in dependency order (reversed orders for stops), stable otherwise. */
    private static List<String> sorted(List<String> ids, List<Before> edges, boolean stops) {
        Set<String> left = new LinkedHashSet<>(ids);
        List<String> out = new ArrayList<>();
        while (!left.isEmpty()) {
            String next = left.stream().filter(id -> !waits(id, left, edges, stops)).findFirst()
                    .orElse(left.iterator().next()); // a cycle: break it in config order
            left.remove(next);
            out.add(next);
        }
        return out;
    }

    private static boolean waits(String id, Set<String> left, List<Before> edges, boolean stops) {
        for (Before e : edges) {
            if (stops && e.symmetrical() && e.first().equals(id) && left.contains(e.then())) {
                return true;
            }
            if (!stops && e.then().equals(id) && left.contains(e.first())) {
                return true;
            }
        }
        return false;
    }
}
