package io.bramble.lb.config;

import java.util.Optional;

/**
 * TLS to a server: {@code ssl [verify none|required] [ca-file FILE] [verifyhost NAME]
 * [sni str(NAME)] [check-ssl|no-check-ssl]} and the TLS options ({@code ssl-min-ver},
 * {@code ciphers}...) on a {@code server} or {@code default-server} line.
 *
 * @param enabled {@code ssl}: connections to the server use TLS
 * @param verify {@code verify required} checks the server's certificate against
 *        {@code caFile}; HAProxy's default
 * @param caFile the trusted certificates (PEM), relative paths resolved against
 *        {@code ca-base}
 * @param verifyHost the name the certificate must carry; unchecked when empty
 * @param sni the server name sent in the handshake; none when empty
 * @param checks whether health checks use TLS: empty follows {@code enabled}
 * @param options versions, suites and flags written on the line; those it does not set come
 *        from {@code ssl-default-server-*}
 */
public record ServerTls(boolean enabled, boolean verify, Optional<String> caFile,
        Optional<String> verifyHost, Optional<String> sni, Optional<Boolean> checks,
        TlsOptions options) {
    /** No TLS, HAProxy's defaults for when {@code ssl} is added. */
    public static final ServerTls NONE = new ServerTls(false, true, Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), TlsOptions.NONE);

    public ServerTls withEnabled(boolean value) {
        return new ServerTls(value, verify, caFile, verifyHost, sni, checks, options);
    }

    public ServerTls withVerify(boolean value) {
        return new ServerTls(enabled, value, caFile, verifyHost, sni, checks, options);
    }

    public ServerTls withCaFile(Optional<String> value) {
        return new ServerTls(enabled, verify, value, verifyHost, sni, checks, options);
    }

    public ServerTls withVerifyHost(Optional<String> value) {
        return new ServerTls(enabled, verify, caFile, value, sni, checks, options);
    }

    public ServerTls withSni(Optional<String> value) {
        return new ServerTls(enabled, verify, caFile, verifyHost, value, checks, options);
    }

    public ServerTls withChecks(Optional<Boolean> value) {
        return new ServerTls(enabled, verify, caFile, verifyHost, sni, value, options);
    }

    public ServerTls withOptions(TlsOptions value) {
        return new ServerTls(enabled, verify, caFile, verifyHost, sni, checks, value);
    }

    /** True when health checks of the server use TLS. */
    public boolean checksUseTls() {
        return checks.orElse(enabled);
    }
}
