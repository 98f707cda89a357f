package io.bramble.cluster.service;

import io.bramble.cluster.agent.AgentDirectories;
import io.bramble.cluster.agent.OwnAgents;
import io.bramble.cluster.coordinate.Demotion;
import io.bramble.cluster.coordinate.LeaseTiming;
import io.bramble.cluster.coordinate.Report;
import io.bramble.cluster.exec.NodeAgents;
import io.bramble.cluster.exec.ProcessShell;
import io.bramble.cluster.fence.FenceAgentRunner;
import io.bramble.cluster.fence.Fencer;
import io.bramble.cluster.live.CibRecord;
import io.bramble.cluster.live.CoordinatorRecord;
import io.bramble.cluster.live.LiveView;
import io.bramble.cluster.live.PoolHosts;
import io.bramble.cluster.model.Cluster;
import io.bramble.common.time.Clock;
import io.bramble.pool.member.Member;
import io.bramble.pool.node.CommandFailure;
import io.bramble.pool.node.CommandSet;
import io.bramble.pool.node.PoolNode;
import io.bramble.pool.store.StoreException;
import io.bramble.pool.store.Versioned;
import io.bramble.pool.wire.Message.CommandReply;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The live cluster in a {@code bramble node} that is not a witness: the coordinator while this
 * member leads the pool's store, and this node's lease and executor always. Serves the
 * {@value ClusterLink#WORD} lines other members send it. Its loop ticks every
 * {@link #TICK_MS}; lease requests go every {@link LeaseTiming#renewMs()}.
 */
public final class ClusterService implements CommandSet, AutoCloseable {
    /** How often the coordinator ticks and the lease's verdict is checked. */
    public static final long TICK_MS = 50;
    /** How long a lease request waits for the coordinator's answer. */
    static final long LEASE_ANSWER_MS = 1_000;

    /**
     * How long a stopping daemon waits for its resources to stop: above the 20 s that stock
     * agents give a stop by default, below the 45 s bramble-node.service gives the daemon to
     * stop before systemd kills it.
     */
    static final long LEAVE_STOPS_MAX_MS = 30_000;

    /** Agents' actions run at once on a node. */
    static final int AGENTS_AT_ONCE_MAX = 4;

    private final PoolNode node;
    /** The node's own name, until the pool records its host name. */
    private final String name;
    private final Clock clock;
    private final Path agentsRoot;
    private final LeaseTiming timing = LeaseTiming.DEFAULTS;
    private final Messenger messenger;
    private final CoordinatorService coordinator;
    private final LiveFencer fencer;
    /** This node's half, made once the pool has a CIB and a host name for this node. */
    private volatile NodeService self;
    private volatile NodeAgents agents;
    private final ExecutorService coordinatorThread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("bramble-coordinator").daemon().factory());
    private final Thread loop;
    private final Thread renewer;
    /** Lease requests under way, one per coordinator asked. */
    private final ExecutorService askers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("bramble-cluster-lease-ask").factory());
    private volatile boolean running = true;
    /** The lease's last verdict logged, so that each demotion is logged once. */
    private volatile Demotion.Verdict lastLogged = Demotion.Verdict.RUN;

    private ClusterService(PoolNode node, String name, Clock clock, Path agentsRoot) {
        this.node = node;
        this.name = name;
        this.clock = clock;
        this.agentsRoot = agentsRoot;
        this.messenger = new Messenger(node);
        OwnAgents own = NodeAgents.installOwn(agentsRoot);
        this.fencer = new LiveFencer(new Fencer(new FenceAgentRunner(AgentDirectories.system(
                own).fenceDirectories(), new ProcessShell(Clock.system(),
                        agentsRoot.resolve(
                                "fence")))));
        this.coordinator = new CoordinatorService(node, clock, messenger, fencer,
                coordinatorThread);
        this.loop = Thread.ofPlatform().name("bramble-cluster").daemon().unstarted(this::tickLoop);
        this.renewer = Thread.ofPlatform().name("bramble-cluster-lease").daemon()
                .unstarted(this::renewLoop);
    }

    /**
     * Starts the live cluster on {@code node}, known in the CIB by the host name the pool
     * records for it (the name or address it was probed by; {@code name} until it is in a
     * pool),
     * its agents' state under {@code agentsRoot} (which must not outlive a reboot, see
     * {@link NodeAgents#start}).
     */
    public static ClusterService start(PoolNode node, String name, Clock clock,
            Path agentsRoot) {
        ClusterService service = new ClusterService(node, name, clock, agentsRoot);
        service.loop.start();
        service.renewer.start();
        return service;
    }

    @Override
    public Set<String> words() {
        return Set.of(ClusterLink.WORD);
    }

    @Override
    public CommandReply run(PoolNode on, List<String> args) {
        List<String> rest = args.subList(1, args.size());
        String verb = rest.isEmpty() ? "" : rest.getFirst();
        switch (verb) {
            case "lease" -> {
                ClusterLink.LeaseRequest request = ClusterLink.leaseRequest(rest);
                Optional<Long> session = onCoordinator(() -> coordinator.lease(request));
                return session.map(s -> new CommandReply(0, ClusterLink.grant(s), ""))
                        .orElseGet(() -> new CommandReply(1, "", "not coordinating\n"));
            }
            case "report" -> {
                Report report = ClusterLink.report(rest);
                coordinatorThread.execute(() -> coordinator.report(report));
                return new CommandReply(0, "", "");
            }
            case "do" -> {
                Optional<NodeService> half = self();
                if (half.isEmpty()) {
                    return new CommandReply(1, "", "no lease asked for yet\n");
                }
                half.get().instruction(ClusterLink.instruction(rest));
                return new CommandReply(0, "", "");
            }
            default -> throw new CommandFailure(ClusterLink.WORD + ": lines between members;"
                    + " expected lease, report or do");
        }
    }

    private <T> Optional<T> onCoordinator(java.util.concurrent.Callable<Optional<T>> work) {
        try {
            return coordinatorThread.submit(work).get(LEASE_ANSWER_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    /** Sends a report to the coordinator, wherever it runs. */
    private void toCoordinator(Report report) {
        Optional<Member> at = coordinatorMember();
        if (at.isEmpty()) {
            return; // no coordinator: the next one probes this node
        }
        if (at.get().id().equals(node.id())) {
            coordinatorThread.execute(() -> coordinator.report(report));
        } else {
            messenger.send(at.get().hostname(), ClusterLink.report(report));
        }
    }

    private Optional<Member> coordinatorMember() {
        return node.store().flatMap(s -> {
            try {
                return s.get(CoordinatorRecord.TYPE, CoordinatorRecord.KEY);
            } catch (StoreException e) {
                return Optional.empty();
            }
        }).flatMap(v -> node.members().byId(v.value().member()));
    }

    /**
     * Whether the pool has a CIB. Until a pcs command makes one there is nothing to run, so no
     * coordinator takes over and no node asks for a lease: a pool that only serves volumes pays
     * nothing for the resource manager. A node that runs resources always has a CIB to read,
     * and its lease is checked on every tick whatever this says.
     */
    private boolean configured() {
        return node.store().map(s -> {
            try {
                return s.get(CibRecord.TYPE, CibRecord.KEY).isPresent();
            } catch (StoreException e) {
                return true;
            }
        }).orElse(false);
    }

    private Cluster configuration() {
        return LiveView.configuration(node.store().flatMap(s -> s.get(CibRecord.TYPE,
                CibRecord.KEY)).map(Versioned::value), PoolHosts.of(node));
    }

    /**
     * Ticks the coordinator and checks this node's lease. The coordinator's tick runs on its
     * own thread and is not waited for: a tick may block for seconds in a write to the store
     * (a leader cut off from the others does not know it yet), and the lease must still be
     * checked every {@link #TICK_MS}, or a node cut off would run its resources on while the
     * others start them. A tick still running when the next is due is skipped.
     */
    private void tickLoop() {
        Future<?> tick = CompletableFuture.completedFuture(null);
        while (running) {
            try {
                boolean configured = configured();
                if (tick.isDone() && configured) {
                    tick = coordinatorThread.submit(this::tickCoordinator);
                }
                Optional<NodeService> half = configured ? selfOnceNamed() : self();
                if (half.isPresent()) {
                    Demotion.Verdict verdict = half.get().check();
                    if (verdict != Demotion.Verdict.RUN) {
                        logOnce(half.get(), verdict);
                    }
                }
            } catch (RuntimeException e) {
                node.log().event("cluster: internal error, carrying on: " + e);
            }
            sleep(TICK_MS);
        }
    }

    private void tickCoordinator() {
        try {
            coordinator.tick();
        } catch (RuntimeException e) {
            node.log().event("cluster: internal error, carrying on: " + e);
        }
    }

    private void logOnce(NodeService half, Demotion.Verdict verdict) {
        if (verdict != lastLogged && !half.active().isEmpty()) {
            lastLogged = verdict;
            node.log().event("cluster: lease ended (" + verdict + "), stopping "
                    + half.active());
        }
    }

    /**
     * Asks the coordinator for a lease every {@link LeaseTiming#renewMs()}. Each request is
     * sent on a thread of its own, one at a time per coordinator: a request to a coordinator
     * that died waits for its connection to time out, and must not hold back the next
     * request, to the coordinator that took over. This node's own coordinator is asked
     * in-process.
     */
    private void renewLoop() {
        Map<String, Future<?>> asking = new HashMap<>();
        while (running) {
            Optional<NodeService> half = self();
            Optional<long[]> request = half.flatMap(NodeService::leaseRequest);
            Optional<Member> at = coordinatorMember();
            asking.values().removeIf(Future::isDone);
            if (request.isPresent() && at.isPresent() && configured()
                    && !asking.containsKey(at.get().hostname())) {
                ClusterLink.LeaseRequest lease = new ClusterLink.LeaseRequest(half.get().name(),
                        request.get()[0], request.get()[1]);
                try {
                    asking.put(at.get().hostname(), askers.submit(() -> askLease(half.get(),
                            at.get(), lease)));
                } catch (RejectedExecutionException e) {
                    return; // closing
                }
            }
            sleep(timing.renewMs());
        }
    }

    private void askLease(NodeService half, Member at, ClusterLink.LeaseRequest lease) {
        Optional<Long> session = Optional.empty();
        if (at.id().equals(node.id())) {
            session = onCoordinator(() -> coordinator.lease(lease));
        } else {
            try {
                CommandReply reply = messenger.ask(at.hostname(), ClusterLink.lease(lease.node(),
                        lease.incarnation(), lease.sentMs()));
                session = reply.exitCode() == 0
                        ? ClusterLink.session(reply.out())
                        : Optional.empty();
            } catch (IOException | RuntimeException e) {
                // not answered: the lease runs out unless a later request is
            }
        }
        session.ifPresent(s -> {
            half.granted(lease.sentMs(), s);
            if (lastLogged != Demotion.Verdict.RUN) {
                lastLogged = Demotion.Verdict.RUN;
                node.log().event("cluster: lease granted again");
            }
        });
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * Stops every resource of this node (as the end of its lease would) and waits, at most
     * {@link #LEAVE_STOPS_MAX_MS}, for the stops to end before the service ends: resources
     * started by a daemon that stops do not outlive it, so no survivor's start can find them
     * still running. Stops that outlast the bound go on as the daemon exits.
     */
    @Override
    public void close() {
        self().ifPresent(this::leave);
        running = false;
        loop.interrupt();
        renewer.interrupt();
        askers.shutdownNow();
        coordinatorThread.shutdownNow();
        fencer.close();
        messenger.close();
        if (agents != null) {
            agents.close();
        }
    }

    /** Stops this node's resources and waits for the stops, within the bound. */
    private void leave(NodeService half) {
        if (!half.active().isEmpty()) {
            node.log().event("cluster: the node stops; stopping " + half.active() + " first");
        }
        half.leave();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LEAVE_STOPS_MAX_MS);
        while (!half.stopped() && System.nanoTime() < end) {
            sleep(TICK_MS);
        }
        if (!half.stopped()) {
            node.log().event("cluster: stopping with stops under way for " + half.active());
        }
    }

    private Optional<NodeService> self() {
        return Optional.ofNullable(self);
    }

    /**
     * This node's half, made the first time it is asked for once the pool has a CIB, named by
     * the host name the pool records for this node (its own name while it is alone): the
     * coordinator knows nodes by those names, in the CIB and in leases.
     */
    private synchronized Optional<NodeService> selfOnceNamed() {
        if (self == null) {
            String hostname = node.members().byId(node.id()).map(Member::hostname).orElse(
                    name);
            NodeService half = new NodeService(hostname, clock, timing,
                    this::configuration, this::toCoordinator);
            agents = NodeAgents.start(hostname, agentsRoot, half::onResult,
                    AGENTS_AT_ONCE_MAX);
            half.use(agents.executor());
            self = half;
            if (!hostname.equals(name)) {
                node.log().event("cluster: this node is " + hostname + " in the cluster,"
                        + " the name the pool knows it by");
            }
        }
        return Optional.of(self);
    }
}
