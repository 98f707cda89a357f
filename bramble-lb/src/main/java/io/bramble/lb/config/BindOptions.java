package io.bramble.lb.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.KeywordTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The options after {@code bind ADDR:PORT}: TLS termination ({@code ssl}, {@code crt},
 * {@code alpn}, {@code ssl-min-ver}, {@code ssl-max-ver}, {@code strict-sni}); HAProxy's other
 * bind options are refused by name.
 */
final class BindOptions {
    /** TLS versions the JDK offers, as HAProxy spells them. */
    static final Set<String> VERSIONS = Set.of("TLSv1.2", "TLSv1.3");

    /** One bind line's options while they are read. */
    static final class Draft {
        boolean ssl;
        final List<String> certificates = new ArrayList<>();
        List<String> alpn = List.of("http/1.1");
        String minVersion = BindTls.MIN_VERSION_DEFAULT;
        Optional<String> maxVersion = Optional.empty();
        boolean strictSni;
    }

    static final KeywordTable<Draft> TABLE = table();

    private BindOptions() {
    }

    /** Reads the options left on a bind line; the TLS settings when {@code ssl} is there. */
    static Optional<BindTls> read(Args a) {
        Draft draft = new Draft();
        TABLE.applyOptions(draft, a);
        if (!draft.ssl) {
            if (!draft.certificates.isEmpty()) {
                throw a.fail("'crt' without 'ssl': add 'ssl' to terminate TLS on this address");
            }
            return Optional.empty();
        }
        if (draft.certificates.isEmpty()) {
            throw a.fail("'ssl' needs a certificate: add 'crt FILE.pem' (certificate and key "
                    + "in one PEM file)");
        }
        return Optional.of(new BindTls(draft.certificates, draft.alpn, draft.minVersion,
                draft.maxVersion, draft.strictSni));
    }

    private static KeywordTable<Draft> table() {
        KeywordTable<Draft> table = new KeywordTable<Draft>("bind options")
                .keyword("ssl", (d, a) -> d.ssl = true)
                .keyword("crt", (d, a) -> {
                    if (d.certificates.size() >= BindTls.CERTIFICATES_MAX) {
                        throw a.fail("more than " + BindTls.CERTIFICATES_MAX
                                + " certificates on one bind line");
                    }
                    d.certificates.add(a.next("a PEM file with a certificate and its key"));
                })
                .keyword("alpn", BindOptions::alpn)
                .keyword("ssl-min-ver", (d, a) -> d.minVersion = version(a))
                .keyword("ssl-max-ver", (d, a) -> d.maxVersion = Optional.of(version(a)))
                .keyword("strict-sni", (d, a) -> d.strictSni = true)
                // A listener's name shows in HAProxy's per-listener stats and custom log
                // formats, neither of which bramble has: accepting it changes nothing.
                .keyword("name", (d, a) -> a.next("a listener name"));
        UnsupportedKeywords.registerBindOptions(table);
        return table;
    }

    private static void alpn(Draft d, Args a) {
        List<String> offered = List.of(a.next("protocols such as http/1.1").split(","));
        if (!offered.contains("http/1.1")) {
            throw a.fail("bramble speaks HTTP/1.1 only: the alpn list must include http/1.1");
        }
        if (offered.size() > 1) {
            a.warning("only http/1.1 is offered: bramble does not speak "
                    + String.join(", ", offered.stream().filter(p -> !p.equals("http/1.1"))
                            .toList()));
        }
        d.alpn = List.of("http/1.1");
    }

    private static String version(Args a) {
        String version = a.next("a TLS version (TLSv1.2 or TLSv1.3)");
        if (!VERSIONS.contains(version)) {
            throw a.unexpected("TLSv1.2 or TLSv1.3 (older versions are not offered)", version);
        }
        return version;
    }
}
