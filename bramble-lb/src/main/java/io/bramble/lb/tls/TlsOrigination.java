package io.bramble.lb.tls;

import io.bramble.lb.config.ServerTls;
import io.bramble.lb.config.TlsOptions;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * TLS from the load balancer to one server ({@code server ... ssl}). With {@code verify
 * required} the server's chain must lead to a certificate of {@code ca-file}, and with
 * {@code verifyhost NAME} (or {@code sni str(NAME)}) its certificate must be for that name;
 * {@code verify none} accepts any certificate, as HAProxy does. Versions and suites are the
 * line's, else {@code ssl-default-server-*}'s.
 */
public final class TlsOrigination {
    private final SslContext context;
    private final Optional<String> peerName;
    private final boolean checkName;

    private TlsOrigination(SslContext context, Optional<String> peerName, boolean checkName) {
        this.context = context;
        this.peerName = peerName;
        this.checkName = checkName;
    }

    /**
     * Reads {@code ca-file} when verifying; the message says what is wrong.
     *
     * @param defaults {@code ssl-default-server-*}, for what the line does not set
     */
    public static TlsOrigination create(ServerTls tls, TlsOptions defaults,
            Optional<String> caBase) throws IOException, GeneralSecurityException {
        TlsOptions options = tls.options().withDefaults(defaults);
        SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                .protocols(TlsProtocols.versions(options))
                .ciphers(options.suites().orElse(null));
        if (tls.verify()) {
            builder.trustManager(PemBundle.certificates(TlsPaths.resolve(
                    tls.caFile().orElseThrow(), caBase)).toArray(X509Certificate[]::new));
        } else {
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
        }
        Optional<String> name = tls.sni().or(tls::verifyHost);
        return new TlsOrigination(builder.build(), name, tls.verify()
                && tls.verifyHost().isPresent());
    }

    /** A handler for a new connection to {@code server}. */
    public SslHandler newHandler(ByteBufAllocator allocator, InetSocketAddress server) {
        SslHandler handler = peerName.isPresent()
                ? context.newHandler(allocator, peerName.get(), server.getPort())
                : context.newHandler(allocator);
        if (checkName) {
            SSLEngine engine = handler.engine();
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(parameters);
        }
        return handler;
    }
}
