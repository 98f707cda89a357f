package io.bramble.lb.config;

import static io.bramble.lb.config.ProxyKeywords.D_F_B;
import static io.bramble.lb.config.ProxyKeywords.in;

import io.bramble.common.config.Args;
import io.bramble.common.config.KeywordTable;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code stats ...} keywords of a proxy. As in HAProxy, any of them turns the stats page
 * on, with defaults for what is not said.
 */
final class StatsKeywords {
    /** Credentials per stats page. */
    static final int CREDENTIALS_MAX = 1_000;
    /** {@code stats scope} lines per stats page. */
    static final int SCOPES_MAX = 10_000;

    private StatsKeywords() {
    }

    /** A mutable copy of a {@link StatsConfig}. */
    private static final class Draft {
        String uri;
        String realm;
        final List<StatsCredential> credentials;
        boolean hideVersion;
        long refreshMs;
        Optional<Condition> admin;
        boolean showNode;
        Optional<String> showNodeName;
        boolean showLegends;
        final List<String> scopes;
        Optional<String> description;

        Draft(StatsConfig c) {
            uri = c.uri();
            realm = c.realm();
            credentials = new ArrayList<>(c.credentials());
            hideVersion = c.hideVersion();
            refreshMs = c.refreshMs();
            admin = c.admin();
            showNode = c.showNode();
            showNodeName = c.showNodeName();
            showLegends = c.showLegends();
            scopes = new ArrayList<>(c.scopes());
            description = c.description();
        }

        StatsConfig build() {
            return new StatsConfig(uri, realm, credentials, hideVersion, refreshMs, admin,
                    showNode, showNodeName, showLegends, scopes, description);
        }
    }

    /** Reads one stats line into a draft of the section's stats page. */
    private interface Change {
        void apply(Draft draft, ProxySection section, Args args);
    }

    static void register(KeywordTable<ProxySection> table) {
        stats(table, "enable", (d, s, a) -> {
        });
        stats(table, "uri", (d, s, a) -> {
            d.uri = a.next("a URI prefix such as /stats");
            if (!d.uri.startsWith("/")) {
                throw a.unexpected("a URI prefix starting with /", d.uri);
            }
        });
        stats(table, "realm", (d, s, a) -> d.realm = a.next("a realm"));
        stats(table, "auth", StatsKeywords::auth);
        stats(table, "hide-version", (d, s, a) -> d.hideVersion = true);
        stats(table, "refresh", (d, s, a) -> d.refreshMs = ProxyKeywords.millis(a.duration(
                "a refresh delay", Duration.ofSeconds(1), Duration.ofDays(1),
                ChronoUnit.MILLIS)));
        stats(table, "admin", (d, s, a) -> d.admin = Optional.of(ConditionReader.required(s,
                a)));
        stats(table, "show-node", (d, s, a) -> {
            d.showNode = true;
            if (a.hasNext()) {
                d.showNodeName = Optional.of(a.next("a node name"));
            }
        });
        stats(table, "show-legends", (d, s, a) -> d.showLegends = true);
        stats(table, "scope", (d, s, a) -> {
            String name = a.next("a proxy name, or . for this one");
            if (!name.equals(".")) {
                HaproxyConfigParser.checkName(a, name, "proxy");
            }
            if (d.scopes.size() >= SCOPES_MAX) {
                throw a.fail("more than " + SCOPES_MAX + " stats scope lines");
            }
            d.scopes.add(name);
        });
        stats(table, "show-desc", (d, s, a) -> d.description = a.hasNext()
                ? Optional.of(ProcessKeywords.description(a))
                : s.globalDescription.get());
    }

    private static void stats(KeywordTable<ProxySection> table, String name, Change change) {
        table.keyword("stats " + name, in(D_F_B, (s, a) -> {
            Draft draft = new Draft(s.builder.stats.orElseGet(StatsConfig::defaults));
            change.apply(draft, s, a);
            a.end();
            s.builder.stats = Optional.of(draft.build());
        }));
    }

    private static void auth(Draft d, ProxySection s, Args a) {
        String pair = a.next("USER:PASSWORD");
        int colon = pair.indexOf(':');
        if (colon <= 0) {
            throw a.unexpected("USER:PASSWORD", pair.replaceAll(".", "*"));
        }
        if (d.credentials.size() >= CREDENTIALS_MAX) {
            throw a.fail("more than " + CREDENTIALS_MAX + " stats auth lines");
        }
        d.credentials.add(new StatsCredential(pair.substring(0, colon), pair.substring(colon
                + 1)));
    }
}
