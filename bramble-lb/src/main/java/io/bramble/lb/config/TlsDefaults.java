package io.bramble.lb.config;

/**
 * The global section's TLS defaults, for lines that do not set their own (see
 * {@link TlsOptions#withDefaults}).
 *
 * @param bind {@code ssl-default-bind-options}, {@code -ciphers} and {@code -ciphersuites}:
 *        for {@code bind ... ssl}
 * @param server {@code ssl-default-server-options}, {@code -ciphers} and
 *        {@code -ciphersuites}: for {@code server ... ssl}
 */
public record TlsDefaults(TlsOptions bind, TlsOptions server) {
    /** No global TLS settings. */
    public static final TlsDefaults NONE = new TlsDefaults(TlsOptions.NONE, TlsOptions.NONE);
}
