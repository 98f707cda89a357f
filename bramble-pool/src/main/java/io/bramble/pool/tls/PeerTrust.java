package io.bramble.pool.tls;

import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.UUID;
import javax.security.auth.x500.X500Principal;

/**
 * Decides who is on the other end of a TLS connection. The handshake accepts any certificate
 * (a node in no pool must still be reachable by its first probe); each link then asks this
 * class, and only a certificate signed by the pool's authority names a member.
 */
public final class PeerTrust {
    private PeerTrust() {
    }

    /**
     * The member UUID certified by {@code chain}'s first certificate when {@code authority}
     * signed it and it is valid now; empty otherwise.
     */
    public static Optional<UUID> member(Certificate[] chain, X509Certificate authority) {
        if (chain == null || chain.length == 0 || authority == null
                || !(chain[0] instanceof X509Certificate leaf)) {
            return Optional.empty();
        }
        try {
            leaf.checkValidity();
            leaf.verify(authority.getPublicKey());
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
        return commonNameUuid(leaf.getSubjectX500Principal());
    }

    private static Optional<UUID> commonNameUuid(X500Principal principal) {
        String name = principal.getName(X500Principal.RFC2253);
        if (!name.startsWith("CN=")) {
            return Optional.empty();
        }
        String value = name.substring(3).split(",", 2)[0];
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
