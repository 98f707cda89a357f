package io.bramble.cluster.policy;

import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.ColocationConstraint;
import io.bramble.cluster.model.Constraint;
import io.bramble.cluster.model.FailCount;
import io.bramble.cluster.model.Group;
import io.bramble.cluster.model.LocationConstraint;
import io.bramble.cluster.model.Node;
import io.bramble.cluster.model.Primitive;
import io.bramble.cluster.model.Resource;
import io.bramble.cluster.model.ResourceMeta;
import io.bramble.cluster.model.Score;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resources of a cluster made ready for assignment: each primitive's starting scores
 * (symmetric default, location constraints, stickiness, failures past migration-threshold)
 * and the colocations between them, a group's members chained to each other.
 */
final class Units {
    /** Top-level resources in configuration order (empty groups left out). */
    final List<Placeable> topLevel = new ArrayList<>();
    /** Every primitive by id, in configuration order. */
    final Map<String, PrimitiveUnit> primitives = new LinkedHashMap<>();
    private final Map<String, Placeable> byId = new LinkedHashMap<>();

    private Units() {
    }

    static Units of(Cluster cluster, long nowEpochSeconds) {
        Units units = new Units();
        for (Resource resource : cluster.resources()) {
            units.add(cluster, resource);
        }
        for (PrimitiveUnit unit : units.primitives.values()) {
            if (cluster.properties().symmetricCluster()) {
                cluster.nodes().forEach(n -> unit.allowed.set(n.name(), 0));
            }
            if (cluster.properties().stonithEnabled() && cluster.fenceDevices().isEmpty()) {
                unit.managed = false;
            }
        }
        for (Constraint c : cluster.constraints()) {
            if (c instanceof LocationConstraint l) {
                units.locate(cluster, l);
            }
        }
        units.primitives.values().forEach(u -> applyStickiness(cluster, u));
        units.primitives.values().forEach(Units::pinUnmanaged);
        units.primitives.values().forEach(u -> banFailed(cluster, u, nowEpochSeconds));
        for (Constraint c : cluster.constraints()) {
            if (c instanceof ColocationConstraint colocation) {
                units.colocate(colocation);
            }
        }
        units.chainGroups();
        units.primitives.values().forEach(Units::sortColocations);
        return units;
    }

    /** The placeable resource (group or primitive) with this id, or null. */
    Placeable placeable(String id) {
        return byId.get(id);
    }

    private void add(Cluster cluster, Resource resource) {
        Map<String, String> defaults = cluster.defaults().resource();
        switch (resource) {
            case Primitive p -> {
                PrimitiveUnit unit = new PrimitiveUnit(p,
                        ResourceMeta.resolve(List.of(p.meta(), defaults)), running(cluster, p));
                primitives.put(p.id(), unit);
                byId.put(p.id(), unit);
                topLevel.add(unit);
            }
            case Group g -> {
                GroupUnit group = new GroupUnit(g.id(),
                        ResourceMeta.resolve(List.of(g.meta(), defaults)));
                for (Primitive p : g.members()) {
                    PrimitiveUnit unit = new PrimitiveUnit(p,
                            ResourceMeta.resolve(List.of(p.meta(), g.meta(), defaults)),
                            running(cluster, p));
                    unit.group = group;
                    group.members.add(unit);
                    primitives.put(p.id(), unit);
                    byId.put(p.id(), unit);
                }
                if (!group.members.isEmpty()) {
                    byId.put(g.id(), group);
                    topLevel.add(group);
                }
            }
        }
    }

    private static String running(Cluster cluster, Primitive p) {
        return cluster.status().nodeOf(p.id()).orElse(null);
    }

    private void locate(Cluster cluster, LocationConstraint location) {
        Placeable target = byId.get(location.resource());
        if (target == null || cluster.node(location.node()).isEmpty()) {
            return; // as Pacemaker: a constraint on something that does not exist does nothing
        }
        for (PrimitiveUnit unit : members(target)) {
            unit.allowed.add(location.node(), location.score());
        }
    }

    private static List<PrimitiveUnit> members(Placeable placeable) {
        return switch (placeable) {
            case GroupUnit g -> g.members;
            case PrimitiveUnit p -> List.of(p);
        };
    }

    private static void applyStickiness(Cluster cluster, PrimitiveUnit unit) {
        if (!unit.managed || unit.meta.stickiness() < 1 || unit.running == null) {
            return;
        }
        if (!cluster.properties().symmetricCluster() && !unit.allowed.has(unit.running)) {
            return; // an opt-in cluster keeps no resource where nothing enables it any more
        }
        unit.allowed.add(unit.running, unit.meta.stickiness());
    }

    /** An unmanaged resource that runs counts INFINITY where it runs, as in Pacemaker. */
    private static void pinUnmanaged(PrimitiveUnit unit) {
        if (!unit.meta.managed() && unit.running != null) {
            unit.allowed.add(unit.running, Score.INFINITY);
        }
    }

    /** Bans the nodes where the primitive failed migration-threshold times (unexpired). */
    private static void banFailed(Cluster cluster, PrimitiveUnit unit, long now) {
        if (unit.meta.migrationThreshold() == 0) {
            return;
        }
        for (Node node : cluster.nodes()) {
            int count = 0;
            long last = 0;
            for (FailCount f : cluster.status().failCounts()) {
                if (f.resource().equals(unit.id()) && f.node().equals(node.name())) {
                    count = Score.add(count, f.count());
                    last = Math.max(last, f.lastFailureEpochSeconds());
                }
            }
            long timeout = unit.meta.failureTimeoutSeconds();
            boolean expired = timeout > 0 && last > 0 && now > last + timeout;
            if (count > 0 && !expired && unit.meta.migrationThreshold() - count <= 0) {
                unit.allowed.add(node.name(), -Score.INFINITY);
            }
        }
    }

    private void colocate(ColocationConstraint constraint) {
        Placeable dependent = byId.get(constraint.dependent());
        Placeable primary = byId.get(constraint.primary());
        if (dependent == null || primary == null || dependent == primary
                || constraint.score() == 0) {
            return;
        }
        link(new Colocation(dependent, primary, constraint.score()));
    }

    private void chainGroups() {
        for (Placeable p : topLevel) {
            if (p instanceof GroupUnit g) {
                for (int i = 1; i < g.members.size(); i++) {
                    link(new Colocation(g.members.get(i), g.members.get(i - 1), Score.INFINITY));
                }
            }
        }
    }

    /** A group's colocations sit on its first member (as dependent) and last (as primary). */
    private static void link(Colocation colocation) {
        PrimitiveUnit dependentSide = switch (colocation.dependent()) {
            case GroupUnit g -> g.members.getFirst();
            case PrimitiveUnit p -> p;
        };
        PrimitiveUnit primarySide = switch (colocation.primary()) {
            case GroupUnit g -> g.members.getLast();
            case PrimitiveUnit p -> p;
        };
        dependentSide.thisWith.add(colocation);
        primarySide.withThis.add(colocation);
    }

    /**
     * Orders each primitive's colocations as Pacemaker processes them: primaries by higher
     * priority, groups before primitives, then by id; dependents by higher priority.
     */
    private static void sortColocations(PrimitiveUnit unit) {
        unit.thisWith.sort(Comparator.<Colocation>comparingInt(c -> -c.primary().priority())
                .thenComparingInt(c -> c.primary() instanceof GroupUnit ? 0 : 1)
                .thenComparing((a, b) -> NodeOrder.byteOrder(a.primary().id(),
                        b.primary().id())));
        unit.withThis.sort(Comparator.comparingInt(c -> -c.dependent().priority()));
    }
}
