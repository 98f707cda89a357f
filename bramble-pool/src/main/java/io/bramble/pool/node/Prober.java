package io.bramble.pool.node;

import io.bramble.common.net.HostPort;
import io.bramble.pool.identity.PoolMembership;
import io.bramble.pool.link.Exchange;
import io.bramble.pool.link.Tls;
import io.bramble.pool.member.Member;
import io.bramble.pool.member.MemberCodec;
import io.bramble.pool.member.Role;
import io.bramble.pool.store.ClusterStore;
import io.bramble.pool.store.RaftStore;
import io.bramble.pool.store.StoreException;
import io.bramble.pool.store.Versioned;
import io.bramble.pool.tls.PoolAuthority;
import io.bramble.pool.wire.Message;
import io.bramble.pool.wire.Message.JoinDone;
import io.bramble.pool.wire.Message.ProbeAnswer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The prober's side of {@code peer probe HOST}: founds the pool at the first probe, asks the
 * target to join, certifies its key, records it in the store and makes it a voter.
 */
final class Prober {
    /** Gluster's words for an unreachable host, kept for scripts that look for them. */
    static final String UNREACHABLE = "peer probe: failed: Probe returned with Transport"
            + " endpoint is not connected";
    /**
     * Connecting and the TLS handshake. A host that refuses or does not answer fails within
     * the transport's own connect bound; this one is for the handshake, which a node whose JVM
     * just started on a loaded two-core machine was measured to take over 3 s for.
     */
    static final long CONNECT_MS = 10_000;
    /** The probe's answer; the probed node checks the secret and writes nothing first. */
    static final long ANSWER_MS = 10_000;
    static final long JOIN_MS = 30_000;
    static final long LEADER_MS = 15_000;
    static final long CONNECTED_MS = 5_000;
    /** How long making a new member a voter may take, retries included. */
    static final long VOTERS_MS = 40_000;

    private final PoolNode node;

    Prober(PoolNode node) {
        this.node = node;
    }

    String probe(String target) {
        int ownPort = node.boundAddress().getPort();
        HostPort hostPort = parse(target, ownPort);
        String host = hostPort.host();
        int port = hostPort.port();
        if (port == ownPort && node.self.isName(host)) {
            return localhost();
        }
        InetAddress address = resolve(host);
        if (port == ownPort && node.self.isAddress(address)) {
            return localhost();
        }
        synchronized (node.changes) {
            Optional<Member> known = node.members.all().stream()
                    .filter(m -> m.knownAs(host) || (m.address().equals(address
                            .getHostAddress()) && m.port() == port))
                    .findFirst();
            if (known.isPresent()) {
                return already(known.get(), host, port);
            }
            JoinSteps steps = new JoinSteps(node.log, node.settings.clock(), "probe of " + host);
            try {
                return ask(steps, host, address, port);
            } catch (CommandFailure e) {
                steps.failed(e.getMessage());
                throw e;
            }
        }
    }

    private String ask(JoinSteps steps, String host, InetAddress address, int port) {
        steps.begin("connect");
        try (Exchange exchange = Exchange.open(node.transport,
                new InetSocketAddress(address, port), CONNECT_MS)) {
            steps.begin("ask");
            PoolMembership m = node.membership;
            exchange.send(new Message.ProbeRequest(node.nodeId, m == null
                    ? Message.NO_POOL
                    : m.poolId(), node.settings.name(), host, node.settings.joinSecret()));
            Message answer = exchange.receive(ANSWER_MS);
            if (!(answer instanceof ProbeAnswer probeAnswer)) {
                throw new CommandFailure(UNREACHABLE);
            }
            return switch (probeAnswer.outcome()) {
                case SELF -> localhost();
                case ALREADY_MEMBER -> "peer probe: success. Host " + host + " port " + port
                        + " already in peer list";
                case OTHER_POOL -> throw new CommandFailure("peer probe: failed: " + host
                        + " is either already part of another cluster or having volumes"
                        + " configured");
                case SECRET_MISMATCH -> throw new CommandFailure("peer probe: failed: "
                        + host + " requires a join secret, and this node's (--join-secret)"
                        + " is missing or different");
                case ACCEPT -> admit(steps, exchange, probeAnswer, host, address, port);
            };
        } catch (IOException e) {
            // The command keeps gluster's words; the log says what happened.
            steps.failed(e.getMessage());
            throw new CommandFailure(UNREACHABLE);
        }
    }

