package io.bramble.lb.config;

import static io.bramble.lb.config.ProxyKeywords.D_B;
import static io.bramble.lb.config.ProxyKeywords.D_F;
import static io.bramble.lb.config.ProxyKeywords.F_B;
import static io.bramble.lb.config.ProxyKeywords.ignoredOutside;
import static io.bramble.lb.config.ProxyKeywords.in;

import io.bramble.common.config.KeywordTable;
import java.util.Optional;

/**
 * Proxy keywords that stand alone: {@code monitor-uri}, {@code source}, {@code compression}
 * (read by {@link CompressionKeyword}), and those real files carry that change little:
 * {@code description}, {@code fullconn}, {@code bind-process} (which HAProxy 2.6 ignores
 * too), and the logging options bramble accepts with a warning saying what it does instead
 * ({@code option logasap}, {@code option log-separate-errors}).
 */
final class ProxyExtraKeywords {
    private ProxyExtraKeywords() {
    }

    static void register(KeywordTable<ProxySection> table) {
        table.keyword("monitor-uri", ignoredOutside(D_F, (s, a) -> {
            String uri = a.next("the URI to answer, such as /healthz");
            a.end();
            s.builder.monitorUri = Optional.of(uri);
        }))
                // Shown by HAProxy's stats page beside the proxy's name only; bramble keeps it
                // for nothing else either, so accepting it changes no traffic.
                .keyword("source", in(D_B, (s, a) -> {
                    s.builder.source = Optional.of(SourceAddress.read(a));
                    a.end();
                }))
                .keyword("description", in(F_B, (s, a) -> ProcessKeywords.description(a)))
                .keyword("compression", CompressionKeyword::compression)
                // HAProxy uses fullconn only for servers with minconn, which bramble refuses:
                // with no minconn it changes nothing in either.
                .keyword("fullconn", in(D_B, (s, a) -> {
                    a.integer("a connection count", 1, GlobalSettings.MAXCONN_MAX);
                    a.end();
                }))
                // HAProxy 2.6 runs one process and warns that bind-process has no effect.
                .keyword("bind-process", (s, a) -> {
                    a.rest();
                    a.warning("ignored: it has no effect in HAProxy 2.6 either, which runs one "
                            + "process (HAProxy 2.7 removed it)");
                })
                .keyword("option logasap", ignoredOutside(D_F, (s, a) -> {
                    a.end();
                    a.warning("ignored: bramble writes each traffic line once the exchange "
                            + "is over, with its final byte counts and times, as HAProxy "
                            + "does without this option");
                }))
                .keyword("no option logasap", ignoredOutside(D_F, (s, a) -> a.end()))
                .keyword("option log-separate-errors", ignoredOutside(D_F, (s, a) -> {
                    a.end();
                    a.warning("ignored: bramble logs requests that failed at the same level "
                            + "as the others (info), not at 'err'");
                }))
                .keyword("no option log-separate-errors", ignoredOutside(D_F,
                        (s, a) -> a.end()));
    }
}
