package io.bramble.cluster.service;

import io.bramble.cluster.agent.AgentName;
import io.bramble.cluster.coordinate.Demotion;
import io.bramble.cluster.coordinate.Instruction;
import io.bramble.cluster.coordinate.LeaseTiming;
import io.bramble.cluster.coordinate.Report;
import io.bramble.cluster.exec.ActionRequest;
import io.bramble.cluster.exec.ExecutionEvent;
import io.bramble.cluster.exec.NodeExecutor;
import io.bramble.cluster.exec.Outcome;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.Primitive;
import io.bramble.common.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A node's own side of the live cluster: its lease ({@link Demotion}) and its executor. It
 * carries out the coordinator's instructions only within the session the lease gives, starts
 * nothing once the lease may have ended, reports each result, and stops every resource it runs
 * by itself when the lease ends: then it asks again as a new run of its daemon, so that the
 * coordinator probes it. A daemon that stops leaves the same way, and asks no more. Thread-safe; its clock is the node's monotonic one.
 */
final class NodeService {
    private final String name;
    private final Clock clock;
    private final LeaseTiming timing;
    private final Supplier<Cluster> configuration;
    private final Consumer<Report> reports;
    private NodeExecutor executor;
    private final Demotion demotion;
    private long incarnation;
    private boolean demoted;
    /** The daemon is stopping: nothing more runs here. */
    private boolean leaving;
    /** Instructions awaiting their first result, by operation key. */
    private final Map<String, Instruction> pending = new HashMap<>();
    /** The last outcome reported for each recurring monitor, by operation key. */
    private final Map<String, Outcome.Kind> monitorOutcomes = new HashMap<>();
    private final Map<String, Instruction> monitors = new HashMap<>();
    private final Map<String, Long> lastId = new HashMap<>();
    /** Resources that may run here, with the request that started them (to stop them). */
    private final Map<String, ActionRequest> active = new HashMap<>();
    private final Set<String> selfStopping = new HashSet<>();
    /** Instructions waiting for this node's copy of the CIB to name their resource. */
    private final List<Waiting> waiting = new ArrayList<>();

    /** How long an instruction may wait for this node's copy of the CIB to name its resource. */
    static final long CONFIGURATION_WAIT_MS = 5_000;
    /** Instructions that may wait at once; more are refused as not configured. */
    static final int WAITING_MAX = 64;

    private record Waiting(Instruction instruction, long cameMs) {}

    /**
     * @param configuration the CIB as the scheduler sees it, to find a resource's agent
     * @param reports where results go (to the coordinator)
     */
    NodeService(String name, Clock clock, LeaseTiming timing, Supplier<Cluster> configuration,
            Consumer<Report> reports) {
        this.name = name;
        this.clock = clock;
        this.timing = timing;
        this.configuration = configuration;
        this.reports = reports;
        this.demotion = Demotion.starting(timing, clock.millis());
        this.incarnation = clock.epochMillis();
    }

    /** The executor, given once its listener (this) exists. */
    synchronized void use(NodeExecutor nodeExecutor) {
        this.executor = nodeExecutor;
    }

    /** The lease request to send now, when one is due: this run's incarnation and the time. */
    /** The node's name in the cluster. */
    String name() {
        return name;
    }

    synchronized Optional<long[]> leaseRequest() {
        return demotion.asksForLease() && !leaving
                ? Optional.of(new long[]{incarnation, clock.millis()})
                : Optional.empty();
    }

    synchronized void granted(long sentMs, long session) {
        demotion.granted(sentMs, session);
    }

    /** The lease's verdict now: stops everything once it ended. */
    synchronized Demotion.Verdict check() {
        Demotion.Verdict verdict = demotion.verdict(clock.millis());
        if (verdict != Demotion.Verdict.RUN && !demoted) {
            demote();
        }
        if (verdict == Demotion.Verdict.RESET && !selfStopping.isEmpty()) {
            // bramble has no watchdog yet: the stops under way go on
            selfStopping.clear();
            demotion.allStopped();
        }
        if (verdict == Demotion.Verdict.RUN && !leaving) {
            demoted = false;
            retryWaiting();
        }
        return verdict;
    }

    /** Instructions that waited for this node's copy of the CIB, tried again. */
    private void retryWaiting() {
        List<Waiting> again = List.copyOf(waiting);
        waiting.clear();
        for (Waiting w : again) {
            Instruction i = w.instruction();
            if (lastId.getOrDefault(i.resource(), 0L) == i.id()) {
                carryOut(i, w.cameMs());
            }
        }
    }

    /**
     * The daemon is stopping: every resource here is stopped, as when the lease ends, and
     * from now on the node asks for no lease and carries out no instruction, so that nothing
     * it ran outlives the daemon. {@link #stopped()} says when the stops have ended.
     */
    synchronized void leave() {
        leaving = true;
        if (!demoted) {
            demote();
        }
    }

    /** Whether no stop of {@link #leave} or of a lease's end is under way. */
    synchronized boolean stopped() {
        return selfStopping.isEmpty();
    }

