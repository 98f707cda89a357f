package io.bramble.lb.tls;

import io.bramble.lb.config.BindTls;
import io.bramble.lb.config.TlsOptions;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandler;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.Mapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLParameters;
import javax.security.auth.x500.X500Principal;

/**
 * TLS termination for one {@code bind ... ssl} line: a context per certificate, chosen by the
 * name the client asks for (SNI) among the names each certificate carries (subject alternative
 * DNS names, else the common name; {@code *.example.com} covers one label), the first
 * certificate when nothing matches or no name is sent (unless {@code strict-sni}). ALPN offers
 * http/1.1. Versions and suites are the line's, else {@code ssl-default-bind-*}'s; the server's
 * order of suites wins unless {@code prefer-client-ciphers}. Immutable; built again on each
 * reload, so renewed certificates are picked up.
 */
public final class TlsTermination {
    private final SslContext fallback;
    private final Map<String, SslContext> byName;
    private final boolean strictSni;
    private final boolean serverOrder;

    private TlsTermination(SslContext fallback, Map<String, SslContext> byName,
            boolean strictSni, boolean serverOrder) {
        this.fallback = fallback;
        this.byName = Map.copyOf(byName);
        this.strictSni = strictSni;
        this.serverOrder = serverOrder;
    }

    /**
     * Reads every certificate of the bind line; the message says which file is wrong.
     *
     * @param defaults {@code ssl-default-bind-*}, for what the line does not set
     */
    public static TlsTermination create(BindTls tls, TlsOptions defaults,
            java.util.Optional<String> crtBase) throws IOException, GeneralSecurityException {
        TlsOptions options = tls.options().withDefaults(defaults);
        String[] versions = TlsProtocols.versions(options);
        SslContext fallback = null;
        Map<String, SslContext> byName = new HashMap<>();
        for (Path file : files(tls.certificates(), crtBase)) {
            PemBundle bundle = PemBundle.read(file);
            SslContext context = SslContextBuilder.forServer(bundle.key(),
                    bundle.certificates().toArray(X509Certificate[]::new))
                    .sslProvider(SslProvider.JDK)
                    .protocols(versions)
                    .ciphers(options.suites().orElse(null))
                    .applicationProtocolConfig(new ApplicationProtocolConfig(
                            ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            tls.alpn()))
                    .build();
            if (fallback == null) {
                fallback = context;
            }
            for (String name : names(bundle.certificates().getFirst())) {
                byName.putIfAbsent(name, context);
            }
        }
        if (fallback == null) {
            throw new IOException("no certificate file in " + tls.certificates());
        }
        return new TlsTermination(fallback, byName, tls.strictSni(),
                !options.preferClientCiphers());
    }

    /** The handler that reads the client's SNI and then becomes the TLS handler. */
    public ChannelHandler newHandler() {
        Mapping<String, SslContext> mapping = this::contextFor;
        return new SniHandler(mapping) {
            @Override
            protected SslHandler newSslHandler(SslContext context, ByteBufAllocator allocator) {
                SslHandler handler = super.newSslHandler(context, allocator);
                SSLParameters parameters = handler.engine().getSSLParameters();
                parameters.setUseCipherSuitesOrder(serverOrder);
                handler.engine().setSSLParameters(parameters);
                return handler;
            }
        };
    }

    /** The context for a requested name (null name: none sent); null refuses (strict). */
    SslContext contextFor(String hostname) {
        if (hostname != null) {
            String name = hostname.toLowerCase(Locale.ROOT);
            SslContext exact = byName.get(name);
            if (exact != null) {
                return exact;
            }
            int dot = name.indexOf('.');
            if (dot > 0) {
                SslContext wildcard = byName.get("*" + name.substring(dot));
                if (wildcard != null) {
                    return wildcard;
                }
            }
        }
        return strictSni ? null : fallback;
    }

    /** {@code crt} names files or directories (every regular file inside, sorted). */
    private static List<Path> files(List<String> certificates,
            java.util.Optional<String> crtBase) throws IOException {
        List<Path> result = new ArrayList<>();
        for (String certificate : certificates) {
            Path path = TlsPaths.resolve(certificate, crtBase);
            if (Files.isDirectory(path)) {
                try (Stream<Path> inside = Files.list(path)) {
                    inside.filter(Files::isRegularFile).sorted().forEach(result::add);
                }
            } else {
                result.add(path);
            }
        }
        return result;
    }

    /** The DNS names a certificate is for: its SAN entries, else its subject's CN. */
    static List<String> names(X509Certificate certificate) throws CertificateParsingException {
        List<String> names = new ArrayList<>();
        if (certificate.getSubjectAlternativeNames() != null) {
            for (List<?> entry : certificate.getSubjectAlternativeNames()) {
                if (Integer.valueOf(2).equals(entry.get(0))) {
                    names.add(entry.get(1).toString().toLowerCase(Locale.ROOT));
                }
            }
        }
        if (names.isEmpty()) {
            String subject = certificate.getSubjectX500Principal().getName(
                    X500Principal.RFC2253);
            for (String part : subject.split(",")) {
                if (part.startsWith("CN=")) {
                    names.add(part.substring(3).toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }
}
