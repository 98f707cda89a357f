package io.bramble.cluster.coordinate;

import io.bramble.cluster.exec.Outcome;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.Interval;
import io.bramble.cluster.model.Node;
import io.bramble.cluster.model.Operation;
import io.bramble.cluster.model.Primitive;
import io.bramble.cluster.policy.Action;
import io.bramble.cluster.policy.PolicyEngine;
import io.bramble.cluster.policy.Transition;
import io.bramble.common.check.Checks;
import io.bramble.common.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The cluster's coordinator, the role Pacemaker's DC plays: one runs in the pool's majority
 * partition. It learns which nodes are in the majority, answers their lease requests, asks the
 * policy engine for a transition, hands out the transition's actions once the actions they wait
 * for completed, records results, and computes a new transition after any change (a node lost
 * or joined, an unexpected result, a new configuration, a failure timeout): the transition under
 * way is aborted, no new action of it is sent, and the next one is computed once the actions
 * under way have answered. Nothing is started while a probe is outstanding.
 *
 * <p>A node that leaves the majority keeps its resources, as far as the coordinator knows,
 * until it has certainly stopped them: its lease ran out ({@link LeaseTiming#waitMs()} after the
 * last answer to it, on this coordinator's clock) or its fence device said it is off. A
 * coordinator that takes over counts every node's last answer as given when it took over (the
 * pool makes a new coordinator only once the old one can give no more answers), and probes
 * every member.
 *
 * <p>Pure: time comes from the clock given; every method returns the commands to send, which
 * the shell sends only after it wrote {@link #recorded()} to the cluster store.
 */
public final class Coordinator {
    /** An action's timeout when neither its operation nor op_defaults give one (Pacemaker's). */
    static final long DEFAULT_TIMEOUT_MS = 20_000;
    /** Instructions numbered per epoch: the epoch lives above these bits. */
    private static final int COUNTER_BITS = 40;

    private final LeaseTiming timing;
    private boolean fencing;
    private final Clock clock;
    private final long epoch;
    private long counter;
    private long sessions;
    private Cluster configuration;
    private final Map<String, Map<String, ResourceState>> states = new LinkedHashMap<>();
    private final FailureLedger failures;
    private final Map<String, NodeStanding> standings = new LinkedHashMap<>();
    private final Map<Long, InFlight> inFlight = new LinkedHashMap<>();
    private final Set<String> pendingProbes = new LinkedHashSet<>();
    /** Resource-node pairs whose recurring monitors run. */
    private final Set<String> monitored = new HashSet<>();
    private List<Action> steps = List.of();
    private List<List<Integer>> prerequisites = List.of();
    private final Map<Integer, Long> sent = new HashMap<>();
    private final Set<Integer> done = new HashSet<>();
    private boolean aborted = true;
    private long transitions;
    /** No membership given yet: the nodes missing from the first are lost before this epoch. */
    private boolean firstMembership = true;

    private record InFlight(Instruction instruction, long deadlineMs, int step) {}

    /**
     * A coordinator taking over in {@code epoch} (higher than any before, from the pool).
     *
     * @param configuration the CIB's configuration (its status part is not read)
     * @param recorded what earlier coordinators recorded
     * @param fencing whether fence devices are configured, to fence lost nodes
     */
    public Coordinator(Cluster configuration, RecordedStatus recorded, long epoch,
            LeaseTiming timing, boolean fencing, Clock clock) {
        Checks.inRange(epoch, 0, (1L << (63 - COUNTER_BITS)) - 1, "epoch");
        this.configuration = configuration;
        this.epoch = epoch;
        this.timing = timing;
        this.fencing = fencing;
        this.clock = clock;
        recorded.states().forEach((r, byNode) -> states.put(r, new LinkedHashMap<>(byNode)));
        this.failures = new FailureLedger(recorded.failCounts(), recorded.fatal(),
                recorded.failedActions());
        addNodes();
    }

    /**
     * Whether fence devices are configured now: nodes lost from here on are fenced; a node
     * lost before stays waited for until its lease has run out.
     */
    public void useFencing(boolean devices) {
        fencing = devices;
    }

    /**
     * Fences only the nodes lost from now on: the first membership may come from a view of the
     * pool that has not heard every live node yet (its member just started), so the nodes
     * missing from it are waited for until their leases have run out, never fenced.
     */
    public void fenceOnlyLaterLosses() {
        firstMembership = false;
    }

    /** The nodes in the pool's majority partition now. */
    public List<Command> membership(Set<String> members) {
        List<Command> out = new ArrayList<>();
        for (Map.Entry<String, NodeStanding> e : standings.entrySet()) {
            boolean in = members.contains(e.getKey());
            if (in && !e.getValue().member) {
                join(e.getKey(), e.getValue());
            } else if (!in && e.getValue().member) {
                leave(e.getKey(), e.getValue(), out);
            }
        }
        if (firstMembership) {
            firstMembership = false;
            fenceLostBefore(members, out);
        }
        out.addAll(step());
        return out;
    }

    /**
     * A node missing from this epoch's first membership that the record says may run a
     * resource was lost before this coordinator took over (often with the previous
     * coordinator, on its node): with fencing, it is fenced now, as Pacemaker's new DC fences
     * the old DC's node, rather than waited for until its lease has certainly run out.
     */
    private void fenceLostBefore(Set<String> members, List<Command> out) {
        if (!fencing) {
            return;
        }
        standings.forEach((node, s) -> {
            if (!members.contains(node) && s.unclean() && !s.fencing
                    && statesOn(node).anyMatch(ResourceState::mayRun)) {
                s.fencing = true;
                out.add(new Command.Fence(node));
            }
        });
    }

    /**
     * A node asks for a lease, from the run {@code incarnation} of its daemon, having sent the
     * request at {@code sentAtMs} on its own clock. Only members are answered.
     */
    public List<Command> leaseRequest(String node, long incarnation, long sentAtMs) {
        NodeStanding s = standings.get(node);
        if (s == null || !s.member) {
            return List.of();
        }
        List<Command> out = new ArrayList<>();
        if (s.incarnation != incarnation) {
            if (s.incarnation != NodeStanding.INCARNATION_UNKNOWN) {
                forgetInFlight(node);
                join(node, s);
            }
            s.incarnation = incarnation;
        }
        s.lastGrantMs = clock.millis();
        s.grantedSinceJoin = true;
        out.add(new Command.Grant(node, sentAtMs, s.session));
        out.addAll(step());
        return out;
    }

    /** A node's answer to an instruction. */
    public List<Command> report(Report report) {
        InFlight f = inFlight.remove(report.instructionId());
        List<Command> out = new ArrayList<>();
        if (f != null) {
            apply(f, report.outcome(), out);
        } else if (report.intervalMs() > 0) {
            monitorChanged(report);
        }
        out.addAll(step());
        return out;
    }

    /** A fence device's answer: {@code off} when the node is certainly powered off. */
    public List<Command> fenced(String node, boolean off) {
        NodeStanding s = standings.get(node);
        List<Command> out = new ArrayList<>();
        if (s != null) {
            s.fencing = false;
            if (off) {
                s.member = false;
                forgetInFlight(node);
                removeNode(pendingProbes, node);
                clean(node, s);
            }
        }
        out.addAll(step());
        return out;
    }

    /**
     * {@code pcs resource refresh|cleanup}: forgets the failures of {@code primitives} (on
     * {@code onNode}, or everywhere) and probes them again on every member, as Pacemaker's
     * controller does once crm_resource cleaned their history. A resource with an action under
     * way is probed when that action answers.
     */
    public List<Command> refresh(Set<String> primitives, Optional<String> onNode) {
        failures.forget(primitives, onNode);
        Set<String> busy = new java.util.HashSet<>();
        inFlight.values().forEach(f -> busy.add(key(f.instruction().resource(), f.instruction()
                .node())));
        standings.forEach((node, s) -> {
            if (s.member && onNode.map(node::equals).orElse(true)) {
                for (String p : primitives) {
                    if (!busy.contains(key(p, node)) && configuration.resource(p).isPresent()) {
                        setState(p, node, ResourceState.UNKNOWN);
                        pendingProbes.add(key(p, node));
                    }
                }
            }
        });
        aborted = true;
        return step();
    }

    /** A new configuration (the CIB changed). */
    public List<Command> configure(Cluster newConfiguration) {
        configuration = newConfiguration;
        addNodes();
        aborted = true;
        return step();
    }

    /** Time passed: lapsed leases, overdue answers, expired failures. */
    public List<Command> tick() {
        long now = clock.millis();
        List<Command> out = new ArrayList<>();
        for (InFlight f : List.copyOf(inFlight.values())) {
            if (now >= f.deadlineMs()) {
                inFlight.remove(f.instruction().id());
                unanswered(f.instruction());
            }
        }
        standings.forEach((node, s) -> {
            if (s.unclean() && now - s.lastGrantMs >= timing.waitMs()) {
                clean(node, s);
            }
        });
        if (failures.expire(configuration, nowSeconds())) {
            aborted = true;
        }
        out.addAll(step());
        return out;
    }

    /** What to keep in the cluster store. */
    public RecordedStatus recorded() {
        return new RecordedStatus(states, failures.counts(), failures.fatal(),
                failures.lastFailures());
    }

    /** How many transitions were computed. */
    public long transitions() {
        return transitions;
    }

    /** The transition being carried out, aborted or not. */
    public List<Action> currentActions() {
        return steps;
    }

    /** Whether nothing is under way and the last transition was carried out. */
    public boolean idle() {
        return !aborted && inFlight.isEmpty() && pendingProbes.isEmpty()
                && done.size() == steps.size();
    }

    private void addNodes() {
        for (Node n : configuration.nodes()) {
            standings.computeIfAbsent(n.name(), k -> new NodeStanding(clock.millis()));
        }
    }

    private void join(String node, NodeStanding s) {
        s.member = true;
        s.joinedClean = s.clean;
        s.grantedSinceJoin = false;
        s.clean = false;
        s.session = (epoch << COUNTER_BITS) | ++sessions;
        for (Primitive p : configuration.primitives()) {
            setState(p.id(), node, ResourceState.UNKNOWN);
            pendingProbes.add(key(p.id(), node));
        }
        removeNode(monitored, node);
        aborted = true;
    }

    private void leave(String node, NodeStanding s, List<Command> out) {
        s.member = false;
        forgetInFlight(node);
        removeNode(pendingProbes, node);
        if (s.joinedClean && !s.grantedSinceJoin && noneFoundRunning(node)) {
            // It came back certainly stopped and left before it could take an instruction (a
            // node takes none before its first lease) or a probe found anything running there:
            // still certainly stopped, not fenced.
            clean(node, s);
        } else if (fencing && !s.fencing) {
            s.fencing = true;
            out.add(new Command.Fence(node));
        }
        aborted = true;
    }

    /** Actions under way on a node that will not answer: what they touched is not known. */
    private void forgetInFlight(String node) {
        inFlight.values().removeIf(f -> {
            Instruction i = f.instruction();
            if (!i.node().equals(node)) {
                return false;
            }
            if (!i.operation().equals("monitor")) {
                setState(i.resource(), node, ResourceState.UNKNOWN);
            }
            return true;
        });
    }

    /** Whether no probe or result since it joined says a resource may run on {@code node}. */
    private boolean noneFoundRunning(String node) {
        return statesOn(node).allMatch(st -> st == ResourceState.STOPPED
                || st == ResourceState.UNKNOWN);
    }

    /** What is known of each resource on {@code node}; stopped where nothing is. */
    private Stream<ResourceState> statesOn(String node) {
        return states.values().stream().map(byNode -> byNode.getOrDefault(node,
                ResourceState.STOPPED));
    }

    private void clean(String node, NodeStanding s) {
        s.clean = true;
        configuration.primitives().forEach(p -> setState(p.id(), node, ResourceState.STOPPED));
        removeNode(monitored, node);
        aborted = true;
    }

    private void apply(InFlight f, Outcome outcome, List<Command> out) {
        Instruction i = f.instruction();
        String r = i.resource();
        String node = i.node();
        if (i.isProbe()) {
            probed(i, outcome);
            return;
        }
        boolean ok = outcome.kind() == Outcome.Kind.SUCCEEDED;
        switch (i.operation()) {
            case "start" -> setState(r, node, ok ? ResourceState.ACTIVE : ResourceState.FAILED);
            case "stop" -> {
                setState(r, node, ok ? ResourceState.STOPPED : ResourceState.BLOCKED);
                monitored.remove(key(r, node));
                if (!ok && fencing) {
                    out.add(new Command.Fence(node));
                }
            }
            default -> {
                if (ok) {
                    monitored.add(key(r, node));
                } else if (state(r, node) == ResourceState.BLOCKED) {
                    return; // nothing is done about it until a user cleans it up
                } else if (!configuration.managed(r) && unmanagedMonitor(r, node, outcome)) {
                    aborted = true; // its state is what the monitor said; plan again
                    return;
                } else {
                    setState(r, node, ResourceState.FAILED);
                }
            }
        }
        if (ok && f.step() >= 0) {
            done.add(f.step());
            return;
        }
        if (!ok && !i.operation().equals("stop")) {
            failures.failed(configuration, outcome.failedAction(r, node, i.operation(), i
                    .intervalMs(), nowSeconds()), outcome.recovery());
        }
        aborted = true;
    }

    /**
     * No answer came, not even the node's own timeout: the message or its answer was lost. That
     * is no failure of the agent; what it touched is unknown until a probe says.
     */
    private void unanswered(Instruction i) {
        if (i.isProbe()) {
            pendingProbes.add(key(i.resource(), i.node()));
        } else if (i.operation().equals("monitor")) {
            monitored.remove(key(i.resource(), i.node()));
        } else if (state(i.resource(), i.node()) != ResourceState.BLOCKED) {
            setState(i.resource(), i.node(), ResourceState.UNKNOWN);
        }
        aborted = true;
    }

    private void probed(Instruction i, Outcome outcome) {
        String probe = key(i.resource(), i.node());
        switch (outcome.kind()) {
            case SUCCEEDED, PROMOTED -> setState(i.resource(), i.node(), ResourceState.ACTIVE);
            case NOT_RUNNING -> setState(i.resource(), i.node(), ResourceState.STOPPED);
            case FAILED -> {
                setState(i.resource(), i.node(), ResourceState.FAILED);
                failures.failed(configuration, outcome.failedAction(i.resource(), i.node(),
                        "monitor", 0, nowSeconds()), outcome.recovery());
            }
            case TIMED_OUT, CANCELLED -> pendingProbes.add(probe);
        }
        aborted = true;
    }

    /** A recurring monitor's later result: a resource that stopped or failed where it ran. */
    private void monitorChanged(Report report) {
        NodeStanding s = standings.get(report.node());
        if (s == null || !s.member) {
            return;
        }
        if (!configuration.managed(report.resource())
                && unmanagedMonitor(report.resource(), report.node(),
                        report.outcome())) {
            return;
        }
        boolean running = state(report.resource(), report.node()) == ResourceState.ACTIVE;
        if (!running || report.outcome().kind() == Outcome.Kind.SUCCEEDED) {
            return;
        }
        setState(report.resource(), report.node(), ResourceState.FAILED);
        failures.failed(configuration, report.outcome().failedAction(report.resource(), report
                .node(), report.operation(), report.intervalMs(), nowSeconds()), report
                        .outcome().recovery());
        aborted = true;
    }

    /**
     * A monitor's result for a resource the cluster does not manage ({@code is-managed=false},
     * its own, its group's or the defaults'): as in Pacemaker, "not running" is its state, not a
     * failure (no fail count, no failed action, nothing to recover; status shows it {@code
     * Stopped (unmanaged)}), and "running" after that is its state again (started by hand).
     * Returns false for any other result, which counts as a failure as for any resource.
     */
    private boolean unmanagedMonitor(String resource, String node, Outcome outcome) {
        ResourceState next = switch (outcome.kind()) {
            case NOT_RUNNING -> ResourceState.STOPPED;
            case SUCCEEDED -> ResourceState.ACTIVE;
            default -> null;
        };
        if (next == null) {
            return false;
        }
        if (state(resource, node) != next) {
            setState(resource, node, next);
            aborted = true;
        }
        return true;
    }

    /** Sends what may be sent now; computes the next transition when the last one is over. */
    private List<Command> step() {
        List<Command> out = new ArrayList<>();
        probeUnknown();
        sendProbes(out);
        boolean finished = done.size() == steps.size();
        if ((aborted || finished && !steps.isEmpty()) && pendingProbes.isEmpty()
                && inFlight.isEmpty()) {
            recompute();
        }
        if (!aborted) {
            sendSteps(out);
        }
        return out;
    }

    /** A member's resource whose state is unknown and that nothing asks about gets a probe. */
    private void probeUnknown() {
        for (Primitive p : configuration.primitives()) {
            standings.forEach((node, s) -> {
                boolean asked = inFlight.values().stream()
                        .anyMatch(f -> f.instruction().resource().equals(p.id())
                                && f.instruction().node().equals(node));
                if (s.member && state(p.id(), node) == ResourceState.UNKNOWN && !asked) {
                    pendingProbes.add(key(p.id(), node));
                }
            });
        }
    }

    private void sendProbes(List<Command> out) {
        for (String key : List.copyOf(pendingProbes)) {
            String[] parts = key.split("\0", 2);
            NodeStanding s = standings.get(parts[1]);
            if (s.ready()) {
                pendingProbes.remove(key);
                out.add(send(new Action("monitor", parts[0], parts[1], 0), s, -1));
            }
        }
    }

    private void recompute() {
        EngineView view = EngineView.of(configuration, standings, this::state, failures);
        Transition transition = PolicyEngine.schedule(view.cluster(), nowSeconds());
        steps = Steps.actions(transition, view,
                (r, n) -> monitored.contains(key(r, n)));
        prerequisites = Steps.prerequisites(steps, view.cluster());
        sent.clear();
        done.clear();
        aborted = false;
        transitions++;
    }

    private void sendSteps(List<Command> out) {
        for (int i = 0; i < steps.size(); i++) {
            Action a = steps.get(i);
            NodeStanding s = standings.get(a.node());
            if (sent.containsKey(i) || s == null || !s.ready()
                    || !done.containsAll(prerequisites.get(i))) {
                continue;
            }
            if (a.operation().equals("start")) {
                setState(a.resource(), a.node(), ResourceState.UNKNOWN);
            }
            Command.Dispatch d = send(a, s, i);
            sent.put(i, d.instruction().id());
            out.add(d);
        }
    }

    private Command.Dispatch send(Action a, NodeStanding s, int step) {
        long id = (epoch << COUNTER_BITS) | ++counter;
        long timeout = timeoutMs(a);
        Instruction instruction = new Instruction(id, s.session, a.node(), a.resource(),
                a.operation(), a.intervalMs(), timeout);
        inFlight.put(id, new InFlight(instruction, clock.millis() + timeout + timing.leaseMs(),
                step));
        return new Command.Dispatch(instruction);
    }

    /** The operation's own timeout, else op_defaults', else Pacemaker's 20 s. */
    private long timeoutMs(Action a) {
        Optional<Primitive> p = configuration.primitives().stream()
                .filter(x -> x.id().equals(a.resource())).findFirst();
        return p.stream().flatMap(x -> x.operations().stream())
                .filter(op -> op.name().equals(a.operation()) && op.intervalMs() == a.intervalMs())
                .map(Operation::timeoutMs).filter(t -> t.isPresent())
                .map(t -> t.getAsLong()).findFirst()
                .or(() -> Optional.ofNullable(configuration.defaults().operation().get("timeout"))
                        .flatMap(v -> Interval.parseMs(v).stream().boxed().findFirst()))
                .orElse(DEFAULT_TIMEOUT_MS);
    }

    private ResourceState state(String resource, String node) {
        return states.getOrDefault(resource, Map.of()).getOrDefault(node, ResourceState.UNKNOWN);
    }

    private void setState(String resource, String node, ResourceState state) {
        states.computeIfAbsent(resource, k -> new LinkedHashMap<>()).put(node, state);
    }

    /** A resource on a node, as the sets of probes and monitors hold it. */
    private static String key(String resource, String node) {
        return resource + "\0" + node;
    }

    private static void removeNode(Set<String> keys, String node) {
        keys.removeIf(k -> k.endsWith("\0" + node));
    }

    private long nowSeconds() {
        return clock.epochMillis() / 1000;
    }
}
