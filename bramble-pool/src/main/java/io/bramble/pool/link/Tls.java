package io.bramble.pool.link;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;

/**
 * TLS for the management port. Both sides always present their certificate (mutual TLS); the
 * handshake itself accepts any certificate, because a node in no pool must be reachable by
 * its first probe, and each link then checks the peer's certificate against the pool's
 * authority ({@link io.bramble.pool.tls.PeerTrust}) before it trusts a single frame.
 */
public record Tls(SslContext server, SslContext client) {
    public static Tls of(PrivateKey key, X509Certificate certificate) {
        try {
            SslContext server = SslContextBuilder.forServer(key, certificate)
                    .clientAuth(ClientAuth.REQUIRE)
                    .trustManager(InsecureTrustManagerFactory.INSTANCE)
                    .protocols("TLSv1.3")
                    .build();
            SslContext client = SslContextBuilder.forClient()
                    .keyManager(key, certificate)
                    .trustManager(InsecureTrustManagerFactory.INSTANCE)
                    .protocols("TLSv1.3")
                    .build();
            return new Tls(server, client);
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
