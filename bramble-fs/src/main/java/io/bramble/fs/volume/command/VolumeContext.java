package io.bramble.fs.volume.command;

import io.bramble.common.time.Clock;
import io.bramble.common.time.Poll;
import io.bramble.fs.brick.wire.PoolTls;
import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeCodec;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.heal.SetConnections;
import io.bramble.fs.volume.rebalance.Rebalances;
import io.bramble.fs.volume.serve.VolumeService;
import io.bramble.fs.volume.spec.BrickEndpoint;
import io.bramble.fs.volume.status.BrickReport;
import io.bramble.fs.volume.status.BrickReportCodec;
import io.bramble.fs.volume.status.PendingReport;
import io.bramble.fs.volume.status.PendingReportCodec;
import io.bramble.pool.liveness.PeerState;
import io.bramble.pool.member.Member;
import io.bramble.pool.member.Role;
import io.bramble.pool.node.PoolNode;
import io.bramble.pool.store.ClusterStore;
import io.bramble.pool.store.StoreException;
import io.bramble.pool.store.Versioned;
import io.bramble.pool.wire.Message.CommandReply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What the volume verbs share: the node, its store's volumes, changes that survive a
 * concurrent change, and calls to the members that hold bricks.
 */
final class VolumeContext {
    /** How long a call to another member may take. */
    static final long MEMBER_CALL_MS = 10_000;
    /** Tries of a change that met another change of the same volume. */
    static final int CHANGE_TRIES = 3;
    /** How long a change waits to show in this node's copy of the store. */
    static final long CATCH_UP_MS = 10_000;
    private static final long CATCH_UP_POLL_MS = 10;
    /**
     * How long a member not connected yet is waited for before a command refuses it: a member
     * that joined a moment ago (the seeds probe, then create at once) is connected within a
     * second or two; one that is down stays refused after this.
     */
    static final long CONNECT_WAIT_MS = 5_000;
    private static final long CONNECT_POLL_MS = 50;
    /** How long a command waits for its connections to a replica set's bricks. */
    static final long CONNECT_MS = 3_000;

    final VolumeService service;
    final PoolNode node;
    /** This node's runs of {@code volume rebalance}, kept while it runs. */
    final Rebalances rebalances;
    private final Clock clock;
    private final Poll.Pause pause;

    VolumeContext(VolumeService service) {
        this(service, Clock.system(), Poll.SLEEP);
    }

    VolumeContext(VolumeService service, Clock clock, Poll.Pause pause) {
        this.service = service;
        this.node = service.node();
        this.clock = clock;
        this.pause = pause;
        this.rebalances = new Rebalances(clock, pause);
    }

    List<VolumeSpec> volumes() {
        return service.volumes();
    }

    /** This node's store, or a failure saying that it is in no pool yet. */
    ClusterStore store(String prefix) {
        return node.store().orElseThrow(() -> VolumeFailure.failed(prefix, "this node is in"
                + " no pool yet: volumes live in the pool's store, and the first 'peer probe'"
                + " makes the pool"));
    }

    /**
     * Makes this node's copy of the store current ({@link ClusterStore#catchUp}). Without the
     * pool's majority it cannot, and the command goes on: the change it makes then fails
     * with the reason.
     */
    void catchUp() {
        node.store().ifPresent(store -> {
            try {
                store.catchUp();
            } catch (StoreException e) {
                // the command's own change reports it
            }
        });
    }

    /** Waits {@code ms} as this context waits between polls. */
    void pause(long ms) throws InterruptedException {
        pause.pause(ms);
    }

    Optional<Versioned<VolumeSpec>> find(String name) {
        return node.store().flatMap(s -> s.get(VolumeCodec.TYPE, name));
    }

    /** The volume {@code name}, or Gluster's failure for one that does not exist. */
    VolumeSpec require(String prefix, String name) {
        return find(name).map(Versioned::value).orElseThrow(() -> VolumeFailure.failed(prefix,
                notFound(name)));
    }

    static String notFound(String name) {
        return "Volume " + name + " does not exist";
    }