    private static String localhost() {
        return "peer probe: success. Probe on localhost not needed";
    }

    private String already(Member member, String host, int port) {
        String line = "peer probe: success. Host " + host + " port " + port
                + " already in peer list";
        if (member.id().equals(node.nodeId) || member.hostname().equalsIgnoreCase(host)) {
            return line;
        }
        // Probing a member by a new name makes that name the one shown (seed 000's fix
        // for a first node known only by its address).
        RaftStore store = node.store;
        try {
            store.put(MemberCodec.TYPE, member.id().toString(), member.withPreferredName(host),
                    ClusterStore.ANY);
        } catch (StoreException e) {
            throw new CommandFailure("peer probe: failed: " + e.getMessage());
        }
        return line;
    }

    private String admit(JoinSteps steps, Exchange exchange, ProbeAnswer answer, String host,
            InetAddress address, int port) throws IOException {
        PublicKey proven = exchange.link().peerKey().orElseThrow(
                () -> new CommandFailure(UNREACHABLE));
        if (!Arrays.equals(proven.getEncoded(), answer.publicKey())) {
            throw new CommandFailure("peer probe: failed: " + host + " answered with a key"
                    + " other than the one it proved in TLS; nothing changed");
        }
        if (node.membership == null) {
            steps.begin("found the pool");
            found(exchange.link().localAddress().getAddress());
        }
        try {
            node.requireMajority();
        } catch (StoreException e) {
            throw new CommandFailure("peer probe: failed: " + e.getMessage());
        }
        PoolMembership m = node.membership;
        List<String> names = new ArrayList<>();
        names.add(host);
        names.add(address.getHostAddress());
        answer.names().stream().limit(Member.NAMES_MAX - 2).forEach(names::add);
        List<String> distinct = names.stream().map(String::strip).filter(n -> !n.isEmpty())
                .distinct().toList();
        X509Certificate certificate = m.authority().certify(proven, answer.node(), distinct);
        steps.begin("grant, and wait for it to join");
        try {
            exchange.send(new Message.JoinGrant(m.poolId(), m.authority().certificate()
                    .getEncoded(), m.authority().key().getEncoded(), certificate.getEncoded(),
                    address.getHostAddress()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Message done = exchange.receive(JOIN_MS);
        if (!(done instanceof JoinDone joinDone) || !joinDone.ok()) {
            throw new CommandFailure("peer probe: failed: " + host + " could not join: "
                    + (done instanceof JoinDone d ? d.detail() : "no answer"));
        }
        Member member = new Member(answer.node(), distinct.stream().filter(
                n -> !n.equals(address.getHostAddress()) || n.equals(host)).toList(),
                address.getHostAddress(), port, answer.raftPort(),
                answer.witness() ? Role.WITNESS : Role.VOTER, node.settings.clock()
                        .epochMillis());
        steps.begin("record the member");
        try {
            node.store.put(MemberCodec.TYPE, member.id().toString(), member, ClusterStore.NEW);
            node.store.delete(Tombstones.TYPE, member.id().toString(), ClusterStore.ANY);
        } catch (StoreException e) {
            undo(exchange, m);
            throw new CommandFailure("peer probe: failed: " + e.getMessage());
        }
        steps.begin("make it a voter");
        try {
            setVoters();
        } catch (StoreException e) {
            steps.failed(e.getMessage() + "; " + node.store.newVotersHeard(node.store.list(
                    MemberCodec.TYPE).stream().map(Versioned::value).toList()));
            try {
                node.store.delete(MemberCodec.TYPE, member.id().toString(), ClusterStore.ANY);
                undo(exchange, m);
            } catch (StoreException stillThere) {
                // the leader makes it a voter later (reconciliation)
            }
            throw new CommandFailure("peer probe: failed: " + e.getMessage());
        }
        node.refreshSoon();
        steps.begin("wait for its link");
        try {
            node.awaitConnected(member.id(), CONNECTED_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        steps.done();
        node.log.event("probe of " + host + " (" + member.id() + ") succeeded");
        return "peer probe: success. ";
    }

    /** Tells a node whose join could not be recorded to forget the pool again. */
    private static void undo(Exchange exchange, PoolMembership m) {
        exchange.send(new Message.Detached(m.poolId()));
        sleep(200); // let the frame go out before the exchange closes
    }

    /** Makes the Raft voters the members recorded in the store, retrying a busy group. */
    void setVoters() {
        StoreException last = null;
        long end = System.nanoTime() + VOTERS_MS * 1_000_000L;
        while (System.nanoTime() < end) {
            List<Member> wanted = node.store.list(MemberCodec.TYPE).stream()
                    .map(Versioned::value).toList();
            var current = new java.util.HashSet<>(node.store.voterIds());
            if (current.equals(new java.util.HashSet<>(wanted.stream().map(Member::id)
                    .toList()))) {
                return;
            }
            try {
                node.store.setVoters(wanted);
                return;
            } catch (StoreException e) {
                if (e.reason() == StoreException.Reason.NO_MAJORITY) {
                    throw e;
                }
                last = e;
                sleep(300);
            }
        }
        throw last != null
                ? last
                : new StoreException(StoreException.Reason.FAILED,
                        "the pool's voters did not change within " + VOTERS_MS / 1000 + " s");
    }

    /** Founds the pool: its authority, this node's certificate, a store of one voter. */
    private void found(InetAddress advertised) {
        UUID poolId = UUID.randomUUID();
        PoolAuthority authority = PoolAuthority.create(poolId);
        String address = node.settings.listensOnAll()
                ? advertised.getHostAddress()
                : node.settings.listenHost();
        List<String> names = new ArrayList<>();
        names.add(node.settings.name());
        names.add(address);
        names.addAll(node.self.addressTexts());
        X509Certificate certificate = authority.certify(node.keys.getPublic(), node.nodeId,
                names.stream().distinct().limit(64).toList());
        PoolMembership membership = new PoolMembership(poolId, authority,
                node.keys.getPrivate(), certificate);
        Member self = new Member(node.nodeId, List.of(node.settings.name()), address,
                node.boundAddress().getPort(), node.settings.raftPort(), node.settings.witness()
                        ? Role.WITNESS
                        : Role.VOTER,
                node.settings.clock().epochMillis());
        try {
            node.stateDir.saveMembership(membership);
            node.membership = membership;
            node.tls = Tls.of(membership.nodeKey(), certificate);
            node.store = RaftStore.found(node.storeConfig(membership), self,
                    () -> node.members.all(), node::requireMajority, node::applied);
        } catch (IOException e) {
            throw new CommandFailure("peer probe: failed: cannot make the pool here: "
                    + e.getMessage());
        }
        long end = System.nanoTime() + LEADER_MS * 1_000_000L;
        while (!node.store.isStableLeader()) {
            if (System.nanoTime() > end) {
                throw new CommandFailure("peer probe: failed: the new pool's store did not"
                        + " start within " + LEADER_MS / 1000 + " s");
            }
            sleep(50);
        }
        node.store.put(MemberCodec.TYPE, node.nodeId.toString(), self, ClusterStore.NEW);
        node.refreshSoon();
        node.log.event("founded pool " + poolId + " with this node as its first member");
    }

    /** HOST or HOST:PORT; a bare host means this node's own port, as peers share one. */
    static HostPort parse(String target, int ownPort) {
        String text = target.strip();
        if (text.isEmpty()) {
            throw new CommandFailure("peer probe: failed: no host given");
        }
        Optional<HostPort> parsed = HostPort.tryParse(text).filter(h -> !h.host().isEmpty());
        return parsed.orElseGet(() -> new HostPort(text, ownPort));
    }

    private InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new CommandFailure("peer probe: failed: Probe returned with unknown host "
                    + host);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted");
        }
    }
}
