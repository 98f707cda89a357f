package io.bramble.lb.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.KeywordTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options after {@code bind ADDR:PORT}: TLS termination ({@code ssl}, {@code crt},
 * {@code alpn}, {@code strict-sni}), the TLS options of {@link TlsOptionWords} and
 * {@code accept-proxy}; HAProxy's other bind options are refused by name.
 */
final class BindOptions {

    /** What a bind line's options say. */
    record Read(Optional<BindTls> tls, boolean acceptProxy) {}

    /** One bind line's options while they are read. */
    static final class Draft {
        boolean ssl;
        final List<String> certificates = new ArrayList<>();
        List<String> alpn = List.of("http/1.1");
        TlsOptions tls = TlsOptions.NONE;
        boolean strictSni;
        boolean acceptProxy;
    }

    static final KeywordTable<Draft> TABLE = table();

    private BindOptions() {
    }

    /** Reads the options left on a bind line. */
    static Read read(Args a) {
        Draft draft = new Draft();
        TABLE.applyOptions(draft, a);
        return new Read(tls(draft, a), draft.acceptProxy);
    }

    /** The TLS settings when {@code ssl} is there. */
    private static Optional<BindTls> tls(Draft draft, Args a) {
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
        return Optional.of(new BindTls(draft.certificates, draft.alpn, draft.tls,
                draft.strictSni));
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
                .keyword("strict-sni", (d, a) -> d.strictSni = true)
                .keyword("accept-proxy", (d, a) -> d.acceptProxy = true)
                .keyword("ciphers", (d, a) -> d.tls = TlsOptionWords.ciphers(d.tls, a))
                .keyword("ciphersuites", (d, a) -> d.tls = TlsOptionWords.cipherSuites(d.tls,
                        a));
        for (String word : TlsOptionWords.OPTIONS) {
            table.keyword(word, (d, a) -> d.tls = TlsOptionWords.apply(d.tls, word, a, true));
        }
        table.keyword(TlsOptionWords.PREFER_CLIENT_CIPHERS, (d, a) -> d.tls = TlsOptionWords
                .apply(d.tls, TlsOptionWords.PREFER_CLIENT_CIPHERS, a, true));
        // A listener's name shows in HAProxy's per-listener stats and custom log formats,
        // neither of which bramble has: accepting it changes nothing.
        table.keyword("name", (d, a) -> a.next("a listener name"));
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
}
