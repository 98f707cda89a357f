package io.bramble.pool.store;

import io.bramble.pool.member.Member;
import io.bramble.pool.store.StoreException.Reason;
import io.bramble.pool.wire.MalformedFrameException;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.TimeDuration;

/**
 * This node's replica of the cluster store: a Ratis server in the pool's Raft group, and a
 * client that submits changes to the group's leader. Changes are refused at once, without
 * reaching Ratis, when the quorum check says a majority is out of reach (Ratis would retry
 * until its timeout).
 */
public final class RaftStore implements ClusterStore, AutoCloseable {
    /** How long a change may take before it fails, all retries included. */
    public static final long CHANGE_TIMEOUT_MS = 15_000;
    /**
     * What {@link #catchUp} commits: removing a record that is never made, no change to any
     * copy, but an entry of the log that every copy applies in order.
     */
    private static final StoreCommand CATCH_UP = new StoreCommand.Delete("pool.catch-up",
            "none", ClusterStore.ANY);
    private static final long CATCH_UP_POLL_MS = 5;
    /** Log entries between automatic snapshots. */
    public static final long SNAPSHOT_EVERY_ENTRIES = 1_000;
    /**
     * Free bytes the store's disk must have for this node to submit a change. Ratis grows its
     * log 4 MiB at a time, and a replica whose log write fails stops until the node restarts;
     * refusing changes first keeps the replica running while the disk is nearly full.
     */
    public static final long FREE_BYTES_MIN = 8L * 1024 * 1024;

    /** Reachable voters (this node included) and all voters, asked before every change. */
    public interface QuorumCheck {
        /** Fails with {@link StoreException#noMajority} when a majority is out of reach. */
        void requireMajority();
    }

    private final StoreConfig config;
    private final RaftGroupId groupId;
    private final RaftProperties properties;
    private final Parameters parameters;
    private final StoreStateMachine stateMachine;
    private final RaftServer server;
    private final Supplier<Collection<Member>> members;
    private final QuorumCheck quorum;
    private RaftClient client;
    private List<RaftPeer> clientPeers = List.of();
    /** The leader the client was built to ask first: this replica once it leads, else none. */
    private Optional<RaftPeerId> clientLeader = Optional.empty();
    /** The disk of the store's directory, found at the first look at its free space. */
    private volatile FileStore fileStore;

    private RaftStore(StoreConfig config, RaftGroup group, RaftStorage.StartupOption option,
            Supplier<Collection<Member>> members, QuorumCheck quorum,
            Consumer<String> onApplied) throws IOException {
        this.config = config;
        this.groupId = group.getGroupId();
        this.members = members;
        this.quorum = quorum;
        this.properties = properties(config);
        this.parameters = new Parameters();
        if (config.tls() != null) {
            GrpcConfigKeys.TLS.setConf(parameters, config.tls());
        }
        this.stateMachine = new StoreStateMachine(config.witness(), onApplied);
        this.server = RaftServer.newBuilder()
                .setServerId(peerId(config.nodeId()))
                .setGroup(group)
                .setProperties(properties)
                .setParameters(parameters)
                .setStateMachine(stateMachine)
                .setOption(option)
                .build();
        server.start();
    }

    /** Founds the pool's group with this node as its only voter. */
    public static RaftStore found(StoreConfig config, Member self,
            Supplier<Collection<Member>> members, QuorumCheck quorum, Consumer<String> onApplied)
            throws IOException {
        RaftGroup group = RaftGroup.valueOf(groupId(config.poolId()), peer(self));
        return new RaftStore(config, group, RaftStorage.StartupOption.FORMAT, members, quorum,
                onApplied);
    }

    /** Starts an empty replica that waits for the group's leader to add it. */
    public static RaftStore join(StoreConfig config, Supplier<Collection<Member>> members,
            QuorumCheck quorum, Consumer<String> onApplied) throws IOException {
        RaftGroup group = RaftGroup.valueOf(groupId(config.poolId()));
        return new RaftStore(config, group, RaftStorage.StartupOption.FORMAT, members, quorum,
                onApplied);
    }

