package io.bramble.lb.config;

import io.bramble.common.config.Args;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The TLS option words shared by {@code bind} and {@code server} lines and by
 * {@code ssl-default-bind-options} / {@code ssl-default-server-options}: versions
 * ({@code ssl-min-ver}, {@code ssl-max-ver}, {@code no-*}, {@code force-*}),
 * {@code no-tls-tickets}, {@code prefer-client-ciphers} (bind side only), and on lines
 * {@code ciphers} and {@code ciphersuites}.
 */
final class TlsOptionWords {
    /** Words that take no value or one, valid in {@code ssl-default-*-options}. */
    static final List<String> OPTIONS = List.of("ssl-min-ver", "ssl-max-ver", "no-sslv3",
            "no-tlsv10", "no-tlsv11", "no-tlsv12", "no-tlsv13", "force-sslv3", "force-tlsv10",
            "force-tlsv11", "force-tlsv12", "force-tlsv13", "no-tls-tickets");
    /** Of those, the one for the listening side only. */
    static final String PREFER_CLIENT_CIPHERS = "prefer-client-ciphers";
    /** The JDK's switches for session tickets: one per process and side. */
    static final String SERVER_TICKETS_PROPERTY = "jdk.tls.server.enableSessionTicketExtension";
    static final String CLIENT_TICKETS_PROPERTY = "jdk.tls.client.enableSessionTicketExtension";

    private TlsOptionWords() {
    }

    /** {@code ssl-default-bind-options WORD...} or {@code ssl-default-server-options WORD...}. */
    static TlsOptions line(TlsOptions current, Args a, boolean bind) {
        TlsOptions result = current;
        if (!a.hasNext()) {
            throw a.fail("expected at least one option such as ssl-min-ver TLSv1.2");
        }
        while (a.hasNext()) {
            String word = a.next("an option");
            if (!OPTIONS.contains(word) && !(bind && word.equals(PREFER_CLIENT_CIPHERS))) {
                throw a.fail("unknown option " + Args.quote(word) + "; bramble knows "
                        + String.join(", ", OPTIONS) + (bind
                                ? ", " + PREFER_CLIENT_CIPHERS
                                : ""));
            }
            result = apply(result, word, a, bind);
        }
        return result;
    }

    /** One option word (its value, if any, still in {@code a}) applied to {@code current}. */
    static TlsOptions apply(TlsOptions current, String word, Args a, boolean bind) {
        return switch (word) {
            case "ssl-min-ver" -> withMin(current, minVersion(a));
            case "ssl-max-ver" -> withMax(current, maxVersion(a));
            case "no-sslv3", "no-tlsv10", "no-tlsv11", "no-tlsv12", "no-tlsv13" ->
                disable(current, version(word));
            case "force-sslv3", "force-tlsv10", "force-tlsv11" -> throw a.fail(word + ": "
                    + "bramble offers TLSv1.2 and TLSv1.3 only");
            case "force-tlsv12", "force-tlsv13" -> withMax(withMin(current, version(word)),
                    version(word));
            case "no-tls-tickets" -> noTickets(current, a, bind);
            case PREFER_CLIENT_CIPHERS -> new TlsOptions(current.minVersion(),
                    current.maxVersion(), current.disabledVersions(), current.ciphers(),
                    current.cipherSuites(), current.noTickets(), true);
            default -> throw new IllegalArgumentException(word);
        };
    }

    /** {@code ciphers LIST}: a TLS 1.2 cipher string; names the JDK lacks are warned about. */
    static TlsOptions ciphers(TlsOptions current, Args a) {
        Optional<List<String>> suites = JdkCipherSuites.tls12(a.next("an OpenSSL cipher list "
                + "such as ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384"), a);
        return new TlsOptions(current.minVersion(), current.maxVersion(),
                current.disabledVersions(), suites, current.cipherSuites(), current.noTickets(),
                current.preferClientCiphers());
    }

    /** {@code ciphersuites LIST}: TLS 1.3 suites. */
    static TlsOptions cipherSuites(TlsOptions current, Args a) {
        Optional<List<String>> suites = JdkCipherSuites.tls13(a.next("TLS 1.3 suites such as "
                + "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384"), a);
        return new TlsOptions(current.minVersion(), current.maxVersion(),
                current.disabledVersions(), current.ciphers(), suites, current.noTickets(),
                current.preferClientCiphers());
    }

    private static TlsOptions noTickets(TlsOptions current, Args a, boolean bind) {
        String property = bind ? SERVER_TICKETS_PROPERTY : CLIENT_TICKETS_PROPERTY;
        if (!"false".equals(System.getProperty(property))) {
            a.warning("no-tls-tickets is not applied: the JDK turns session tickets off for the "
                    + "whole process only; start bramble with -D" + property + "=false (in "
                    + "BRAMBLE_JAVA_OPTS) to turn them off");
        }
        return new TlsOptions(current.minVersion(), current.maxVersion(),
                current.disabledVersions(), current.ciphers(), current.cipherSuites(), true,
                current.preferClientCiphers());
    }

    private static String minVersion(Args a) {
        String version = versionWord(a);
        if (TlsOptions.VERSIONS.indexOf(version) < TlsOptions.VERSIONS.indexOf("TLSv1.2")) {
            a.warning("ssl-min-ver " + version + ": bramble offers TLSv1.2 and TLSv1.3 only, "
                    + "so clients of older versions are refused");
        }
        return version;
    }

    private static String maxVersion(Args a) {
        String version = versionWord(a);
        if (TlsOptions.VERSIONS.indexOf(version) < TlsOptions.VERSIONS.indexOf("TLSv1.2")) {
            throw a.fail("ssl-max-ver " + version + " leaves nothing bramble offers: it has "
                    + "TLSv1.2 and TLSv1.3 only");
        }
        return version;
    }

    private static String versionWord(Args a) {
        String version = a.next("a TLS version (TLSv1.2 or TLSv1.3)");
        if (!TlsOptions.VERSIONS.contains(version)) {
            throw a.unexpected("a TLS version (" + String.join(", ", TlsOptions.VERSIONS) + ")",
                    version);
        }
        return version;
    }

    /** The version a {@code no-*} or {@code force-*} word names. */
    private static String version(String word) {
        String tail = word.substring(word.indexOf('-') + 1);
        return switch (tail) {
            case "sslv3" -> "SSLv3";
            case "tlsv10" -> "TLSv1.0";
            case "tlsv11" -> "TLSv1.1";
            case "tlsv12" -> "TLSv1.2";
            default -> "TLSv1.3";
        };
    }

    private static TlsOptions withMin(TlsOptions o, String version) {
        return new TlsOptions(Optional.of(version), o.maxVersion(), o.disabledVersions(),
                o.ciphers(), o.cipherSuites(), o.noTickets(), o.preferClientCiphers());
    }

    private static TlsOptions withMax(TlsOptions o, String version) {
        return new TlsOptions(o.minVersion(), Optional.of(version), o.disabledVersions(),
                o.ciphers(), o.cipherSuites(), o.noTickets(), o.preferClientCiphers());
    }

    private static TlsOptions disable(TlsOptions o, String version) {
        Set<String> disabled = new HashSet<>(o.disabledVersions());
        disabled.add(version);
        return new TlsOptions(o.minVersion(), o.maxVersion(), disabled, o.ciphers(),
                o.cipherSuites(), o.noTickets(), o.preferClientCiphers());
    }
}
