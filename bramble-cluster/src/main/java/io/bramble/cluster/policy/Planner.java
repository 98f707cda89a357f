package io.bramble.cluster.policy;

import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.Constraint;
import io.bramble.cluster.model.NoQuorumPolicy;
import io.bramble.cluster.model.OrderConstraint;
import io.bramble.cluster.model.OrderKind;
import io.bramble.cluster.model.Operation;
import io.bramble.common.check.Checks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an assignment into a transition: which primitives start, stop, move or restart, and
 * in what order. Starts that cannot run (no quorum, or a mandatory order whose first resource
 * will not run) leave their resource stopped; a mandatory order restarts its then-resource
 * when its first resource starts or (symmetrically) stops.
 */
final class Planner {
    private final Cluster cluster;
    private final Units units;
    /** Where each primitive ends up, null for stopped. */
    private final Map<String, String> target = new LinkedHashMap<>();
    private final Map<String, String> reasons = new HashMap<>();
    private final Set<String> restarts = new LinkedHashSet<>();
    /** Resources whose stop waits for an unmanaged resource: they stay where they run. */
    private final Set<String> pinned = new LinkedHashSet<>();
    /** Orders as primitive pairs: starts of {@code then} after starts of {@code first}. */
    private final List<Edge> edges = new ArrayList<>();

    private record Edge(String first, String then, OrderConstraint constraint) {}

    Planner(Cluster cluster, Units units) {
        this.cluster = cluster;
        this.units = units;
    }

    Transition plan() {
        for (PrimitiveUnit u : units.primitives.values()) {
            target.put(u.id(), u.assigned);
            if (u.managed && u.assigned != null && startBlocked(u)
                    && !u.assigned.equals(u.running)) {
                target.put(u.id(), null);
                reasons.put(u.id(), "due to no quorum");
            } else if (u.managed && u.running != null && u.assigned != null && quorumStopsAll()) {
                target.put(u.id(), null);
                reasons.put(u.id(), "due to no quorum");
            }
        }
        collectEdges();
        propagateOrders();
        Map<String, Optional<String>> placement = new LinkedHashMap<>();
        target.forEach((id, node) -> placement.put(id, Optional.ofNullable(node)));
        return new Transition(placement, changes(), ActionOrder.of(this::startNeeded,
                this::stopNeeded, units, edges(), monitorsOf()));
    }

    private boolean quorumStopsAll() {
        return !cluster.status().quorate()
                && cluster.properties().noQuorumPolicy() == NoQuorumPolicy.STOP;
    }

    private boolean startBlocked(PrimitiveUnit u) {
        if (cluster.status().quorate()) {
            return false;
        }
        return switch (cluster.properties().noQuorumPolicy()) {
            case STOP -> true;
            case FREEZE -> u.running == null;
            case IGNORE -> false;
        };
    }

    private void collectEdges() {
        for (Placeable p : units.topLevel) {
            if (p instanceof GroupUnit g) {
                for (int i = 1; i < g.members.size(); i++) {
                    edges.add(new Edge(g.members.get(i - 1).id(), g.members.get(i).id(),
                            new OrderConstraint(g.id, g.members.get(i - 1).id(),
                                    g.members.get(i).id(), OrderKind.MANDATORY, true)));
                }
            }
        }
        for (Constraint c : cluster.constraints()) {
            if (c instanceof OrderConstraint o && units.placeable(o.first()) != null
                    && units.placeable(o.then()) != null) {
                for (PrimitiveUnit f : members(units.placeable(o.first()))) {
                    for (PrimitiveUnit t : members(units.placeable(o.then()))) {
                        if (f != t) {
                            edges.add(new Edge(f.id(), t.id(), o));
                        }
                    }
                }
            }
        }
    }

    private static List<PrimitiveUnit> members(Placeable placeable) {
        return switch (placeable) {
            case GroupUnit g -> g.members;
            case PrimitiveUnit p -> List.of(p);
        };
    }

    /**
     * Applies what a transition's actions imply for each other until nothing changes, as
     * Pacemaker's orderings do: a then-resource cannot start while its first-resource will
     * not run (when the order is asymmetrical, only a then-resource not running yet); a
     * symmetrical order restarts a then-resource that stays when its first-resource starts
     * or stops, and a stop waits for a then-resource that cannot stop (unmanaged, or itself
     * waiting), so it does not happen either; a
     * resource colocated at INFINITY with one whose start is blocked is stopped too.
     */
    private void propagateOrders() {
        // Each pass changes some resource for good (stopped, pinned or restarted, each at
        // most once), so passes are bounded by three per resource.
        int passesMax = 3 * units.primitives.size() + 1;
        boolean changed = true;
        for (int pass = 0; changed; pass++) {
            Checks.invariant(pass <= passesMax, "order propagation ends");
            changed = false;
            for (Edge e : edges) {
                if (e.constraint().kind() == OrderKind.MANDATORY) {
                    changed |= e.constraint().symmetrical()
                            ? symmetrical(e.first(), e.then())
                            : asymmetrical(e.first(), e.then());
                }
            }
            for (PrimitiveUnit u : units.primitives.values()) {
                changed |= followBlockedPrimaries(u);
            }
        }
    }

