package io.bramble.fs.brick.wire;

import io.bramble.pool.identity.PoolMembership;
import io.bramble.pool.link.Tls;
import io.bramble.pool.tls.PeerTrust;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The TLS credentials of both ends of a brick connection: this node's key and certificate
 * (in the pool's {@link Tls} contexts, which present them and accept any certificate in the
 * handshake) and the pool's authority, which each end then checks the other against. Only
 * members of the pool may read or write a brick.
 */
public record PoolTls(Tls tls, X509Certificate authority) {
    /** The credentials of a node that belongs to a pool. */
    public static PoolTls of(PoolMembership membership) {
        return new PoolTls(Tls.of(membership.nodeKey(), membership.nodeCertificate()),
                membership.authority().certificate());
    }

    /** Whether the other end of {@code ssl} showed a certificate of this pool's authority. */
    boolean trusts(SslHandler ssl) {
        return member(ssl).isPresent();
    }

    /** The member that the other end of {@code ssl} is, by its certificate from the pool. */
    Optional<UUID> member(SslHandler ssl) {
        try {
            Certificate[] chain = ssl.engine().getSession().getPeerCertificates();
            return PeerTrust.member(chain, authority);
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }
}
