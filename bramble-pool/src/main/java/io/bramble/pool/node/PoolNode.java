package io.bramble.pool.node;

import io.bramble.common.check.Checks;
import io.bramble.common.error.UserError;
import io.bramble.pool.events.PoolEvent;
import io.bramble.pool.events.PoolEvents;
import io.bramble.pool.events.PoolListener;
import io.bramble.pool.identity.PoolMembership;
import io.bramble.pool.identity.StateDir;
import io.bramble.pool.link.BadFrames;
import io.bramble.pool.link.Exchange;
import io.bramble.pool.link.Link;
import io.bramble.pool.link.LinkHandler;
import io.bramble.pool.link.Tls;
import io.bramble.pool.link.Transport;
import io.bramble.pool.liveness.Liveness;
import io.bramble.pool.liveness.LivenessChange;
import io.bramble.pool.liveness.PeerState;
import io.bramble.pool.member.Member;
import io.bramble.pool.member.MemberCodec;
import io.bramble.pool.member.Members;
import io.bramble.pool.store.ClusterStore;
import io.bramble.pool.store.RaftStore;
import io.bramble.pool.store.StoreConfig;
import io.bramble.pool.store.StoreException;
import io.bramble.pool.wire.Message;
import io.bramble.pool.wire.Message.CommandReply;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.ratis.grpc.GrpcTlsConfig;

/**
 * One {@code bramble node}. Its state (members, liveness, quorum) changes on one thread, the
 * pool loop; Netty's threads and the command threads hand work to it. Probes, joins and
 * detaches on this node take the {@link #changes} lock, so they happen one at a time.
 */
public final class PoolNode implements AutoCloseable {
    /** Heartbeats on every link, this often. */
    public static final long HEARTBEAT_MS = 100;
    /** Liveness is checked this often: with the 600 ms silence bound, a frozen member is
     * disconnected within 650 ms. */
    public static final long TICK_MS = 50;
    /** A missing link to a member is retried this often. */
    public static final long RECONNECT_MS = 200;
    /** The leader checks that the Raft voters are the members this often. */
    public static final long RECONCILE_MS = 1_000;
    /** How long leaving the pool waits for the store's replica to stop. */
    public static final long STORE_CLOSE_MS = 5_000;
    /** How long a node that just joined waits to appear in the pool's member list. */
    public static final long ADMITTED_MS = 90_000;
    /** How long {@link #runOn} waits for a member's link to open. */
    public static final long MEMBER_CONNECT_MS = 2_000;

    final NodeSettings settings;
    final NodeLog log;
    final StateDir stateDir;
    final UUID nodeId;
    final KeyPair keys;
    final SelfNames self;
    final Object changes = new Object();
    /** Probes and detaches under way; the voter reconciliation waits for them. */
    final java.util.concurrent.atomic.AtomicInteger changing = new java.util.concurrent.atomic.AtomicInteger();
    final BadFrames bad;
    final PoolEvents events = new PoolEvents();
    final Transport transport;