    private void demote() {
        demoted = true;
        waiting.clear();
        demotion.stopping();
        incarnation++;
        pending.clear();
        monitors.clear();
        monitorOutcomes.clear();
        lastId.clear();
        selfStopping.addAll(active.keySet());
        for (ActionRequest started : List.copyOf(active.values())) {
            executor.submit(stopOf(started));
        }
        if (selfStopping.isEmpty()) {
            demotion.allStopped();
        }
    }

    /** Resources that may run here now. */
    synchronized Set<String> active() {
        return Set.copyOf(active.keySet());
    }

    /** An instruction of the coordinator. */
    synchronized void instruction(Instruction i) {
        if (leaving || !i.node().equals(name) || !demotion.accepts(i.session())
                || i.id() <= lastId.getOrDefault(i.resource(), 0L)) {
            return;
        }
        lastId.put(i.resource(), i.id());
        carryOut(i, clock.millis());
    }

    /**
     * Runs an accepted instruction. One naming a resource this node's copy of the CIB lacks
     * waits, up to {@link #CONFIGURATION_WAIT_MS} after it came: the coordinator reads the
     * leader's copy, which a member's own copy follows a moment later, and a resource just
     * created is probed at once. Only then is it "not configured", which bans the resource.
     */
    private void carryOut(Instruction i, long cameMs) {
        if (i.operation().equals("start") && !demotion.mayStart(clock.millis())) {
            return;
        }
        Optional<ActionRequest> request = request(i);
        if (request.isEmpty()) {
            if (clock.millis() - cameMs < CONFIGURATION_WAIT_MS && waiting.size() < WAITING_MAX) {
                waiting.add(new Waiting(i, cameMs));
                return;
            }
            reports.accept(Report.of(i, new Outcome(Outcome.Kind.FAILED,
                    Optional.of(io.bramble.cluster.exec.Recovery.FATAL),
                    "not configured")));
            return;
        }
        pending.put(key(i.resource(), i.operation(), i.intervalMs()), i);
        if (i.intervalMs() > 0) {
            monitors.put(key(i.resource(), i.operation(), i.intervalMs()), i);
        }
        executor.submit(request.get());
    }

    /** An action's result, from the executor. */
    synchronized void onResult(ExecutionEvent e) {
        String key = key(e.resourceId(), e.action(), e.intervalMs());
        Outcome outcome = e.outcome();
        track(e, outcome);
        if (outcome.kind() == Outcome.Kind.CANCELLED) {
            return;
        }
        Instruction first = pending.remove(key);
        if (first != null) {
            if (e.intervalMs() > 0) {
                monitorOutcomes.put(key, outcome.kind());
            }
            reports.accept(Report.of(first, outcome));
            return;
        }
        Instruction monitor = monitors.get(key);
        if (monitor != null && monitorOutcomes.put(key, outcome.kind()) != outcome.kind()) {
            reports.accept(Report.of(monitor, outcome));
        }
    }

    /** What an action's result says about whether its resource may run here. */
    private void track(ExecutionEvent e, Outcome outcome) {
        String r = e.resourceId();
        switch (e.action()) {
            case "stop" -> {
                if (outcome.kind() == Outcome.Kind.SUCCEEDED) {
                    active.remove(r);
                }
                if (selfStopping.remove(r) && selfStopping.isEmpty()) {
                    demotion.allStopped();
                }
            }
            case "start" -> {
                // a failed start may have left it running: only a stop clears it
            }
            default -> {
                if (e.intervalMs() == 0 && outcome.kind() == Outcome.Kind.NOT_RUNNING) {
                    active.remove(r);
                }
            }
        }
    }

    private Optional<ActionRequest> request(Instruction i) {
        Optional<Primitive> primitive = configuration.get().primitives().stream()
                .filter(p -> p.id().equals(i.resource())).findFirst();
        Optional<ActionRequest> known = Optional.ofNullable(active.get(i.resource()));
        Optional<ActionRequest> base = primitive.map(NodeService::requestOf).or(() -> known);
        return base.map(b -> {
            ActionRequest request = new ActionRequest(b.resourceId(), b.agent(),
                    i.operation(), i.intervalMs(), i.timeoutMs(), b.attributes(), b.meta(),
                    Optional.empty());
            if (!i.operation().equals("stop")) {
                // anything but a stop may leave it running here
                active.put(i.resource(), request);
            }
            return request;
        });
    }

    private static ActionRequest requestOf(Primitive p) {
        io.bramble.cluster.model.AgentName a = p.agent();
        return new ActionRequest(p.id(), new AgentName(a.standard(), a.provider(), a.type()),
                "monitor", 0, 20_000, p.instanceAttributes(), p.meta(), Optional.empty());
    }

    private static ActionRequest stopOf(ActionRequest started) {
        return new ActionRequest(started.resourceId(), started.agent(), "stop", 0,
                started.timeoutMs(), started.attributes(), started.meta(), Optional.empty());
    }

    private static String key(String resource, String operation, long intervalMs) {
        return resource + "_" + operation + "_" + intervalMs;
    }

    long incarnation() {
        return incarnation;
    }

    LeaseTiming timing() {
        return timing;
    }
}