    /**
     * Writes {@code change} of the volume {@code name} with the version it was read at; when
     * another node changed it meanwhile, reads it again and retries. {@code change} may fail
     * with a {@link VolumeFailure} (a check on the state read).
     */
    VolumeSpec update(String prefix, String name, UnaryOperator<VolumeSpec> change) {
        ClusterStore store = store(prefix);
        for (int attempt = 1;; attempt++) {
            Versioned<VolumeSpec> read = store.get(VolumeCodec.TYPE, name).orElseThrow(
                    () -> VolumeFailure.failed(prefix, notFound(name)));
            VolumeSpec changed = change.apply(read.value());
            try {
                long version = store.put(VolumeCodec.TYPE, name, changed, read.version())
                        .version();
                awaitEverywhere(name, version);
                return changed;
            } catch (StoreException e) {
                if (e.reason() != StoreException.Reason.VERSION_CONFLICT
                        || attempt == CHANGE_TRIES) {
                    throw VolumeFailure.failed(prefix, e.getMessage());
                }
            }
        }
    }

    /** Runs a store change, turning the store's refusal into the verb's failure. */
    void commit(String prefix, Runnable change) {
        try {
            change.run();
        } catch (StoreException e) {
            throw VolumeFailure.failed(prefix, e.getMessage());
        }
    }

