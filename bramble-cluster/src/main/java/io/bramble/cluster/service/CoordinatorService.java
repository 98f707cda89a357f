package io.bramble.cluster.service;

import io.bramble.cluster.coordinate.Command;
import io.bramble.cluster.coordinate.Coordinator;
import io.bramble.cluster.coordinate.LeaseTiming;
import io.bramble.cluster.coordinate.RecordedStatus;
import io.bramble.cluster.coordinate.Report;
import io.bramble.cluster.coordinate.SettledView;
import io.bramble.cluster.fence.Fencer;
import io.bramble.cluster.live.CibRecord;
import io.bramble.cluster.live.CoordinatorRecord;
import io.bramble.cluster.live.LiveView;
import io.bramble.cluster.live.PoolHosts;
import io.bramble.cluster.live.RefreshRecord;
import io.bramble.cluster.live.StatusRecord;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.Primitive;
import io.bramble.common.time.Clock;
import io.bramble.pool.node.PoolNode;
import io.bramble.pool.store.ClusterStore;
import io.bramble.pool.store.RaftStore;
import io.bramble.pool.store.StoreException;
import io.bramble.pool.store.Versioned;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The shell of the {@link Coordinator} on the member that leads the pool's store: takes over
 * in a new epoch (a conditional update of {@link CoordinatorRecord}), feeds it the members it
 * reaches, the CIB as changed, lease requests, reports and ticks, writes what it recorded to
 * the store before it sends the instructions of the same step, fences a node only after a
 * round through the store's majority, and steps down when it no longer leads or a write fails.
 * Not thread-safe: one thread calls it (the service's loop).
 */
final class CoordinatorService {
    private final PoolNode node;
    private final Clock clock;
    private final Messenger messenger;
    private final LiveFencer fencer;
    /** Runs work on the thread that calls this service: fencing's outcomes come back there. */
    private final Executor loop;
    private Coordinator coordinator;
    /** The configuration the coordinator was last given. */
    private Cluster configured;
    private long epoch;
    private long cibVersion = -1;
    private long statusVersion;
    private RecordedStatus written;
    private List<String> hostsSeen = List.of();
    /** The last refresh request acted on (or found at takeover). */
    private long refreshSeq;
    /** Whether this member's view of the pool is settled enough to fence as it takes over. */
    private final SettledView view;

    CoordinatorService(PoolNode node, Clock clock, Messenger messenger, LiveFencer fencer,
            Executor loop) {
        this.node = node;
        this.clock = clock;
        this.messenger = messenger;
        this.fencer = fencer;
        this.loop = loop;
        this.view = new SettledView(clock.millis());
    }

    /** Time passed: takes over or steps down, and ticks the coordinator. */
    void tick() {
        Optional<ClusterStore> store = node.store();
        view.reachable(PoolHosts.of(node).online());
        if (!leads()) {
            stepDown("this member no longer leads the pool's store");
            return;
        }
        try {
            if (coordinator == null) {
                takeOver(store.get());
                return;
            }
            Optional<Versioned<String>> cib = store.get().get(CibRecord.TYPE, CibRecord.KEY);
            long version = cib.map(Versioned::version).orElse(0L);
            if (version != cibVersion || !PoolHosts.of(node).all().equals(hostsSeen)) {
                cibVersion = version;
                configured = configuration(cib);
                coordinator.useFencing(configured.fences());
                handle(store.get(), coordinator.configure(configured));
            }
            handle(store.get(), coordinator.membership(PoolHosts.of(node).online()));
            Optional<RefreshRecord> refresh = store.get().get(RefreshRecord.TYPE,
                    RefreshRecord.KEY).map(Versioned::value).filter(r -> r.seq() > refreshSeq);
            if (refresh.isPresent()) {
                refreshSeq = refresh.get().seq();
                handle(store.get(), coordinator.refresh(primitives(configuration(cib), refresh
                        .get().resource()), refresh.get().node()));
            }
            handle(store.get(), coordinator.tick());
        } catch (StoreException e) {
            stepDown("the store refused a change: " + e.getMessage());
        }
    }

    /** Whether this member leads the pool's store now, as far as it knows. */
    private boolean leads() {
        return node.store().filter(s -> s instanceof RaftStore raft && raft.isStableLeader())
                .isPresent();
    }

    /**
     * A node's lease request; the grant when the coordinator gives one, which it gives only
     * while this member still leads the store.
     */
    Optional<Long> lease(ClusterLink.LeaseRequest request) {
        if (coordinator == null || !leads()) {
            return Optional.empty();
        }
        try {
            List<Command> commands = coordinator.leaseRequest(request.node(),
                    request.incarnation(), request.sentMs());
            handle(node.store().orElseThrow(), commands);
            return commands.stream().filter(c -> c instanceof Command.Grant g
                    && g.node().equals(request.node())).map(c -> ((Command.Grant) c).session())
                    .findFirst();
        } catch (StoreException e) {
            stepDown("the store refused a change: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** A node's report. */
    void report(Report report) {
        if (coordinator == null) {
            return;
        }
        try {
            handle(node.store().orElseThrow(), coordinator.report(report));
        } catch (StoreException e) {
            stepDown("the store refused a change: " + e.getMessage());
        }
    }

    boolean coordinates() {
        return coordinator != null;
    }

    private void takeOver(ClusterStore store) {
        store.catchUp();
        Optional<Versioned<CoordinatorRecord>> current = store.get(CoordinatorRecord.TYPE,
                CoordinatorRecord.KEY);
        long next = current.map(v -> v.value().epoch()).orElse(0L) + 1;
        store.put(CoordinatorRecord.TYPE, CoordinatorRecord.KEY,
                new CoordinatorRecord(next, node.id()),
                current.map(Versioned::version).orElse(ClusterStore.NEW));
        Optional<Versioned<RecordedStatus>> status = store.get(StatusRecord.TYPE,
                StatusRecord.KEY);
        written = status.map(Versioned::value).orElse(RecordedStatus.none());
        statusVersion = status.map(Versioned::version).orElse(ClusterStore.NEW);
        Optional<Versioned<String>> cib = store.get(CibRecord.TYPE, CibRecord.KEY);
        cibVersion = cib.map(Versioned::version).orElse(0L);
        refreshSeq = store.get(RefreshRecord.TYPE, RefreshRecord.KEY).map(v -> v.value().seq())
                .orElse(0L);
        epoch = next;
        configured = configuration(cib);
        coordinator = new Coordinator(configured, written, epoch, LeaseTiming.DEFAULTS,
                configured.fences(), clock);
        if (!view.settled(clock.millis(), PoolHosts.of(node).all())) {
            coordinator.fenceOnlyLaterLosses();
        }
        node.log().event("cluster: coordinating in epoch " + epoch
                + (configured.fences() ? ", fencing lost nodes" : ""));
        handle(store, coordinator.membership(PoolHosts.of(node).online()));
    }

    private void stepDown(String why) {
        if (coordinator != null) {
            coordinator = null;
            node.log().event("cluster: no longer coordinating epoch " + epoch + ": " + why);
        }
    }

    /** Writes what the coordinator recorded, then sends its instructions. */
    private void handle(ClusterStore store, List<Command> commands) {
        RecordedStatus recorded = coordinator.recorded();
        if (!recorded.equals(written)) {
            statusVersion = store.put(StatusRecord.TYPE, StatusRecord.KEY, recorded,
                    statusVersion).version();
            written = recorded;
        }
        if (commands.stream().anyMatch(c -> c instanceof Command.Fence)) {
            // Only a coordinator that still reaches a majority fences: one cut off together
            // with the nodes it lost would otherwise power off the side that has the majority.
            store.catchUp();
        }
        for (Command command : commands) {
            switch (command) {
                case Command.Dispatch d -> messenger.send(d.instruction().node(),
                        ClusterLink.instruction(d.instruction()));
                case Command.Grant g -> {
                    // the answer to the lease request that made it (see lease)
                }
                case Command.Fence f -> {
                    node.log().event("cluster: fencing " + f.node());
                    fencer.fence(configured, f.node(), this::fencedLater);
                }
            }
        }
    }

    /** A fencing's outcome, from the fencing thread: handed to the service's thread. */
    private void fencedLater(Fencer.Outcome outcome) {
        try {
            loop.execute(() -> fenced(outcome));
        } catch (RejectedExecutionException e) {
            // the service is closing: no coordinator is left to tell
        }
    }

    /** A fencing's outcome, on the service's thread: the coordinator may now move on. */
    private void fenced(Fencer.Outcome outcome) {
        outcome.tries().forEach(line -> node.log().event("cluster: fencing " + outcome.node()
                + ": " + line));
        node.log().event("cluster: " + outcome.node() + (outcome.off()
                ? " fenced"
                : " not fenced; its resources wait for its lease to run out"));
        if (coordinator == null) {
            return;
        }
        try {
            handle(node.store().orElseThrow(), coordinator.fenced(outcome.node(), outcome
                    .off()));
        } catch (StoreException e) {
            stepDown("the store refused a change: " + e.getMessage());
        }
    }

    /** The primitives of {@code resource} (a primitive or a group), or all of them. */
    private static Set<String> primitives(Cluster cluster, Optional<String> resource) {
        return resource.map(r -> cluster.resource(r).map(x -> x.primitives().stream()).orElse(
                java.util.stream.Stream.empty())).orElseGet(() -> cluster.primitives().stream())
                .map(Primitive::id).collect(java.util.stream.Collectors.toSet());
    }

    private Cluster configuration(Optional<Versioned<String>> cib) {
        PoolHosts hosts = PoolHosts.of(node);
        hostsSeen = hosts.all();
        return LiveView.configuration(cib.map(Versioned::value), hosts);
    }
}
