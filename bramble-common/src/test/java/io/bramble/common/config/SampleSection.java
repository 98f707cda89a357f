package io.bramble.common.config;

import io.bramble.common.net.Cidr;
import io.bramble.common.net.HostPort;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small haproxy-like section for testing the framework as a parser would use it; the real
 * parsers live with their capabilities.
 */
final class SampleSection {
    enum Balance {
        ROUNDROBIN, STATIC_RR, LEASTCONN
    }

    int maxconn = -1;
    Balance balance = Balance.ROUNDROBIN;
    final List<HostPort> binds = new ArrayList<>();
    final Map<String, Duration> timeouts = new LinkedHashMap<>();
    final List<String> servers = new ArrayList<>();
    final List<Cidr> forwardForExcept = new ArrayList<>();
    boolean statsEnabled;
    String statsRealm = "";
    long bufferBytes = 16_384;

    static final Duration TIMEOUT_MAX = Duration.ofDays(24);

    static final KeywordTable<SampleSection> SERVER_OPTIONS = new KeywordTable<SampleSection>(
            "server options")
            .keyword("check", (s, a) -> s.servers.add(s.servers.removeLast() + " check"))
            .keyword("inter", (s, a) -> s.servers.add(s.servers.removeLast() + " inter="
                    + Quantities.format(a.duration("a check interval", Duration.ofMillis(1),
                            TIMEOUT_MAX, ChronoUnit.MILLIS))))
            .keyword("weight", (s, a) -> s.servers.add(s.servers.removeLast() + " weight="
                    + a.integer("a weight", 0, 256)))
            .unsupported("ssl", "bramble speaks plain HTTP to servers")
            .warnOnly("resolvers", "names are resolved once at start");

    static final KeywordTable<SampleSection> TABLE = new KeywordTable<SampleSection>(
            "the 'sample' section")
            .keyword("maxconn", (s, a) -> {
                s.maxconn = a.integer("a connection count", 1, 1_000_000);
                a.end();
            })
            .keyword("balance", (s, a) -> {
                s.balance = a.choice("a balancing algorithm", Balance.class);
                a.end();
            })
            .keyword("bind", (s, a) -> {
                s.binds.add(a.hostPort("an address to listen on"));
                a.end();
            })
            .keyword("timeout connect", SampleSection::timeout)
            .keyword("timeout client", SampleSection::timeout)
            .keyword("timeout server", SampleSection::timeout)
            .keyword("stats enable", (s, a) -> {
                s.statsEnabled = true;
                a.end();
            })
            .keyword("stats realm", (s, a) -> {
                s.statsRealm = a.next("a realm");
                a.end();
            })
            .keyword("option forwardfor", (s, a) -> {
                if (a.nextIf("except")) {
                    s.forwardForExcept.add(a.cidr("a network"));
                }
                a.end();
            })
            .keyword("tune.bufsize", (s, a) -> {
                s.bufferBytes = a.sizeBytes("a buffer size", 1024, 1L << 30);
                a.end();
            })
            .keyword("server", (s, a) -> {
                s.servers.add(a.next("a server name") + " " + a.hostPort("a server address"));
                SERVER_OPTIONS.applyOptions(s, a);
            })
            .unsupported("option splice-auto", "bramble does not splice")
            .warnOnly("daemon", "bramble stays in the foreground, as systemd wants");

    private static void timeout(SampleSection s, Args a) {
        s.timeouts.put(a.keyword(), a.duration("a timeout", Duration.ZERO, TIMEOUT_MAX,
                ChronoUnit.MILLIS));
        a.end();
    }

    @Override
    public String toString() {
        return "maxconn=" + maxconn + "\nbalance=" + Args.spelling(balance) + "\nbinds="
                + binds + "\ntimeouts=" + timeouts + "\nservers=" + servers
                + "\nforwardfor except=" + forwardForExcept + "\nstats enabled="
                + statsEnabled + " realm=[" + statsRealm + "]\nbufsize=" + bufferBytes + "\n";
    }
}
