package io.bramble.compute.service;

import io.bramble.common.time.Clock;
import io.bramble.compute.daemon.Daemon;
import io.bramble.compute.daemon.DaemonSpec;
import io.bramble.compute.daemon.PlannedDaemons;
import io.bramble.compute.daemon.SparkLogging;
import io.bramble.compute.daemon.SparkProcesses;
import io.bramble.compute.daemon.Supervisor;
import io.bramble.compute.failover.MasterWatch;
import io.bramble.compute.failover.RecoveryMirror;
import io.bramble.compute.failover.WorkerRecheck;
import io.bramble.compute.jars.JarCache;
import io.bramble.compute.jars.SparkRelease;
import io.bramble.compute.plan.ComputePlan;
import io.bramble.compute.plan.PlanCodec;
import io.bramble.compute.status.MasterPage;
import io.bramble.compute.status.MasterStatus;
import io.bramble.pool.liveness.PeerState;
import io.bramble.pool.member.Member;
import io.bramble.pool.member.Role;
import io.bramble.pool.node.PoolNode;
import io.bramble.pool.store.ClusterStore;
import io.bramble.pool.store.StoreException;
import io.bramble.pool.store.Versioned;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * This node's part of the pool's Spark cluster. Every {@value #TICK_MS} ms it reads the plan
 * from its copy of the pool's store, works out which daemons the plan wants here and lets the
 * {@link Supervisor} start, restart or stop them; before the first start it fills the jar
 * cache. When the master's member has been gone a few seconds, the heir among the workers
 * names itself master in the plan ({@link MasterWatch}). Closing it stops the daemons.
 */
public final class ComputeService implements AutoCloseable {
    static final long TICK_MS = 1_000;
    /**
     * Pause after a failed filling of the cache before the next try: short, since the usual
     * failure is another member still filling its own copy.
     */
    static final long FILL_RETRY_MS = 3_000;

    private final PoolNode node;
    private final Clock clock;
    private final JarCache cache;
    private final SparkProcesses processes;
    private final Supervisor supervisor;
    private final MasterWatch watch;
    private final RecoveryMirror recovery;
    private final WorkerRecheck recheck;
    private final MasterPage page = new MasterPage();
    private final Path workDir;
    private final Thread loop;
    private final Object tickLock = new Object();
    private volatile boolean running = true;
    private volatile Thread filling;
    private volatile String fillError = "";
    /** When a failed filling may be tried again; meaningful once one failed. */
    private volatile long fillAgainMs;
    private volatile boolean fillFailed;
    /** The last failure to copy the master's recovery files, logged once until it changes. */
    private String recoveryError = "";

    private ComputeService(PoolNode node, Clock clock, Path computeDir, SparkRelease release) {
        this.node = node;
        this.clock = clock;
        this.cache = new JarCache(computeDir, release);
        this.workDir = computeDir.resolve("work");
        this.processes = new SparkProcesses(Path.of(System.getProperty("java.home"), "bin",
                "java"), cache.home(), release.scala(), computeDir.resolve("logs"));
        this.supervisor = new Supervisor(clock);
        this.watch = new MasterWatch(clock);
        this.recovery = new RecoveryMirror(computeDir.resolve("recovery"), clock);
        this.recheck = new WorkerRecheck(clock);
        this.loop = Thread.ofPlatform().name("bramble-compute").daemon().unstarted(
                this::runLoop);
    }

    /** Starts the loop of this node, whose compute files live in {@code computeDir}. */
    public static ComputeService start(PoolNode node, Clock clock, Path computeDir) {
        ComputeService service = new ComputeService(node, clock, computeDir,
                SparkRelease.bundled());
        int left = service.processes.endLeftovers();
        if (left > 0) {
            node.log().event("compute: ended " + left + " Spark daemon" + (left == 1
                    ? ""
                    : "s") + " an earlier run of this node left");
        }
        service.loop.start();
        return service;
    }

    PoolNode node() {
        return node;
    }

    JarCache cache() {
        return cache;
    }

    SparkProcesses processes() {
        return processes;
    }

    /** The plan in this node's copy of the store; empty when none or in no pool. */
    Optional<ComputePlan> plan() {
        return node.store().flatMap(s -> s.get(PlanCodec.TYPE, PlanCodec.KEY))
                .map(Versioned::value);
    }

    /** Why the cache could not be filled last time; empty when it did or has not tried. */
    String fillError() {
        return fillError;
    }

    private void runLoop() {
        while (running) {
            try {
                tick();
            } catch (RuntimeException e) {
                node.log().event("compute: " + e.getMessage());
            }
            try {
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One round: the plan's daemons for this node, started or stopped as needed. */
    void tick() {
        synchronized (tickLock) {
            if (!running) {
                return;
            }
            watchMaster();
            List<DaemonSpec> wanted = PlannedDaemons.of(plan(), node.members(), node.id(),
                    workDir, recovery.dir());
            if (!wanted.isEmpty() && !cache.complete()) {
                fillInBackground();
                return;
            }
            for (Supervisor.Action action : supervisor.tick(wanted, processes.alive())) {
                act(action);
            }
            if (wanted.stream().anyMatch(s -> s.daemon() == Daemon.MASTER)
                    && processes.alive().containsKey(Daemon.MASTER)) {
                mirrorRecovery();
            }
            plan().ifPresent(this::recheckWorker);
        }
    }

    /**
     * After the master moved, asks it (off the loop) whether it knows this member's worker,
     * and stops a worker it does not know: the worker was not recovered and keeps calling the
     * old master, and started again (by the next ticks) it registers with the new one.
     */
    private void recheckWorker(ComputePlan plan) {
        if (!recheck.due(plan.master(), processes.alive().containsKey(Daemon.WORKER))) {
            return;
        }
        Optional<Member> master = node.members().byId(plan.master());
        Optional<Member> me = node.members().byId(node.id());
        if (master.isEmpty() || me.isEmpty()) {
            return;
        }
        String ui = PlannedDaemons.masterUi(master.get(), plan);
        Thread.ofVirtual().name("bramble-compute-recheck").start(() -> {
            MasterStatus status;
            try {
                status = page.read(ui);
            } catch (IOException e) {
                return; // asked again later
            }
            if (!"ALIVE".equals(status.status())) {
                return;
            }
            recheck.answered();
            if (status.workers().stream().noneMatch(w -> w.host().equals(me.get().address())
                    && "ALIVE".equals(w.state()))) {
                node.log().event("compute: the new master does not know this member's worker;"
                        + " starting it again so that it registers there");
                processes.stop(Daemon.WORKER);
            }
        });
    }

    /** Copies the running master's recovery files to the store. */
    private void mirrorRecovery() {
        Optional<ClusterStore> store = node.store();
        if (store.isEmpty()) {
            return;
        }
        String error = "";
        try {
            recovery.sync(store.get(),
                    file -> node.log().event("compute: Spark's recovery file " + file
                            + " is too large for the pool's store; a master that takes over"
                            + " will not know it"));
        } catch (IOException | StoreException e) {
            error = e.getMessage();
        }
        if (!error.equals(recoveryError) && !error.isEmpty()) {
            node.log().event("compute: cannot copy Spark's recovery files to the pool's store"
                    + " (a master that takes over would miss the latest): " + error);
        }
        recoveryError = error;
    }

    /**
     * Fills the master's recovery folder from the store before the master starts, so that a
     * master taking over (or started again here) carries on with the workers and applications
     * of the one before it.
     */
    private void restoreRecovery() {
        Set<String> live = new HashSet<>();
        for (Member member : node.members().all()) {
            if (member.id().equals(node.id()) || node.state(member.id()) == PeerState.CONNECTED) {
                live.add(member.address());
            }
        }
        Optional<ClusterStore> store = node.store();
        if (store.isEmpty()) {
            return;
        }
        try {
            int restored = recovery.restore(store.get(), live);
            if (restored > 0) {
                node.log().event("compute: Spark's master starts from " + restored
                        + " recovered worker and application record" + (restored == 1
                                ? ""
                                : "s")
                        + " of the master before it");
            }
        } catch (IOException | StoreException e) {
            node.log().event("compute: cannot recover the previous master's state ("
                    + e.getMessage() + "); Spark's master starts afresh and the workers"
                    + " register again when they find it");
        }
    }

    /** Takes the master over when its member is gone and this member is the heir. */
    private void watchMaster() {
        Optional<ClusterStore> store = node.store();
        Optional<Versioned<ComputePlan>> record = store.flatMap(s -> s.get(PlanCodec.TYPE,
                PlanCodec.KEY));
        if (record.isEmpty()) {
            return;
        }
        ComputePlan plan = record.get().value();
        List<UUID> reachable = node.members().all().stream()
                .filter(m -> m.role() == Role.VOTER)
                .map(Member::id)
                .filter(id -> node.state(id) == PeerState.CONNECTED)
                .toList();
        Optional<ComputePlan> next = watch.tick(plan,
                node.state(plan.master()) == PeerState.CONNECTED, node.id(), reachable);
        if (next.isEmpty()) {
            return;
        }
        String gone = node.members().byId(plan.master()).map(Member::hostname)
                .orElse(plan.master().toString());
        try {
            store.get().put(PlanCodec.TYPE, PlanCodec.KEY, next.get(), record.get().version());
            node.log().event("compute: the master's member " + gone + " is gone; this member"
                    + " runs Spark's master now");
        } catch (StoreException e) {
            // another member moved it first, or there is no majority: nothing to do here
        }
    }

    private void act(Supervisor.Action action) {
        switch (action) {
            case Supervisor.Action.Start start -> {
                if (start.spec().daemon() == Daemon.MASTER) {
                    restoreRecovery();
                }
                try {
                    processes.start(start.spec());
                    node.log().event("compute: " + (start.restart() ? "restarted" : "started")
                            + " Spark's " + start.spec().daemon().word() + " (pid "
                            + processes.pid(start.spec().daemon()).orElse(-1L) + ")");
                } catch (IOException e) {
                    node.log().event("compute: cannot start Spark's " + start.spec().daemon()
                            .word() + ": " + e.getMessage());
                }
            }
            case Supervisor.Action.Stop stop -> {
                processes.stop(stop.daemon());
                node.log().event("compute: stopped Spark's " + stop.daemon().word());
            }
            case Supervisor.Action.Died died -> node.log().event("compute: Spark's "
                    + died.daemon().word() + " ended; starting it again in "
                    + died.inMs() + " ms");
        }
    }

    /** Starts filling the cache unless a filling runs or failed a moment ago. */
    void fillInBackground() {
        if (filling != null && filling.isAlive()
                || fillFailed && clock.millis() < fillAgainMs) {
            return;
        }
        filling = Thread.ofVirtual().name("bramble-compute-jars").start(() -> {
            long start = clock.millis();
            try {
                node.log().event("compute: fetching " + cache.missing().size() + " of Spark "
                        + cache.release().version() + "'s jars into " + cache.jars());
                cache.fill(JarSources.of(node, System.getenv()), node.log()::event);
                SparkLogging.ensure(cache.home());
                fillError = "";
                fillFailed = false;
                node.log().event("compute: Spark's jars are here ("
                        + (clock.millis() - start) + " ms)");
            } catch (IOException | RuntimeException e) {
                fillError = e.getMessage();
                fillAgainMs = clock.millis() + FILL_RETRY_MS;
                fillFailed = true;
                node.log().event("compute: cannot fetch Spark's jars: " + e.getMessage());
            }
        });
    }

    /**
     * Stops this node's daemons if the plan (as the majority has it) no longer wants them, at
     * once rather than at the next tick: {@code compute stop} waits for this on every member.
     */
    void settle() {
        node.store().ifPresent(store -> {
            try {
                store.catchUp();
            } catch (StoreException e) {
                // the copy at hand decides; the loop settles again later
            }
        });
        tick();
    }

    /** Removes the plan and the master's recovery records; every node stops its daemons. */
    void removePlan(ClusterStore store) {
        store.delete(PlanCodec.TYPE, PlanCodec.KEY, ClusterStore.ANY);
        RecoveryMirror.clear(store);
    }

    /** The daemons alive here, for the members' view. */
    Map<Daemon, DaemonSpec> alive() {
        return processes.alive();
    }

    @Override
    public void close() {
        synchronized (tickLock) {
            running = false;
        }
        loop.interrupt();
        processes.close();
    }
}
