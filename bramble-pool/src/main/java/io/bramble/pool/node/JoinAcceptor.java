package io.bramble.pool.node;

import io.bramble.pool.identity.PoolMembership;
import io.bramble.pool.link.Link;
import io.bramble.pool.link.Tls;
import io.bramble.pool.store.RaftStore;
import io.bramble.pool.tls.Pem;
import io.bramble.pool.tls.PoolAuthority;
import io.bramble.pool.wire.Message;
import io.bramble.pool.wire.Message.JoinGrant;
import io.bramble.pool.wire.Message.Outcome;
import io.bramble.pool.wire.Message.ProbeRequest;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/**
 * The probed node's side of {@code peer probe}: a node in no pool accepts the first probe
 * that carries the right join secret (any probe when it has none) and joins that pool; a
 * member answers that it is one already, or refuses a probe from another pool.
 */
final class JoinAcceptor {
    /**
     * How long the link of an accepted probe may stay silent before the grant comes: a prober
     * in no pool founds one first, which starts its store and elects it (15 s and more on a
     * loaded two-core machine, longer than a silent link is otherwise kept).
     */
    static final int GRANT_SILENCE_SECONDS_MAX = 60;

    private final PoolNode node;
    /** The link of the probe this node accepted and awaits a grant on; set under changes. */
    private final java.util.concurrent.atomic.AtomicReference<Link> pending = new java.util.concurrent.atomic.AtomicReference<>();

    JoinAcceptor(PoolNode node) {
        this.node = node;
    }

    void onProbe(Link link, ProbeRequest probe) {
        Outcome outcome;
        synchronized (node.changes) {
            outcome = decide(link, probe);
        }
        // Only a node about to join says who it is; a refusal names nothing.
        boolean accept = outcome == Outcome.ACCEPT;
        if (accept) {
            link.allowSilence(GRANT_SILENCE_SECONDS_MAX);
        }
        link.send(new Message.ProbeAnswer(outcome, accept ? node.nodeId : Message.NO_POOL,
                accept ? List.of(node.settings.name()) : List.of(), accept && node.settings
                        .witness(),
                node.settings.raftPort(), accept
                        ? node.keys.getPublic()
                                .getEncoded()
                        : new byte[0]));
        if (outcome == Outcome.OTHER_POOL || outcome == Outcome.SECRET_MISMATCH) {
            node.log.event("refused a probe from " + probe.proberName() + " ("
                    + link.remoteAddress().getAddress().getHostAddress() + "): "
                    + (outcome == Outcome.OTHER_POOL
                            ? "this node belongs to another pool"
                            : "wrong or missing join secret"));
        }
    }

    private Outcome decide(Link link, ProbeRequest probe) {
        if (probe.prober().equals(node.nodeId)) {
            return Outcome.SELF;
        }
        PoolMembership m = node.membership;
        if (m != null) {
            return probe.pool().equals(m.poolId())
                    ? Outcome.ALREADY_MEMBER
                    : Outcome.OTHER_POOL;
        }
        byte[] secret = node.settings.joinSecret();
        if (secret.length > 0 && !MessageDigest.isEqual(secret, probe.secret())) {
            return Outcome.SECRET_MISMATCH;
        }
        Link current = pending.get();
        if (current != null && current.isOpen() && current != link) {
            return Outcome.OTHER_POOL; // another pool is admitting this node right now
        }
        pending.set(link);
        return Outcome.ACCEPT;
    }

    void onGrant(Link link, JoinGrant grant) {
        synchronized (node.changes) {
            if (link != pending.get() || node.membership != null) {
                node.badFrames().notMember();
                link.close();
                return;
            }
            pending.set(null);
            JoinSteps steps = new JoinSteps(node.log, node.settings.clock(), "join of pool "
                    + grant.pool());
            try {
                join(grant, steps);
                node.joinedNanos = System.nanoTime();
                link.send(new Message.JoinDone(true, ""));
                node.log.event("joined pool " + grant.pool() + " through a probe from "
                        + link.remoteAddress().getAddress().getHostAddress());
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                steps.failed(String.valueOf(e.getMessage()));
                link.send(new Message.JoinDone(false, String.valueOf(e.getMessage())));
                node.leavePool("the join failed");
            }
        }
    }

    private void join(JoinGrant grant, JoinSteps steps)
            throws IOException, GeneralSecurityException {
        steps.begin("check the grant");
        X509Certificate authority = Pem.certificate(grant.authorityCertificate());
        X509Certificate mine = Pem.certificate(grant.nodeCertificate());
        mine.verify(authority.getPublicKey());
        if (!Arrays.equals(mine.getPublicKey().getEncoded(), node.keys.getPublic()
                .getEncoded())) {
            throw new GeneralSecurityException("the certificate is not for this node's key");
        }
        PoolMembership membership = new PoolMembership(grant.pool(), new PoolAuthority(
                Pem.privateKey(grant.authorityKey()), authority), node.keys.getPrivate(), mine);
        steps.begin("save the pool files");
        node.stateDir.saveMembership(membership);
        node.membership = membership;
        node.tls = Tls.of(membership.nodeKey(), mine);
        steps.begin("start the store's replica");
        node.store = RaftStore.join(node.storeConfig(membership), () -> node.members.all(),
                node::requireMajority, node::applied);
        steps.done();
    }

    /** Called on a Netty event loop: must not wait for the changes lock. */
    void onClosed(Link link) {
        pending.compareAndSet(link, null);
    }
}
