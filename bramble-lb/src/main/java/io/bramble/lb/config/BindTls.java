package io.bramble.lb.config;

import java.util.List;
import java.util.Optional;

/**
 * TLS on a {@code bind} line: {@code ssl crt FILE [crt FILE...] [alpn LIST] [ssl-min-ver V]
 * [ssl-max-ver V] [strict-sni]}. Each certificate file holds the certificate chain and the
 * private key in PEM, as HAProxy wants them; a {@code crt} naming a directory stands for every
 * file in it. The first certificate is the default; the others are chosen by SNI from the
 * names they carry.
 *
 * @param certificates certificate files or directories, relative ones already resolved
 *        against {@code crt-base}
 * @param alpn protocols offered by ALPN; bramble speaks only {@code http/1.1}
 * @param minVersion lowest TLS version accepted ({@code TLSv1.2} unless set)
 * @param maxVersion highest TLS version accepted; empty for the newest the JDK has
 * @param strictSni refuse a handshake whose SNI names no certificate
 */
public record BindTls(List<String> certificates, List<String> alpn, String minVersion,
        Optional<String> maxVersion, boolean strictSni) {
    /** HAProxy's default lowest version since 2.2. */
    public static final String MIN_VERSION_DEFAULT = "TLSv1.2";
    /** Certificate files on one bind line. */
    public static final int CERTIFICATES_MAX = 1_000;

    public BindTls {
        certificates = List.copyOf(certificates);
        alpn = List.copyOf(alpn);
        if (certificates.isEmpty() || certificates.size() > CERTIFICATES_MAX) {
            throw new IllegalArgumentException("ssl needs 1 to " + CERTIFICATES_MAX
                    + " certificates, got " + certificates.size());
        }
    }
}
