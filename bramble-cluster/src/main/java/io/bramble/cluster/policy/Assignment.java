package io.bramble.cluster.policy;

import io.bramble.cluster.model.Score;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Decides where each resource runs, as Pacemaker's scheduler assigns them: a resource first
 * has the resources it is colocated with placed and takes their placement into account, then
 * weighs the wishes of the resources colocated with it, then takes the best node by
 * {@link NodeOrder}. Resources are assigned one by one in {@link AllocationOrder}.
 */
final class Assignment {
    private final Predicate<String> available;
    private final Map<String, Integer> assignedCounts = new HashMap<>();

    Assignment(Predicate<String> available) {
        this.available = available;
    }

    /** Resources assigned to each node so far. */
    Map<String, Integer> assignedCounts() {
        return assignedCounts;
    }

    void assign(Placeable resource) {
        switch (resource) {
            case GroupUnit group -> assignGroup(group);
            case PrimitiveUnit primitive -> assignPrimitive(primitive);
        }
    }

    private void assignGroup(GroupUnit group) {
        if (!group.provisional || group.assigning) {
            return;
        }
        group.assigning = true;
        for (PrimitiveUnit member : group.members) {
            assignPrimitive(member);
        }
        group.assigning = false;
        group.provisional = false;
    }

    private void assignPrimitive(PrimitiveUnit unit) {
        if (unit.group != null && !unit.group.assigning) {
            assignGroup(unit.group);
        }
        if (!unit.provisional || unit.assigning) {
            return;
        }
        unit.assigning = true;
        for (Colocation colocation : unit.thisWith) {
            int score = colocation.score();
            ScoreTable archive = score < 0 && score > -Score.INFINITY ? unit.allowed.copy() : null;
            assign(colocation.primary());
            applyColocation(unit, colocation);
            if (archive != null && !anyAvailable(unit.allowed)) {
                unit.allowed = archive;
            }
        }
        for (Colocation colocation : unit.withThis) {
            unit.allowed = merge(colocation.dependent(), unit.allowed, colocation.factor());
        }
        if (!unit.meta.started()) {
            unit.allowed.addToAll(-Score.INFINITY);
        }
        if (!unit.managed) {
            assignTo(unit, unit.running, true);
        } else {
            choose(unit);
        }
        unit.assigning = false;
    }

    /** Narrows the dependent's scores to follow (or avoid) where its primary was placed. */
    private void applyColocation(PrimitiveUnit dependent, Colocation colocation) {
        if (colocation.primary().provisional() || !dependent.provisional) {
            return;
        }
        int score = colocation.score();
        String primaryNode = colocation.primary().nodeFor(score).orElse(null);
        if (primaryNode == null && score < 0) {
            return;
        }
        ScoreTable work = dependent.allowed.copy();
        for (String node : new ArrayList<>(work.nodes())) {
            int old = work.get(node);
            if (primaryNode == null) {
                work.set(node, Score.add(-Score.INFINITY, old));
            } else if (node.equals(primaryNode)) {
                if (score < Score.INFINITY) {
                    work.set(node, Score.add(score, old));
                }
            } else if (score >= Score.INFINITY) {
                work.set(node, Score.add(-score, old));
            }
        }
        if (score <= -Score.INFINITY || score >= Score.INFINITY || anyAvailable(work)) {
            dependent.allowed = work;
        }
    }

    /**
     * {@code nodes} with the scores of {@code resource} (and, transitively, of those linked
     * to it: the resources colocated with it, each at ±1 whatever its score, as Pacemaker
     * weighs them) added in proportion to {@code factor}; left as they were when that would
     * leave no node able to run the resource.
     */
    private ScoreTable merge(Placeable resource, ScoreTable nodes, float factor) {
        PrimitiveUnit unit = resource.representative();
        if (unit.merging) {
            return nodes;
        }
        unit.merging = true;
        ScoreTable work = nodes.copy();
        addScaledScores(work, unit, factor);
        if (anyAvailable(work)) {
            int sign = factor < 0 ? -1 : 1;
            for (Colocation colocation : unit.withThis) {
                work = merge(colocation.dependent(), work, sign * colocation.factor());
            }
        } else {
            work = nodes;
        }
        unit.merging = false;
        return work;
    }

    private void addScaledScores(ScoreTable work, PrimitiveUnit unit, float factor) {
        for (String node : new ArrayList<>(work.nodes())) {
            int score = available.test(node) ? unit.allowed.get(node) : -Score.INFINITY;
            if (factor < 0 && score < 0) {
                continue;
            }
            float scaled = factor * score;
            int weight = (int) (scaled < 0 ? scaled - 0.5 : scaled + 0.5);
            if (weight == 0 && score != 0) {
                weight = factor > 0 ? 1 : factor < 0 ? -1 : 0;
            }
            work.set(node, Score.add(weight, work.get(node)));
        }
    }

    private boolean anyAvailable(ScoreTable table) {
        return table.nodes().stream().anyMatch(n -> available.test(n) && table.get(n) >= 0);
    }

    private void choose(PrimitiveUnit unit) {
        List<String> nodes = new ArrayList<>(unit.allowed.nodes());
        nodes.sort(NodeOrder.of(unit.allowed::get, available, assignedCounts, unit.running));
        if (nodes.isEmpty()) {
            assignTo(unit, null, false);
            return;
        }
        String chosen = nodes.getFirst();
        int best = unit.allowed.get(chosen);
        if (best > 0 && available.test(chosen) && unit.running != null
                && available.test(unit.running)) {
            for (String other : nodes.subList(1, nodes.size())) {
                if (unit.allowed.get(other) != best) {
                    break;
                }
                if (other.equals(unit.running)) {
                    chosen = other;
                }
            }
        }
        assignTo(unit, chosen, false);
    }

    private void assignTo(PrimitiveUnit unit, String node, boolean force) {
        String target = node;
        if (!force && target != null && (unit.allowed.get(target) < 0 || !available.test(target))) {
            target = null;
        }
        unit.provisional = false;
        unit.assigned = target;
        if (target != null) {
            assignedCounts.merge(target, 1, Integer::sum);
        }
    }
}