    volatile Tls tls;
    volatile PoolMembership membership;
    volatile RaftStore store;
    volatile Members members = Members.empty();
    /** When this node joined through a grant, until it sees itself a member; 0 otherwise. */
    volatile long joinedNanos;
    private volatile Map<UUID, PeerState> states = Map.of();
    private volatile int reachableVoters = 1;
    private volatile InetSocketAddress bound;

    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("pool-loop").daemon().unstarted(r));
    private final Liveness liveness;
    private final Map<UUID, Link> outbound = new HashMap<>();
    private final Map<UUID, Boolean> connecting = new HashMap<>();
    private final Map<UUID, Link> inbound = new ConcurrentHashMap<>();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private final AtomicBoolean reconciling = new AtomicBoolean();
    private boolean hadMajority = true;
    /** The replica's problem last logged, empty when none; read and written on the pool loop. */
    private String replicaProblem = "";
    private long heartbeatSequence;

    /** Command words other modules registered, by first word. */
    private final Map<String, CommandSet> commandSets = new ConcurrentHashMap<>();
    /** Record types changed and not yet published, so that a burst makes one event each. */
    private final Set<String> changedTypes = ConcurrentHashMap.newKeySet();

    final Prober prober = new Prober(this);
    final JoinAcceptor joinAcceptor = new JoinAcceptor(this);
    final Detacher detacher = new Detacher(this);

    private PoolNode(NodeSettings settings, PrintStream out, StateDir stateDir) {
        this.settings = settings;
        this.log = new NodeLog(out, settings.clock());
        this.bad = new BadFrames(log::event);
        this.stateDir = stateDir;
        this.nodeId = stateDir.nodeId();
        this.keys = stateDir.nodeKeys(nodeId);
        this.self = new SelfNames(settings.name(), settings.listenHost(),
                settings.listensOnAll());
        this.liveness = new Liveness(settings.clock(), Liveness.SILENCE_MS_DEFAULT);
        this.transport = new Transport(() -> tls, new Handler(), bad,
                settings.listensOnAll() ? null : settings.listenHost());
    }

    /** Starts a node: opens its state, listens, and rejoins its pool when it has one. */
    public static PoolNode start(NodeSettings settings, PrintStream out) {
        PoolNode node = startQuietly(settings, out);
        node.announce();
        return node;
    }

    /**
     * {@link #start}, without the "listening on" line: the caller prints it with
     * {@link #announce} once whatever clients wait for (the CLI's socket) is open too.
     */
    public static PoolNode startQuietly(NodeSettings settings, PrintStream out) {
        StateDir dir = StateDir.open(settings.stateDir());
        PoolNode node;
        try {
            // The store's log grows in steps of megabytes; starting it on a nearly full disk
            // would fail part way, inside Ratis.
            dir.requireFree(RaftStore.FREE_BYTES_MIN);
            node = new PoolNode(settings, out, dir);
        } catch (RuntimeException e) {
            dir.close();
            throw e;
        }
        try {
            node.begin();
        } catch (RuntimeException e) {
            node.release(); // nothing of a node that could not start stays behind
            throw e;
        }
        return node;
    }

    /** Prints the line that clients and tests wait for: the node listens. */
    public void announce() {
        log.event("node " + nodeId + " (" + settings.name() + (settings.witness()
                ? ", witness"
                : "") + ") listening on " + bound.getAddress().getHostAddress() + ":"
                + bound.getPort() + ", state in " + stateDir.root());
    }

    private void begin() {
        membership = stateDir.membership().orElse(null);
        try {
            tls = Tls.of(keys.getPrivate(), stateDir.nodeCertificate());
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new UserError(UserError.EXIT_RUNTIME, "cannot read this node's certificate in "
                    + stateDir.root() + ": " + e.getMessage(), e);
        }
        bound = transport.listen(new InetSocketAddress(settings.listenHost(), settings.port()));
        stateDir.recordListenPort(bound.getPort());
        if (membership != null) {
            try {
                store = RaftStore.recover(storeConfig(membership), () -> members.all(),
                        this::requireMajority, this::applied);
            } catch (IOException e) {
                throw new UserError(UserError.EXIT_RUNTIME, "cannot open the cluster store in "
                        + stateDir.raftDir() + ": " + e.getMessage(), e);
            }
            log.event("rejoining pool " + membership.poolId());
            refreshSoon(); // the replay ran before the store was in place
        } else {
            log.event("in no pool yet: the first 'peer probe' from or to this node makes one");
        }
        loop.scheduleAtFixedRate(guard(this::tick), TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        loop.scheduleAtFixedRate(guard(this::heartbeats), HEARTBEAT_MS, HEARTBEAT_MS,
                TimeUnit.MILLISECONDS);
        loop.scheduleAtFixedRate(guard(this::maintainLinks), 0, RECONNECT_MS,
                TimeUnit.MILLISECONDS);
        loop.scheduleAtFixedRate(guard(this::reconcileVoters), RECONCILE_MS, RECONCILE_MS,
                TimeUnit.MILLISECONDS);
    }

    private Runnable guard(Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.event("internal error, carrying on: " + e);
            }
        };
    }

    StoreConfig storeConfig(PoolMembership m) {
        GrpcTlsConfig grpcTls = new GrpcTlsConfig(m.nodeKey(), m.nodeCertificate(),
                m.authority().certificate(), true);
        return new StoreConfig(stateDir.raftDir(), m.poolId(), nodeId, settings.listenHost(),
                settings.raftPort(), settings.witness(), grpcTls);
    }

    // ---- what commands and other modules see ----

    public UUID id() {
        return nodeId;
    }

    public InetSocketAddress boundAddress() {
        return bound;
    }

    public Members members() {
        return members;
    }

    public PeerState state(UUID member) {
        return member.equals(nodeId)
                ? PeerState.CONNECTED
                : states.getOrDefault(member, PeerState.DISCONNECTED);
    }

    public Optional<ClusterStore> store() {
        return Optional.ofNullable(store);
    }

    /** The node's state directory, whose credentials its own clients use too. */
    public java.nio.file.Path stateDirectory() {
        return stateDir.root();
    }

    public Optional<PoolMembership> membership() {
        return Optional.ofNullable(membership);
    }

    public BadFrames badFrames() {
        return bad;
    }

    public void subscribe(PoolListener listener) {
        events.subscribe(listener);
    }

    /** The node's event log (standard output), for modules that run inside the node. */
    public NodeLog log() {
        return log;
    }

    /** Whether this node was started as a witness: a vote, and no records but the pool's. */
    public boolean isWitness() {
        return settings.witness();
    }

    /**
     * Adds command words to this node ({@code volume} for the file system). Fails when one of
     * them is the pool's own or another set's.
     */
    public void addCommands(CommandSet set) {
        for (String word : set.words()) {
            Checks.argument(!NodeCommands.POOL_WORDS.contains(word)
                    && commandSets.putIfAbsent(word, set) == null,
                    "the command word '" + word + "' is taken");
        }
    }

    /** The set that runs lines starting with {@code word}, if one registered it. */
    Optional<CommandSet> commandsFor(String word) {
        return Optional.ofNullable(commandSets.get(word));
    }

    /** The first words other modules added, sorted. */
    List<String> addedWords() {
        return commandSets.keySet().stream().sorted().toList();
    }

    /**
     * Runs a command line on {@code member} as its local CLI would, through the pool link (the
     * member answers only members of its pool), or here when it is this node. For commands of
     * one node to another, such as the file system checking a brick's folder on the brick's
     * machine.
     *
     * @throws IOException when the member cannot be reached or does not answer in
     *     {@code timeoutMs}
     */
    public CommandReply runOn(Member member, List<String> args, long timeoutMs)
            throws IOException {
        if (member.id().equals(nodeId)) {
            return NodeCommands.run(this, args);
        }
        try (Exchange exchange = Exchange.open(transport, new InetSocketAddress(
                member.address(), member.port()), Math.min(timeoutMs, MEMBER_CONNECT_MS))) {
            PoolMembership m = membership;
            if (m == null || !exchange.link().certifiedMember(m.authority().certificate())
                    .filter(member.id()::equals).isPresent()) {
                throw new IOException(member.hostname() + " is not the member it was");
            }
            exchange.send(new Message.CommandRequest(args));
            Message reply = exchange.receive(timeoutMs);
            if (reply instanceof CommandReply answer) {
                return answer;
            }
            throw new IOException(member.hostname() + " answered something else");
        }
    }

    /** Voters this node reaches, itself included. */
    public int reachableVoters() {
        return reachableVoters;
    }

    /** Fails with the no-majority message when fewer than a majority are reachable. */
    void requireMajority() {
        RaftStore current = store;
        List<UUID> voters = current == null ? List.of() : current.voterIds();
        if (voters.size() <= 1) {
            return;
        }
        int reachable = (int) voters.stream().filter(v -> state(v) == PeerState.CONNECTED)
                .count();
        if (reachable < voters.size() / 2 + 1) {
            throw StoreException.noMajority(reachable, voters.size());
        }
    }

    // ---- the pool loop ----

    /**
     * Called by the store on its apply thread when records changed; {@code type} is empty
     * when any may have (a snapshot was loaded).
     */
    void applied(String type) {
        if ((type.isEmpty() || type.equals(MemberCodec.TYPE.name()))
                && refreshPending.compareAndSet(false, true)) {
            loop.execute(guard(this::refreshMembers));
        }
        if (changedTypes.add(type)) {
            loop.execute(guard(() -> {
                changedTypes.remove(type); // a change during the publish schedules another
                events.publish(new PoolEvent.RecordsChanged(type));
            }));
        }
    }

    void refreshSoon() {
        applied("");
    }

    private void refreshMembers() {
        refreshPending.set(false);
        RaftStore current = store;
        Members next = current == null
                ? Members.empty()
                : Members.of(current.list(MemberCodec.TYPE).stream().map(v -> v.value())
                        .toList());
        Members previous = members;
        if (next.equals(previous)) {
            return;
        }
        for (Member m : next.all()) {
            if (!previous.contains(m.id()) && !m.id().equals(nodeId)) {
                liveness.track(m.id());
                log.event("member " + m.hostname() + " (" + m.id() + ", " + m.address() + ":"
                        + m.port() + (m.role() == io.bramble.pool.member.Role.WITNESS
                                ? ", witness"
                                : "")
                        + ") is in the pool");
            }
        }
        for (Member m : previous.all()) {
            if (!next.contains(m.id())) {
                liveness.forget(m.id());
                dropOutbound(m.id());
                log.event("member " + m.hostname() + " (" + m.id() + ") left the pool");
            }
        }
        members = next;
        events.publish(new PoolEvent.MembershipChanged(next));
        publishStates();
    }

    private void tick() {
        apply(liveness.tick());
    }

    private void apply(List<LivenessChange> changes) {
        for (LivenessChange change : changes) {
            String name = members.byId(change.member()).map(Member::hostname)
                    .orElse(change.member().toString());
            log.event("peer " + name + " (" + change.member() + ") " + change.to().shown()
                    + change.cause().shown());
            if (change.cause() == LivenessChange.Cause.SILENT) {
                dropOutbound(change.member());
            }
            RaftStore current = store;
            if (change.cause() == LivenessChange.Cause.HEARD_AGAIN && current != null) {
                current.reconnect(change.member());
            }
            events.publish(new PoolEvent.LivenessChanged(change.member(), change.to()));
        }
        if (!changes.isEmpty()) {
            publishStates();
        }
    }

    /**
     * Closes the link this node calls {@code member} on, for {@link #maintainLinks} to make a
     * new one. Behind a pulled cable, TCP resends what the old link holds less and less often
     * (seconds apart after a few seconds out), so that link would carry heartbeats again only
     * seconds after the cable is back; a new connection gets through at once.
     */
    private void dropOutbound(UUID member) {
        Link link = outbound.remove(member);
        if (link != null) {
            link.close();
        }
    }

    private void publishStates() {
        Map<UUID, PeerState> snapshot = new HashMap<>();
        for (Member m : members.all()) {
            if (!m.id().equals(nodeId)) {
                snapshot.put(m.id(), liveness.state(m.id()));
            }
        }
        states = Map.copyOf(snapshot);
        // Quorum counts the store's voters (a member being added is not one yet).
        RaftStore current = store;
        List<UUID> voterIds = current == null ? List.of() : current.voterIds();
        if (voterIds.isEmpty()) {
            voterIds = members.all().stream().map(Member::id).toList();
        }
        int reachable = (int) voterIds.stream().filter(id -> id.equals(nodeId)
                || snapshot.get(id) == PeerState.CONNECTED).count();
        reachable = Math.max(1, reachable);
        reachableVoters = reachable;
        int voters = Math.max(1, voterIds.size());
        boolean majority = reachable >= voters / 2 + 1;
        if (majority != hadMajority) {
            hadMajority = majority;
            log.event("quorum " + (majority ? "regained" : "lost") + ": " + reachable + " of "
                    + voters + " members reachable, " + (voters / 2 + 1) + " needed");
            events.publish(new PoolEvent.QuorumChanged(majority, reachable, voters));
        }
    }

    private void heartbeats() {
        heartbeatSequence++;
        for (Link link : outbound.values()) {
            link.send(new Message.Heartbeat(nodeId, heartbeatSequence));
        }
    }

    private void maintainLinks() {
        PoolMembership m = membership;
        if (m == null) {
            return;
        }
        for (Member member : members.all()) {
            UUID id = member.id();
            if (id.equals(nodeId) || connecting.containsKey(id)) {
                continue;
            }
            Link link = outbound.get(id);
            if (link != null && link.isOpen()) {
                continue;
            }
            outbound.remove(id);
            connecting.put(id, true);
            transport.connect(new InetSocketAddress(member.address(), member.port()))
                    .whenComplete((opened, failure) -> loop.execute(() -> {
                        connecting.remove(id);
                        if (failure != null) {
                            return;
                        }
                        boolean expected = membership == m && members.contains(id)
                                && opened.certifiedMember(m.authority().certificate())
                                        .filter(id::equals).isPresent();
                        if (!expected) {
                            opened.close();
                            return;
                        }
                        opened.send(new Message.Hello(nodeId, m.poolId()));
                        outbound.put(id, opened);
                    }));
        }
    }

    private void reconcileVoters() {
        checkAdmitted();
        reportReplica();
        refreshSoon();
        publishStates(); // the voters may have changed without a member record changing
        RaftStore current = store;
        if (current == null || changing.get() > 0 || !current.isStableLeader()
                || !reconciling.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("pool-reconcile").start(() -> {
            try {
                Members view = members;
                if (!view.isEmpty() && !new java.util.HashSet<>(current.voterIds()).equals(
                        new java.util.HashSet<>(view.all().stream().map(Member::id).toList()))) {
                    current.setVoters(view.all());
                    log.event("pool voters set to " + view.size() + " members");
                }
            } catch (StoreException e) {
                // tried again at the next round
            } finally {
                reconciling.set(false);
            }
        });
    }

    /** Logs when this node's replica of the store cannot take changes, and when it can again. */
    private void reportReplica() {
        RaftStore current = store;
        if (current == null) {
            replicaProblem = ""; // no replica, nothing to report
            return;
        }
        String problem = current.replicaProblem().orElse("");
        if (!problem.equals(replicaProblem)) {
            log.event(problem.isEmpty()
                    ? "the store's replica on this node takes changes again"
                    : "the store's replica on this node cannot take changes: " + problem);
            replicaProblem = problem;
        }
    }

    /**
     * A node that joined but never shows in the pool's member list (its prober died between
     * the grant and the record) would belong to a pool that does not know it, and refuse every
     * other: it gives the pool {@link #ADMITTED_MS} and then leaves.
     */
    private void checkAdmitted() {
        long since = joinedNanos;
        if (since == 0 || membership == null) {
            return;
        }
        if (members.contains(nodeId)) {
            joinedNanos = 0;
        } else if (System.nanoTime() - since > ADMITTED_MS * 1_000_000L) {
            joinedNanos = 0;
            Thread.ofVirtual().name("not-admitted").start(() -> leavePool(
                    "the pool never recorded this node as a member"));
        }
    }

    /** Forgets the pool: after a detach, this node is fresh again. */
    void leavePool(String why) {
        synchronized (changes) {
            RaftStore old = store;
            store = null;
            membership = null;
            log.event("left the pool: " + why);
            if (old != null) {
                closeBounded(old);
            }
            try {
                stateDir.forgetMembership(nodeId);
                tls = Tls.of(keys.getPrivate(), stateDir.nodeCertificate());
            } catch (IOException | java.security.GeneralSecurityException e) {
                log.event("could not clear the pool files in " + stateDir.root() + ": " + e);
            }
        }
        loop.execute(() -> {
            outbound.values().forEach(Link::close);
            outbound.clear();
            refreshMembers();
        });
    }

    /**
     * Closes a replica that is leaving, waiting at most {@link #STORE_CLOSE_MS}: a replica the
     * group removed while it was down keeps calling elections, and Ratis may take long to stop
     * it. Its files go either way; the group no longer counts on them.
     */
    private void closeBounded(RaftStore old) {
        Thread closer = Thread.ofVirtual().name("store-close").start(old::close);
        try {
            if (!closer.join(java.time.Duration.ofMillis(STORE_CLOSE_MS))) {
                log.event("the store's replica is still stopping; its files are removed anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until {@code member} is connected or {@code timeoutMs} passed. */
    boolean awaitConnected(UUID member, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000L;
        while (System.nanoTime() < end) {
            if (state(member) == PeerState.CONNECTED) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    // ---- frames ----

    private final class Handler implements LinkHandler {
        @Override
        public void onMessage(Link link, Message message) {
            switch (message) {
                case Message.Hello hello -> fromMember(link, hello.node());
                case Message.Heartbeat beat -> fromMember(link, beat.node());
                case Message.ProbeRequest probe -> Thread.ofVirtual().name("probe-in")
                        .start(() -> joinAcceptor.onProbe(link, probe));
                case Message.JoinGrant grant -> Thread.ofVirtual().name("join")
                        .start(() -> joinAcceptor.onGrant(link, grant));
                case Message.Detached detached -> {
                    // Any node the pool certified may say so, even one this node does not
                    // know yet (a prober undoing a join it could not finish).
                    PoolMembership m = membership;
                    Optional<UUID> sender = m == null
                            ? Optional.empty()
                            : link.certifiedMember(m.authority().certificate());
                    if (sender.isEmpty() || !detached.pool().equals(m.poolId())) {
                        reject(link);
                        return;
                    }
                    String by = members.byId(sender.get()).map(Member::hostname)
                            .orElse(sender.get().toString());
                    Thread.ofVirtual().name("detached").start(() -> leavePool("detached by "
                            + by));
                }
                case Message.CommandRequest request -> {
                    if (memberOf(link).isEmpty()) {
                        reject(link);
                        return;
                    }
                    Thread.ofVirtual().name("remote-command").start(() -> link.send(
                            NodeCommands.run(PoolNode.this, request.args())));
                }
                default -> reject(link);
            }
        }

        @Override
        public void onClosed(Link link) {
            inbound.entrySet().stream().filter(e -> e.getValue() == link).map(Map.Entry::getKey)
                    .findFirst().ifPresent(id -> {
                        inbound.remove(id, link);
                        loop.execute(() -> apply(liveness.lost(id)));
                    });
            joinAcceptor.onClosed(link);
        }

        private void fromMember(Link link, UUID claimed) {
            Optional<UUID> sender = memberOf(link);
            if (sender.isEmpty() && certifiedByPool(link)) {
                // A node the pool detached while it was down learns it now; any other is a
                // member this node does not know of yet (it joined a moment ago and this node
                // has not caught up): not bad input, it calls again shortly.
                RaftStore current = store;
                if (current != null && current.get(Tombstones.TYPE, claimed.toString())
                        .isPresent()) {
                    link.send(new Message.Detached(membership.poolId()));
                }
                link.close();
                return;
            }
            if (sender.isEmpty() || !sender.get().equals(claimed) || !link.inbound()) {
                reject(link);
                return;
            }
            Link previous = inbound.put(claimed, link);
            if (previous != null && previous != link) {
                previous.close();
            }
            loop.execute(() -> apply(liveness.heard(claimed)));
        }
    }

    /** The member on the other end, when its certificate is the pool's and it is a member. */
    Optional<UUID> memberOf(Link link) {
        PoolMembership m = membership;
        if (m == null) {
            return Optional.empty();
        }
        return link.certifiedMember(m.authority().certificate()).filter(members::contains);
    }

    private boolean certifiedByPool(Link link) {
        PoolMembership m = membership;
        return m != null && link.certifiedMember(m.authority().certificate()).isPresent();
    }

    private void reject(Link link) {
        bad.notMember();
        link.close();
    }

    // ---- commands ----

    /** {@code peer probe HOST}: the line to print; a failure is a {@link CommandFailure}. */
    public String probe(String target) {
        changing.incrementAndGet();
        try {
            return prober.probe(target);
        } finally {
            changing.decrementAndGet();
        }
    }

    /** {@code peer detach HOST [force]}. */
    public String detach(String target, boolean force) {
        changing.incrementAndGet();
        try {
            return detacher.detach(target, force);
        } finally {
            changing.decrementAndGet();
        }
    }

    @Override
    public void close() {
        log.event("stopping");
        release();
        log.event("stopped");
    }

    private void release() {
        loop.shutdownNow();
        RaftStore current = store;
        if (current != null) {
            closeBounded(current);
        }
        transport.close();
        stateDir.close();
    }
}
