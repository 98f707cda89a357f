package io.bramble.lb.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.KeywordTable;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TLS options of {@code server} and {@code default-server} lines: {@code ssl},
 * {@code no-ssl}, {@code verify none|required}, {@code ca-file}, {@code verifyhost},
 * {@code sni str(NAME)}, {@code check-ssl}, {@code no-check-ssl}, {@code ciphers},
 * {@code ciphersuites} and the options of {@link TlsOptionWords}.
 */
final class ServerTlsOptions {
    private static final Pattern SNI = Pattern.compile("str\\(([A-Za-z0-9.-]{1,253})\\)");

    private ServerTlsOptions() {
    }

    static void register(KeywordTable<ServerKeywords.Draft> table) {
        table.keyword("ssl", (d, a) -> tls(d, d.options.tls().withEnabled(true)))
                .keyword("no-ssl", (d, a) -> tls(d, d.options.tls().withEnabled(false)))
                .keyword("verify", (d, a) -> tls(d, d.options.tls().withVerify(a.choice(
                        "none or required", "none", "required").equals("required"))))
                .keyword("ca-file", (d, a) -> tls(d, d.options.tls().withCaFile(Optional.of(
                        a.next("a PEM file of trusted certificates")))))
                .keyword("verifyhost", (d, a) -> tls(d, d.options.tls().withVerifyHost(
                        Optional.of(a.next("the name the server's certificate must carry")))))
                .keyword("sni", (d, a) -> tls(d, d.options.tls().withSni(Optional.of(sni(a)))))
                .keyword("check-ssl", (d, a) -> tls(d, d.options.tls().withChecks(Optional.of(
                        true))))
                .keyword("no-check-ssl", (d, a) -> tls(d, d.options.tls().withChecks(
                        Optional.of(false))))
                .keyword("ciphers", (d, a) -> options(d, TlsOptionWords.ciphers(options(d),
                        a)))
                .keyword("ciphersuites", (d, a) -> options(d, TlsOptionWords.cipherSuites(
                        options(d), a)));
        for (String word : TlsOptionWords.OPTIONS) {
            table.keyword(word, (d, a) -> options(d, TlsOptionWords.apply(options(d), word, a,
                    false)));
        }
    }

    /**
     * HAProxy's rule for a {@code server} line: verifying a server's certificate needs the
     * certificates to trust it by.
     */
    static void check(Args a, ServerTls tls) {
        if (tls.enabled() && tls.verify() && tls.caFile().isEmpty()) {
            throw a.fail("'ssl' verifies the server's certificate by default, and no 'ca-file' "
                    + "says whom to trust: add 'ca-file FILE', or 'verify none' if you trust "
                    + "the network to the server");
        }
    }

    private static void tls(ServerKeywords.Draft d, ServerTls tls) {
        d.options = d.options.withTls(tls);
    }

    private static TlsOptions options(ServerKeywords.Draft d) {
        return d.options.tls().options();
    }

    private static void options(ServerKeywords.Draft d, TlsOptions options) {
        tls(d, d.options.tls().withOptions(options));
    }

    private static String sni(Args a) {
        String expression = a.next("str(NAME)");
        Matcher m = SNI.matcher(expression);
        if (!m.matches()) {
            throw a.unexpected("str(NAME): bramble sends a fixed server name", expression);
        }
        return m.group(1);
    }
}
