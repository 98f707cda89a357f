package io.bramble.vrrp.core;

import io.bramble.vrrp.core.Simulation.SimNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Watches a {@link Simulation} after the network healed. From one master-down interval after
 * the heal (plus an advert interval and the network delay as margin), every router id must
 * have exactly one master among the running nodes, or none when every running node is in
 * FAULT, and the virtual addresses must be held by that master alone. The one allowed
 * exception is a preemption hand-over: the new master's advert takes up to the network delay
 * to reach the old one, so an overlap no longer than that is accepted.
 */
final class SimulationChecker {
    private final Simulation simulation;
    private final long checkFrom;
    private final long graceNanos;
    private final Map<String, Long> anomalySince = new HashMap<>();
    private final List<String> violations = new ArrayList<>();

    SimulationChecker(Simulation simulation) {
        this.simulation = simulation;
        this.checkFrom = simulation.healAt + simulation.masterDownMaxNanos()
                + simulation.advertMs * 1_000_000L + simulation.latencyMaxNanos;
        this.graceNanos = simulation.latencyMaxNanos + 1;
    }

    void observe(Simulation world) {
        long now = world.clock.nanoTime();
        if (now < checkFrom || violations.size() > 10) {
            return;
        }
        for (InstanceSettings instance : world.nodes.getFirst().settings) {
            String anomaly = anomaly(instance.name());
            if (anomaly == null) {
                anomalySince.remove(instance.name());
                continue;
            }
            long since = anomalySince.computeIfAbsent(instance.name(), n -> now);
            if (now - since > graceNanos) {
                violations.add(Durations.format(now) + " " + instance.name() + ": " + anomaly
                        + " since " + Durations.format(since));
                anomalySince.remove(instance.name());
            }
        }
    }

    /**
     * After the run: with every running node preempting, the master has the highest priority
     * (ties stay with whoever is master: a backup preempts only a lower priority).
     */
    void finish() {
        for (InstanceSettings instance : simulation.nodes.getFirst().settings) {
            String name = instance.name();
            String anomaly = anomaly(name);
            if (anomaly != null) {
                violations.add("at the end, " + name + ": " + anomaly);
                continue;
            }
            int highest = 0;
            int masterPriority = 0;
            boolean allPreempt = true;
            for (SimNode node : simulation.nodes) {
                if (node.vrrp == null || node.vrrp.state(name) == VrrpState.FAULT) {
                    continue;
                }
                allPreempt &= node.vrrp.settings(name).preempt();
                int priority = node.vrrp.effectivePriority(name);
                highest = Math.max(highest, priority);
                if (node.vrrp.state(name) == VrrpState.MASTER) {
                    masterPriority = priority;
                }
            }
            if (allPreempt && highest > 0 && masterPriority != highest) {
                violations.add("at the end, " + name + ": every node preempts, the highest"
                        + " priority is " + highest + " but the master has " + masterPriority);
            }
        }
    }

    List<String> violations() {
        return violations;
    }

    private String anomaly(String instance) {
        TreeSet<String> masters = new TreeSet<>();
        TreeSet<String> holders = new TreeSet<>();
        boolean anyCanServe = false;
        for (SimNode node : simulation.nodes) {
            if (node.holding.contains(instance)) {
                holders.add(node.name);
            }
            if (node.vrrp == null) {
                continue;
            }
            VrrpState state = node.vrrp.state(instance);
            anyCanServe |= state != VrrpState.FAULT;
            if (state == VrrpState.MASTER) {
                masters.add(node.name);
            }
        }
        int expected = anyCanServe ? 1 : 0;
        if (masters.size() != expected) {
            return masters.size() + " masters " + masters + ", expected " + expected;
        }
        if (!holders.equals(masters)) {
            return "VIPs held by " + holders + " but master is " + masters;
        }
        return null;
    }
}