    private boolean symmetrical(String first, String then) {
        boolean thenCannotStop = !managed(then) || pinned.contains(then);
        if (thenCannotStop && running(then) != null && stopNeeded(first)
                && !pinned.contains(first)) {
            pinned.add(first);
            target.put(first, running(first));
            restarts.remove(first);
            reasons.remove(first);
            return true;
        }
        if (!managed(then)) {
            return false;
        }
        if (cannotStart(first) && target.get(then) != null && !pinned.contains(then)) {
            stop(then, "due to unrunnable " + first + " start");
            return true;
        }
        boolean staying = target.get(then) != null && target.get(then).equals(running(then));
        if (!staying || restarts.contains(then)) {
            return false;
        }
        if (!pinned.contains(then) && (startNeeded(first) || stopNeeded(first))) {
            restarts.add(then);
            reasons.put(then, "due to required " + first + (startNeeded(first)
                    ? " start"
                    : " stop"));
            return true;
        }
        return false;
    }

    private boolean asymmetrical(String first, String then) {
        if (managed(then) && cannotStart(first) && target.get(then) != null
                && running(then) == null && !pinned.contains(then)) {
            stop(then, "due to unrunnable " + first + " start");
            return true;
        }
        return false;
    }

    /** Stops a resource colocated at INFINITY with one that was placed but cannot start. */
    private boolean followBlockedPrimaries(PrimitiveUnit unit) {
        if (!unit.managed || target.get(unit.id()) == null || pinned.contains(unit.id())) {
            return false;
        }
        for (Colocation c : unit.thisWith) {
            if (c.score() < io.bramble.cluster.model.Score.INFINITY) {
                continue;
            }
            PrimitiveUnit primary = switch (c.primary()) {
                case GroupUnit g -> g.members.getLast();
                case PrimitiveUnit p -> p;
            };
            if (primary.assigned != null && target.get(primary.id()) == null) {
                stop(unit.id(), "due to colocation with " + c.primary().id());
                return true;
            }
        }
        return false;
    }

    private void stop(String id, String reason) {
        if (pinned.contains(id)) {
            return;
        }
        target.put(id, null);
        reasons.put(id, reason);
        restarts.remove(id);
    }

    /**
     * Whether the resource will not run, or should stop or move but cannot (its stop waits
     * for an unmanaged resource): neither starts.
     */
    private boolean cannotStart(String id) {
        return target.get(id) == null || pinned.contains(id);
    }

    private boolean managed(String id) {
        return units.primitives.get(id).managed;
    }

    private String running(String id) {
        return units.primitives.get(id).running;
    }

    boolean startNeeded(String id) {
        String to = target.get(id);
        return managed(id) && to != null && (!to.equals(running(id)) || restarts.contains(id));
    }

    boolean stopNeeded(String id) {
        String from = running(id);
        return managed(id) && from != null
                && (!from.equals(target.get(id)) || restarts.contains(id));
    }

    private List<Change> changes() {
        List<Change> changes = new ArrayList<>();
        List<PrimitiveUnit> inOrder = new ArrayList<>();
        for (Placeable p : AllocationOrder.of(units.topLevel)) {
            inOrder.addAll(switch (p) {
                case GroupUnit g -> g.members;
                case PrimitiveUnit u -> List.of(u);
            });
        }
        for (PrimitiveUnit u : inOrder) {
            if (!u.managed) {
                continue;
            }
            Optional<String> from = Optional.ofNullable(u.running);
            Optional<String> to = Optional.ofNullable(target.get(u.id()));
            Optional<String> reason = Optional.ofNullable(reasons.get(u.id()));
            if (from.isEmpty() && to.isPresent()) {
                changes.add(new Change(Change.Kind.START, u.id(), from, to, Optional.empty()));
            } else if (from.isPresent() && to.isEmpty()) {
                changes.add(new Change(Change.Kind.STOP, u.id(), from, to,
                        reason.or(() -> Optional.of("due to node availability"))));
            } else if (from.isPresent() && !from.equals(to)) {
                changes.add(new Change(Change.Kind.MOVE, u.id(), from, to, Optional.empty()));
            } else if (restarts.contains(u.id())) {
                changes.add(new Change(Change.Kind.RESTART, u.id(), from, to, reason));
            }
        }
        return changes;
    }

    private List<ActionOrder.Before> edges() {
        return edges.stream().map(e -> new ActionOrder.Before(e.first(), e.then(),
                e.constraint().symmetrical())).toList();
    }

    private Map<String, List<Operation>> monitorsOf() {
        Map<String, List<Operation>> monitors = new HashMap<>();
        units.primitives.values().forEach(u -> monitors.put(u.id(),
                u.primitive.recurringOperations()));
        return monitors;
    }

    /** Where each primitive ends up, null for stopped. */
    Map<String, String> targets() {
        return target;
    }
}
