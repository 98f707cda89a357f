package io.bramble.cluster.coordinate;

import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.Primitive;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A simulated cluster in real (simulated) milliseconds: nodes with their own drifting clocks
 * and real agent state, a network that partitions, loses and delays messages, and a pool that
 * tells the coordinator which nodes are in the majority {@link #DETECT_MS} late. The pool keeps
 * its one promise about coordinators: a coordinator that left the majority may act for up to
 * {@link #AUTHORITY_MS} more, and the next one is made only after that (or after the old one's
 * node died). Every event is followed by the safety check: no resource active on two nodes.
 */
final class SimWorld {
    static final long DETECT_MS = 500;
    static final long AUTHORITY_MS = 1_000;
    static final long FENCE_MS = 300;
    static final long POOL_TICK_MS = 50;
    private static final long COORDINATOR_TICK_MS = 100;
    private static final long EVENTS_MAX = 5_000_000;

    final Random random;
    private final boolean fencing;
    final Cluster configuration;
    final LeaseTiming nodeTiming;
    private final LeaseTiming coordinatorTiming;
    final Map<String, SimNode> nodes = new LinkedHashMap<>();
    private final Map<String, Integer> side = new HashMap<>();
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private final List<Map.Entry<Long, Set<String>>> majorityHistory = new ArrayList<>();
    long now;
    private long sequence;
    private long incarnations;
    private long events;
    double lossRate;
    double agentFailureRate;

    private Coordinator coordinator;
    private String coordinatorHost;
    private long epoch;
    /** Coordinators made so far, the first included. */
    long elections;
    private long leftMajorityAt = -1;
    private long noCoordinatorSince;
    private Set<String> fedMembership = Set.of();
    private RecordedStatus store = RecordedStatus.none();
    final List<String> violations = new ArrayList<>();
    /** What happened, for reading a failing seed; kept only when asked for. */
    final List<String> trace = new ArrayList<>();
    boolean tracing;

    void log(String what) {
        if (tracing) {
            trace.add(now + " " + what);
        }
    }

    private record Event(long at, long sequence, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(sequence, o.sequence);
        }
    }

    SimWorld(long seed, Cluster configuration, LeaseTiming nodeTiming,
            LeaseTiming coordinatorTiming) {
        this(seed, configuration, nodeTiming, coordinatorTiming, false);
    }

    /**
     * A world where, with {@code fencing}, every node has a power switch the coordinator can
     * reach whatever the network does: it turns the node off {@link #FENCE_MS} after asked.
     */
    SimWorld(long seed, Cluster configuration, LeaseTiming nodeTiming,
            LeaseTiming coordinatorTiming, boolean fencing) {
        this.fencing = fencing;
        this.random = new Random(seed);
        this.configuration = configuration;
        this.nodeTiming = nodeTiming;
        this.coordinatorTiming = coordinatorTiming;
        double ppm = nodeTiming.clockRatePpm() / 1e6;
        for (var n : configuration.nodes()) {
            double rate = 1 - ppm + 2 * ppm * random.nextDouble();
            nodes.put(n.name(), new SimNode(n.name(), this, rate,
                    random.nextLong(1_000_000_000_000L)));
            side.put(n.name(), 0);
        }
        nodes.values().forEach(SimNode::boot);
        every(POOL_TICK_MS, this::poolTick);
        every(COORDINATOR_TICK_MS, () -> call(Coordinator::tick));
    }

    // ---- time ----

    void at(long when, Runnable action) {
        queue.add(new Event(Math.max(when, now), sequence++, action));
    }

    private void every(long periodMs, Runnable action) {
        at(now + periodMs, () -> {
            action.run();
            every(periodMs, action);
        });
    }

    void runUntil(long untilMs) {
        while (!queue.isEmpty() && queue.peek().at() <= untilMs) {
            Event e = queue.poll();
            now = e.at();
            e.action().run();
            checkSafety();
            if (++events > EVENTS_MAX) {
                throw new IllegalStateException("simulation does not end");
            }
        }
        now = untilMs;
    }

    long newIncarnation() {
        return ++incarnations;
    }

    // ---- network ----

    /** A message from one node to another, lost, delayed or cut off by a partition. */
    void send(String from, String to, Runnable delivery) {
        SimNode a = nodes.get(from);
        SimNode b = nodes.get(to);
        if (!a.alive || !b.alive || !side.get(from).equals(side.get(to))
                || random.nextDouble() < lossRate) {
            return;
        }
        long delay = 1 + random.nextInt(10);
        if (a.slow || b.slow) {
            delay += random.nextInt(400);
        }
        long incarnation = b.incarnation;
        at(now + delay, () -> {
            if (b.alive && b.incarnation == incarnation) {
                delivery.run();
            }
        });
    }

    /** A node's message to the coordinator of now; dropped if that one is gone on arrival. */
    void toCoordinator(String from, Function<Coordinator, List<Command>> message) {
        Coordinator target = coordinator;
        if (target == null) {
            return;
        }
        send(from, coordinatorHost, () -> {
            if (coordinator == target) {
                call(message);
            }
        });
    }

    private void call(Function<Coordinator, List<Command>> message) {
        if (coordinator == null) {
            return;
        }
        List<Command> commands = message.apply(coordinator);
        commands.forEach(c -> {
            if (!(c instanceof Command.Grant)) {
                log(coordinatorHost + " sends " + c);
            }
        });
        store = coordinator.recorded(); // written before anything is sent
        for (Command c : commands) {
            switch (c) {
                case Command.Dispatch d -> send(coordinatorHost, d.instruction().node(),
                        () -> nodes.get(d.instruction().node()).instruction(d.instruction()));
                case Command.Grant g -> send(coordinatorHost, g.node(),
                        () -> nodes.get(g.node()).granted(g.requestSentMs(), g.session()));
                case Command.Fence f -> fence(f.node());
            }
        }
    }

    private void fence(String node) {
        Coordinator asking = coordinator;
        at(now + FENCE_MS, () -> {
            log("fence device turns " + node + " off");
            if (nodes.get(node).alive) {
                nodes.get(node).crash();
            }
            if (coordinator == asking) {
                call(c -> c.fenced(node, true));
            }
        });
    }

    // ---- the pool ----

    private Set<String> majorityNow() {
        Map<Integer, Set<String>> bySide = new HashMap<>();
        nodes.values().stream().filter(n -> n.alive).forEach(
                n -> bySide.computeIfAbsent(side.get(n.name), k -> new TreeSet<>()).add(n.name));
        return bySide.values().stream().filter(s -> s.size() * 2 > nodes.size()).findFirst()
                .orElse(Set.of());
    }

    private Set<String> membershipSeen() {
        Set<String> seen = Set.of();
        for (var e : majorityHistory) {
            if (e.getKey() <= now - DETECT_MS) {
                seen = e.getValue();
            }
        }
        return seen;
    }

    private void poolTick() {
        Set<String> majority = majorityNow();
        if (majorityHistory.isEmpty() || !majorityHistory.getLast().getValue().equals(majority)) {
            majorityHistory.add(Map.entry(now, majority));
        }
        Set<String> seen = membershipSeen();
        if (coordinator != null) {
            SimNode host = nodes.get(coordinatorHost);
            if (!host.alive) {
                depose();
            } else if (!majority.contains(coordinatorHost)) {
                leftMajorityAt = leftMajorityAt < 0 ? now : leftMajorityAt;
                if (now - leftMajorityAt >= AUTHORITY_MS) {
                    depose();
                }
            } else {
                leftMajorityAt = -1;
            }
        }
        if (coordinator == null && now - noCoordinatorSince >= DETECT_MS) {
            Optional<String> next = seen.stream().filter(majority::contains).findFirst();
            next.ifPresent(this::elect);
        }
        if (coordinator != null && !seen.equals(fedMembership)) {
            fedMembership = seen;
            log("membership " + seen);
            call(c -> c.membership(seen));
        }
    }

    private void depose() {
        log("coordinator on " + coordinatorHost + " gone");
        coordinator = null;
        coordinatorHost = null;
        leftMajorityAt = -1;
        noCoordinatorSince = now;
    }

    private void elect(String host) {
        log("coordinator elected on " + host + " from " + store);
        epoch++;
        elections++;
        coordinatorHost = host;
        coordinator = new Coordinator(configuration, store, epoch, coordinatorTiming, fencing,
                nodes.get(host).clock());
        fedMembership = Set.of();
    }

    Optional<String> coordinatorHost() {
        return Optional.ofNullable(coordinatorHost);
    }

    RecordedStatus store() {
        return store;
    }

    boolean coordinatorIdle() {
        return coordinator != null && coordinator.idle();
    }

    // ---- faults ----

    void partition(Set<String> minority) {
        log("partition " + minority);
        nodes.keySet().forEach(n -> side.put(n, minority.contains(n) ? 1 : 0));
    }

    void heal() {
        log("heal");
        nodes.keySet().forEach(n -> side.put(n, 0));
    }

    // ---- checks ----

    /** Where each resource is active, in real agent state. */
    Map<String, List<String>> activeNodes() {
        Map<String, List<String>> where = new LinkedHashMap<>();
        for (Primitive p : configuration.primitives()) {
            List<String> on = nodes.values().stream().filter(n -> n.isActive(p.id()))
                    .map(n -> n.name).toList();
            where.put(p.id(), on);
        }
        return where;
    }

    private void checkSafety() {
        activeNodes().forEach((r, on) -> {
            if (on.size() > 1 && violations.size() < 10) {
                violations.add("t=" + now + " ms: " + r + " active on " + on);
            }
        });
    }
}