    /**
     * Waits, at most {@link #CATCH_UP_MS}, until this node's copy of the store and those of
     * the other members that are up have version {@code version} of the volume {@code name}
     * (0: have it no more). A change is committed by a majority before it returns, but a
     * member may apply it a moment later; waiting here lets the user's next command, on any
     * member, see it, as Gluster's changes are on every peer when they return. A member that
     * is down catches up when it returns. Each member waits on its own copy and answers once.
     */
    void awaitEverywhere(String name, long version) {
        List<Member> others = node.members().all().stream().filter(m -> !m.id().equals(
                node.id()) && m.role() == Role.VOTER && connected(m)).toList();
        List<String> wait = List.of("volume", AwaitRecord.VERB, name, String.valueOf(version));
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Member m : others) {
                calls.submit(() -> {
                    try {
                        return node.runOn(m, wait, CATCH_UP_MS + MEMBER_CALL_MS);
                    } catch (IOException e) {
                        return null; // it catches up when it can be reached again
                    }
                });
            }
            awaitHere(name, version);
        }
    }

    /** Waits, at most {@link #CATCH_UP_MS}, for this node's copy; returns its version. */
    long awaitHere(String name, long version) {
        return Poll.until(() -> find(name).map(Versioned::version).orElse(0L),
                local -> version == 0 ? local == 0 : local >= version, CATCH_UP_MS,
                CATCH_UP_POLL_MS, clock,
                pause);
    }

    boolean connected(Member member) {
        return node.state(member.id()) == PeerState.CONNECTED;
    }

    /** Whether {@code member} is connected, or becomes so within {@link #CONNECT_WAIT_MS}. */
    boolean connectedSoon(Member member) {
        return Poll.until(() -> connected(member), Boolean::booleanValue, CONNECT_WAIT_MS,
                CONNECT_POLL_MS, clock, pause);
    }

    /** {@link Poll#until} on this context's clock. */
    <T> T poll(Supplier<T> ask, Predicate<? super T> done, long timeoutMs, long everyMs) {
        return Poll.until(ask, done, timeoutMs, everyMs, clock, pause);
    }

    /** Runs a command line on {@code member} (here when it is this node). */
    CommandReply call(Member member, List<String> args) throws IOException {
        return node.runOn(member, args, MEMBER_CALL_MS);
    }

    /** The addresses {@code host} resolves to, as text; none when it does not resolve. */
    static List<String> addresses(String host) {
        try {
            return Arrays.stream(InetAddress.getAllByName(host)).map(
                    InetAddress::getHostAddress).toList();
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    /**
     * Each brick's report from its member, asked all at once; a brick whose member is gone,
     * down or silent is reported unreachable.
     */
    List<BrickReport> reports(VolumeSpec volume, boolean detail) {
        return askEach(volume, brick -> report(brick, detail));
    }

    /**
     * Each brick's index of marked files from its member, asked all at once; a brick whose
     * member is gone, down or silent, or that it does not serve, is reported unreachable.
     */
    List<PendingReport> pendingReports(VolumeSpec volume) {
        return askEach(volume, this::pendingReport);
    }

    /** {@code brick}'s index of marked files, from its member; unreachable if it does not say. */
    PendingReport pendingReport(Brick brick) {
        return askBrick(brick, List.of("volume", ReportPending.VERB, brick.host(), brick
                .path())).flatMap(text -> PendingReportCodec.decode(brick, text)).orElse(
                        PendingReport.unreachable(brick));
    }

    /**
     * The text {@code brick}'s member answers {@code args} with; empty when the member is
     * gone, down or silent, or fails the command (a brick it does not serve).
     */
    Optional<String> askBrick(Brick brick, List<String> args) {
        return node.members().byId(brick.nodeId()).flatMap(member -> askMember(member, args));
    }

    /**
     * The text {@code member} answers {@code args} with; empty when it is down or silent, or
     * fails the command.
     */
    Optional<String> askMember(Member member, List<String> args) {
        try {
            if (!connected(member)) {
                return Optional.empty();
            }
            CommandReply reply = call(member, args);
            return reply.exitCode() != 0 ? Optional.empty() : Optional.of(reply.out());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Where each brick of {@code volume} is served now, in the volume's order, as its member
     * reports it (what {@code volume getspec} answers).
     */
    List<BrickEndpoint> endpoints(VolumeSpec volume) {
        return reports(volume, false).stream().map(report -> new BrickEndpoint(report.brick(),
                node.members().byId(report.brick().nodeId()).map(Member::address).orElse(report
                        .brick().host()),
                report.tcpPort(), report.online())).toList();
    }

    /**
     * Connections from this node to the copies of replica set {@code set}, for one command:
     * waits up to {@link #CONNECT_MS} for them; the caller closes them. A copy that did not
     * connect reads as away.
     */
    SetConnections connect(VolumeSpec volume, List<BrickEndpoint> endpoints, int set) {
        PoolTls tls = node.membership().map(PoolTls::of).orElseThrow(() -> VolumeFailure
                .failed("this node is in no pool: it has no certificate to reach the bricks"
                        + " with"));
        int first = set * volume.replicaCount();
        SetConnections copies = SetConnections.open(volume.name(), endpoints.subList(first,
                first + volume.replicaCount()), tls);
        try {
            copies.awaitConnected(CONNECT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return copies;
    }

    /**
     * Asks each member holding bricks of {@code volume} to start its heal pass now; the
     * members that could not be asked, by host name.
     */
    List<String> startHeals(VolumeSpec volume, boolean full) {
        List<String> args = new ArrayList<>(List.of("volume", StartHeal.VERB, volume.name()));
        if (full) {
            args.add("full");
        }
        List<Brick> firstOfEachNode = volume.bricks().stream().collect(java.util.stream.Collectors
                .toMap(Brick::nodeId, b -> b, (a, b) -> a, java.util.LinkedHashMap::new)).values()
                .stream().toList();
        VolumeSpec asked = volume;
        List<Boolean> answered = askEach(asked, brick -> {
            if (!firstOfEachNode.contains(brick)) {
                return true;
            }
            try {
                Optional<Member> member = node.members().byId(brick.nodeId());
                return member.isPresent() && connected(member.get()) && call(member.get(), args)
                        .exitCode() == 0;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        });
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < answered.size(); i++) {
            if (!answered.get(i)) {
                missed.add(volume.bricks().get(i).host());
            }
        }
        return missed;
    }

    /** {@code ask} of every brick of {@code volume} at once, in the volume's order. */
    static <R> List<R> askEach(VolumeSpec volume, Function<Brick, R> ask) {
        return askEach(volume.bricks(), ask);
    }

    /** {@code ask} of each of {@code bricks} at once, in their order. */
    static <R> List<R> askEach(List<Brick> bricks, Function<Brick, R> ask) {
        List<Future<R>> asked = new ArrayList<>();
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Brick brick : bricks) {
                asked.add(calls.submit(() -> ask.apply(brick)));
            }
        } // waits for every call, each bounded by MEMBER_CALL_MS
        return asked.stream().map(Future::resultNow).toList();
    }

    BrickReport report(Brick brick, boolean detail) {
        try {
            return ask(brick, detail);
        } catch (RuntimeException e) {
            return BrickReport.unreachable(brick);
        }
    }

    private BrickReport ask(Brick brick, boolean detail) {
        Optional<Member> member = node.members().byId(brick.nodeId());
        if (member.isEmpty() || !connected(member.get())) {
            return BrickReport.unreachable(brick);
        }
        List<String> args = new ArrayList<>(List.of("volume", ReportBrick.VERB, brick.host(),
                brick.path()));
        if (detail) {
            args.add("detail");
        }
        try {
            CommandReply reply = call(member.get(), args);
            return reply.exitCode() != 0
                    ? BrickReport.unreachable(brick)
                    : BrickReportCodec.decode(brick, reply.out()).orElse(
                            BrickReport.unreachable(brick));
        } catch (IOException e) {
            return BrickReport.unreachable(brick);
        }
    }
}
