package io.bramble.lb.config;

import java.util.List;

/**
 * TLS on a {@code bind} line: {@code ssl crt FILE [crt FILE...] [alpn LIST] [strict-sni]} and
 * the TLS options ({@code ssl-min-ver}, {@code ciphers}...). Each certificate file holds the certificate chain and the
 * private key in PEM, as HAProxy wants them; a {@code crt} naming a directory stands for every
 * file in it. The first certificate is the default; the others are chosen by SNI from the
 * names they carry.
 *
 * @param certificates certificate files or directories, relative ones already resolved
 *        against {@code crt-base}
 * @param alpn protocols offered by ALPN; bramble speaks only {@code http/1.1}
 * @param options versions, suites and flags written on the line; those it does not set come
 *        from {@code ssl-default-bind-*}
 * @param strictSni refuse a handshake whose SNI names no certificate
 */
public record BindTls(List<String> certificates, List<String> alpn, TlsOptions options,
        boolean strictSni) {
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