    /** Restarts this node's replica from its log and snapshots. */
    public static RaftStore recover(StoreConfig config, Supplier<Collection<Member>> members,
            QuorumCheck quorum, Consumer<String> onApplied) throws IOException {
        RaftGroup group = RaftGroup.valueOf(groupId(config.poolId()));
        return new RaftStore(config, group, RaftStorage.StartupOption.RECOVER, members, quorum,
                onApplied);
    }

    private static RaftProperties properties(StoreConfig config) {
        RaftProperties p = new RaftProperties();
        RaftConfigKeys.Rpc.setType(p, SupportedRpcType.GRPC);
        RaftServerConfigKeys.setStorageDir(p, List.of(config.directory().toFile()));
        GrpcConfigKeys.Server.setHost(p, config.address());
        GrpcConfigKeys.Server.setPort(p, config.raftPort());
        // Elections between 0.4 and 0.8 s: fast failover without needless elections on a
        // busy two-core Pi.
        RaftServerConfigKeys.Rpc.setTimeoutMin(p, TimeDuration.valueOf(400,
                TimeUnit.MILLISECONDS));
        RaftServerConfigKeys.Rpc.setTimeoutMax(p, TimeDuration.valueOf(800,
                TimeUnit.MILLISECONDS));
        // Ratis waits 10 s by default before a leader that lost its majority stands again;
        // a pool whose members come back should accept changes within a second or two.
        RaftServerConfigKeys.LeaderElection.setLeaderStepDownWaitTime(p, TimeDuration.valueOf(
                1, TimeUnit.SECONDS));
        // Ratis shuts a replica down for good when its JVM stood still longer than this (60 s
        // by default): a member thawed after a long freeze or a suspend would then keep no
        // store until restarted. It rejoins as a follower instead, as after a short one.
        RaftServerConfigKeys.setCloseThreshold(p, TimeDuration.valueOf(365, TimeUnit.DAYS));
        // A member being added must show progress within this time or Ratis drops the
        // change (by default three election timeouts, 2.4 s: too short for a node whose JVM
        // just started on a busy Pi).
        RaftServerConfigKeys.setStagingTimeout(p, TimeDuration.valueOf(20, TimeUnit.SECONDS));
        // A leader calls a member that fails again after 1 s for 20 failures, then every 5 s
        // by default: a member back after 25 s away would wait up to 5 s for the entries it
        // missed, and could not take over meanwhile. Calls to a member that is away fail at
        // once (its connection is down), so calling every quarter second costs little.
        RaftServerConfigKeys.Log.Appender.setRetryPolicy(p, "1ms,10, 250ms,100000000");
        RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
        RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, SNAPSHOT_EVERY_ENTRIES);
        RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, 2);
        // Adding a member waits for it to catch up; on a loaded two-core machine that takes
        // seconds. Retries go on while a leader is elected, within CHANGE_TIMEOUT_MS in all.
        RaftClientConfigKeys.Rpc.setRequestTimeout(p, TimeDuration.valueOf(4,
                TimeUnit.SECONDS));
        return p;
    }

    static RaftGroupId groupId(UUID poolId) {
        return RaftGroupId.valueOf(poolId);
    }

    static RaftPeerId peerId(UUID nodeId) {
        return RaftPeerId.valueOf(nodeId.toString());
    }

    /** A member as a Raft peer; a witness has the lowest priority, so it rarely leads. */
    static RaftPeer peer(Member member) {
        return RaftPeer.newBuilder().setId(peerId(member.id()))
                .setAddress(member.address() + ":" + member.raftPort())
                .setPriority(member.role() == io.bramble.pool.member.Role.WITNESS ? 0 : 1)
                .build();
    }

    // ---- reads: this node's copy ----

    @Override
    public <T> Optional<Versioned<T>> get(RecordType<T> type, String key) {
        return stateMachine.get(type.name(), key).map(e -> decode(type, key, e));
    }

    @Override
    public <T> List<Versioned<T>> list(RecordType<T> type) {
        List<Versioned<T>> records = new ArrayList<>();
        for (Map.Entry<String, StoreState.Entry> e : stateMachine.list(type.name())) {
            records.add(decode(type, e.getKey(), e.getValue()));
        }
        return records;
    }

    private static <T> Versioned<T> decode(RecordType<T> type, String key, StoreState.Entry e) {
        try {
            return new Versioned<>(key, e.version(), type.codec().decode(e.value()));
        } catch (MalformedFrameException ex) {
            throw new IllegalStateException("record " + type.name() + "/" + key
                    + " does not decode: " + ex.getMessage());
        }
    }

    // ---- changes: through the leader, by a majority ----

    @Override
    public <T> Versioned<T> put(RecordType<T> type, String key, T value, long expectedVersion) {
        long version = submit(new StoreCommand.Put(type.name(), key,
                type.codec().encode(value), expectedVersion));
        return new Versioned<>(key, version, value);
    }

    @Override
    public <T> void delete(RecordType<T> type, String key, long expectedVersion) {
        submit(new StoreCommand.Delete(type.name(), key, expectedVersion));
    }

    @Override
    public void catchUp() {
        long index = send(CATCH_UP, "the catch-up").getLogIndex();
        long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CHANGE_TIMEOUT_MS);
        while (stateMachine.getLastAppliedTermIndex().getIndex() < index) {
            if (System.nanoTime() > deadlineNs) {
                throw new StoreException(Reason.FAILED, "this node's copy of the store did not"
                        + " catch up with the majority within " + CHANGE_TIMEOUT_MS / 1000
                        + " s");
            }
            try {
                Thread.sleep(CATCH_UP_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException(Reason.FAILED, "interrupted");
            }
        }
    }

    private long submit(StoreCommand command) {
        RaftClientReply reply = send(command, "the change");
        StoreResult result;
        try {
            result = StoreResult.decode(reply.getMessage().getContent().toByteArray());
        } catch (MalformedFrameException e) {
            throw new StoreException(Reason.FAILED, "unreadable answer from the store");
        }
        return switch (result) {
            case StoreResult.Applied a -> a.version();
            case StoreResult.Conflict c -> throw new StoreException(Reason.VERSION_CONFLICT,
                    command.type() + "/" + command.key() + " is at version " + c.actual()
                            + ", not " + command.expectedVersion() + "; read it again");
            case StoreResult.Refused r -> throw new StoreException(Reason.FAILED, r.why());
        };
    }

    /** Makes the Raft group's voters exactly {@code voters}; returns when committed. */
    public void setVoters(Collection<Member> voters) {
        requireWritableReplica();
        RaftClientReply reply = bounded(() -> client().admin().setConfiguration(
                voters.stream().map(RaftStore::peer).toList()), "the voters' change", this);
        if (!reply.isSuccess()) {
            throw new StoreException(Reason.FAILED, "the pool's voters did not change: "
                    + reply.getException());
        }
    }

    private interface RaftCall {
        RaftClientReply call() throws IOException;
    }

    /** Commits {@code command} through the majority; {@code what} names it in failures. */
    private RaftClientReply send(StoreCommand command, String what) {
        requireWritableReplica();
        quorum.requireMajority();
        RaftClientReply reply = bounded(() -> client().io().send(Message.valueOf(
                ByteString.copyFrom(StoreCommand.encode(command)))), what, this);
        if (!reply.isSuccess()) {
            throw new StoreException(Reason.FAILED, what + " was not committed: "
                    + reply.getException());
        }
        return reply;
    }

    /**
     * Runs a blocking Ratis call for at most {@link #CHANGE_TIMEOUT_MS}. Ratis's client retries
     * while the group elects a leader; this bound makes sure a caller never waits longer.
     */
    private static RaftClientReply bounded(RaftCall call, String what, RaftStore store) {
        CompletableFuture<RaftClientReply> reply = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("raft-call").start(() -> {
            try {
                reply.complete(call.call());
            } catch (IOException | RuntimeException e) {
                reply.completeExceptionally(e);
            }
        });
        try {
            return reply.get(CHANGE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            worker.interrupt();
            store.dropClient(); // an interrupted call may leave it unusable; the next makes one
            throw new StoreException(Reason.FAILED, what + " was not committed within "
                    + CHANGE_TIMEOUT_MS / 1000 + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new StoreException(Reason.FAILED, what + " was not committed: "
                    + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(Reason.FAILED, "interrupted");
        }
    }

    /** The voters of the Raft group as this replica knows them (empty before it is added). */
    public List<UUID> voterIds() {
        try {
            return server.getDivision(groupId).getRaftConf().getCurrentPeers().stream()
                    .map(p -> UUID.fromString(p.getId().toString())).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * For the log when making members voters takes too long: for each of {@code wanted} that
     * is not a voter yet, when this replica, as leader, last heard from its replica. Ratis
     * counts from the moment it began adding it, so a replica that never answered shows the
     * whole wait.
     */
    public String newVotersHeard(Collection<Member> wanted) {
        try {
            var division = server.getDivision(groupId);
            if (!division.getInfo().isLeader()) {
                return "this node does not lead the store now";
            }
            List<String> voters = division.getRaftConf().getCurrentPeers().stream()
                    .map(p -> p.getId().toString()).toList();
            Map<String, Long> heardMs = new HashMap<>();
            division.getInfo().getRoleInfoProto().getLeaderInfo().getFollowerInfoList()
                    .forEach(f -> heardMs.put(f.getId().getId().toStringUtf8(),
                            f.getLastRpcElapsedTimeMs()));
            List<String> lines = new ArrayList<>();
            for (Member m : wanted) {
                String id = peerId(m.id()).toString();
                if (!voters.contains(id)) {
                    Long ms = heardMs.get(id);
                    lines.add(m.hostname() + "'s replica " + (ms == null
                            ? "is not being added by the leader"
                            : "last answered the leader " + ms + " ms ago"));
                }
            }
            return lines.isEmpty() ? "every member is a voter" : String.join(", ", lines);
        } catch (IOException | RuntimeException e) {
            return "the store's replica is not running: " + e.getMessage();
        }
    }

    private void requireWritableReplica() {
        replicaProblem().ifPresent(problem -> {
            throw new StoreException(Reason.FAILED, problem);
        });
    }

    /**
     * Why this node's replica cannot take part in changes now, if it cannot, in words that
     * say what to do: its disk is nearly full, or a write failed and Ratis stopped it.
     */
    public Optional<String> replicaProblem() {
        Path directory = config.directory();
        long free = freeBytes(directory);
        if (!replicaRunning()) {
            return Optional.of(free < FREE_BYTES_MIN
                    ? "this node's copy of the store has stopped: the disk holding " + directory
                            + " is full (" + free / 1024 + " KiB free); free some space"
                            + " there, then restart the node"
                    : "this node's copy of the store has stopped (its standard error says"
                            + " why); restart the node");
        }
        if (free < FREE_BYTES_MIN) {
            return Optional.of("the disk holding " + directory + " has " + free / 1024
                    + " KiB free, and this node needs " + FREE_BYTES_MIN / (1024 * 1024)
                    + " MiB there to take a change; free some space and try again");
        }
        return Optional.empty();
    }

    private boolean replicaRunning() {
        try {
            var division = server.getDivision(groupId);
            return division.getInfo().isAlive() && division.getRaftLog().isOpened();
        } catch (IOException e) {
            return false;
        }
    }

    private long freeBytes(Path directory) {
        try {
            if (fileStore == null) {
                fileStore = Files.getFileStore(directory); // reads the mount table: once
            }
            return fileStore.getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE; // unknown: let Ratis say
        }
    }

    /**
     * Drops this replica's connection to {@code member}'s replica for a new one, made at once.
     * A member that was out of reach (its cable pulled, its process killed and started again)
     * is otherwise called again only when gRPC's back-off between attempts, which grows to
     * seconds while the member is away, runs out: a leader would leave a member that is back
     * without the entries it missed for that long, and that member could not lead.
     */
    public void reconnect(UUID member) {
        // closing the old connection may wait for its calls to end: not on the caller's thread
        Thread.ofVirtual().name("raft-reconnect").start(() -> {
            try {
                server.getServerRpc().handleException(peerId(member), new IOException(
                        "member " + member + " is reachable again"), true);
            } catch (RuntimeException e) {
                // the server is closing; nothing to reconnect
            }
        });
    }

    /** Whether this replica leads the group and its configuration is not changing. */
    public boolean isStableLeader() {
        try {
            var division = server.getDivision(groupId);
            return division.getInfo().isLeader() && division.getInfo().isLeaderReady()
                    && division.getRaftConf().getPreviousPeers().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private synchronized RaftClient client() throws IOException {
        List<RaftPeer> peers = new ArrayList<>();
        try {
            peers.addAll(server.getDivision(groupId).getRaftConf().getCurrentPeers());
        } catch (IOException e) {
            // not in the group yet; fall back to the member list
        }
        if (peers.isEmpty()) {
            members.get().forEach(m -> peers.add(peer(m)));
        }
        Optional<RaftPeerId> leader = localLeader();
        if (newClientNeeded(client != null, sameIds(peers, clientPeers), leader,
                clientLeader)) {
            if (client != null) {
                client.close();
            }
            RaftClient.Builder builder = RaftClient.newBuilder()
                    .setProperties(properties)
                    .setParameters(parameters)
                    .setRaftGroup(RaftGroup.valueOf(groupId, peers))
                    .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(100,
                            TimeDuration.valueOf(200, TimeUnit.MILLISECONDS)));
            // A client keeps sending to the leader it last knew. When that leader was cut off
            // rather than killed, each request to it waits out the request timeout (4 s)
            // before the client tries another peer: a replica that now leads asks itself.
            leader.ifPresent(builder::setLeaderId);
            client = builder.build();
            clientPeers = peers;
            clientLeader = leader;
        }
        return client;
    }

    /**
     * Whether the client must be built again: none yet, other peers, or this replica now
     * leads and the client was not built to ask it first. A replica that stops leading keeps
     * its client, which the new leader's "not leader" answers redirect.
     */
    static boolean newClientNeeded(boolean built, boolean samePeers,
            Optional<RaftPeerId> localLeader, Optional<RaftPeerId> builtFor) {
        return !built || !samePeers || localLeader.isPresent() && !localLeader.equals(builtFor);
    }

    /** This replica's id while it leads the group. */
    private Optional<RaftPeerId> localLeader() {
        try {
            var division = server.getDivision(groupId);
            return division.getInfo().isLeader()
                    ? Optional.of(division.getId())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private synchronized void dropClient() {
        if (client != null) {
            try {
                client.close();
            } catch (IOException e) {
                // replaced anyway
            }
            client = null;
        }
    }

    private static boolean sameIds(List<RaftPeer> a, List<RaftPeer> b) {
        return a.stream().map(RaftPeer::getId).toList()
                .equals(b.stream().map(RaftPeer::getId).toList());
    }

    public StoreConfig config() {
        return config;
    }

    @Override
    public synchronized void close() {
        try {
            if (client != null) {
                client.close();
            }
            server.close();
        } catch (IOException e) {
            // stopping anyway
        }
    }
}
