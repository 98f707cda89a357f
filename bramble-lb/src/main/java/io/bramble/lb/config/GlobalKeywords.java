package io.bramble.lb.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.KeywordTable;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;

/** The keywords of the {@code global} section. */
final class GlobalKeywords {
    static final KeywordTable<GlobalDraft> TABLE = table();

    private GlobalKeywords() {
    }

    private static KeywordTable<GlobalDraft> table() {
        KeywordTable<GlobalDraft> table = new KeywordTable<GlobalDraft>("the global section")
                .keyword("log", GlobalKeywords::log)
                .keyword("maxconn", (g, a) -> {
                    g.maxconn = a.integer("a connection count", 1, GlobalSettings.MAXCONN_MAX);
                    a.end();
                })
                .keyword("nbthread", (g, a) -> {
                    g.nbthread = a.integer("a thread count", 1, GlobalSettings.NBTHREAD_MAX);
                    a.end();
                })
                .keyword("noepoll", (g, a) -> {
                    g.nativePollers = false;
                    a.end();
                })
                .keyword("pidfile", (g, a) -> g.pidFile = Optional.of(single(a, "a file")))
                .keyword("node", (g, a) -> g.nodeName = Optional.of(single(a, "a node name")))
                .keyword("ca-base", (g, a) -> g.caBase = Optional.of(single(a, "a directory")))
                .keyword("crt-base", (g, a) -> g.crtBase = Optional.of(single(a,
                        "a directory")))
                .keyword("chroot", GlobalKeywords::chroot)
                .keyword("daemon", GlobalKeywords::daemon)
                .keyword("user", (g, a) -> g.identity.user(a))
                .keyword("uid", (g, a) -> g.identity.uid(a))
                .keyword("group", (g, a) -> g.identity.group(a))
                .keyword("gid", (g, a) -> g.identity.gid(a))
                .keyword("stats socket", (g, a) -> g.statsSockets.add(StatsSocketKeyword
                        .read(a)))
                .keyword("hard-stop-after", (g, a) -> {
                    g.hardStopAfterMs = OptionalLong.of(a.duration("a time", Duration.ZERO,
                            Duration.ofMillis(Timeouts.MAX_MS), ChronoUnit.MILLIS).toMillis());
                    a.end();
                })
                .keyword("stats timeout", (g, a) -> {
                    g.statsTimeoutMs = a.duration("a timeout", Duration.ZERO, Duration.ofMillis(
                            Timeouts.MAX_MS), ChronoUnit.MILLIS).toMillis();
                    a.end();
                });
        table.keyword("ssl-default-bind-options", (g, a) -> g.bindTls = TlsOptionWords.line(
                g.bindTls, a, true))
                .keyword("ssl-default-bind-ciphers", (g, a) -> {
                    g.bindTls = TlsOptionWords.ciphers(g.bindTls, a);
                    a.end();
                })
                .keyword("ssl-default-bind-ciphersuites", (g, a) -> {
                    g.bindTls = TlsOptionWords.cipherSuites(g.bindTls, a);
                    a.end();
                })
                .keyword("ssl-default-server-options", (g, a) -> g.serverTls = TlsOptionWords
                        .line(g.serverTls, a, false))
                .keyword("ssl-default-server-ciphers", (g, a) -> {
                    g.serverTls = TlsOptionWords.ciphers(g.serverTls, a);
                    a.end();
                })
                .keyword("ssl-default-server-ciphersuites", (g, a) -> {
                    g.serverTls = TlsOptionWords.cipherSuites(g.serverTls, a);
                    a.end();
                });
        for (String tls : new String[]{"ssl-default-bind-curves", "ssl-default-bind-sigalgs",
                "ssl-default-server-curves"}) {
            table.keyword(tls, (g, a) -> {
                a.rest();
                a.warning("not applied: bramble uses the JDK's named groups and signature "
                        + "schemes");
            });
        }
        ProcessKeywords.register(table);
        TuneKeywords.register(table);
        UnsupportedKeywords.registerGlobal(table);
        return table;
    }

    private static void log(GlobalDraft g, Args a) {
        if (a.peek().filter("global"::equals).isPresent()) {
            throw a.fail("'log global' belongs in defaults or proxy sections; in global, name"
                    + " a target such as /dev/log local0");
        }
        g.logTargets.add(LogKeywords.target(a));
    }

    private static void chroot(GlobalDraft g, Args a) {
        g.chroot = Optional.of(single(a, "a directory"));
        a.warning("ignored: bramble does not chroot; run it under systemd with "
                + "RootDirectory= or ProtectSystem= to confine it");
    }

    private static void daemon(GlobalDraft g, Args a) {
        a.end();
        g.daemon = true;
        a.warning("ignored: bramble stays in the foreground, as systemd wants; run it as a "
                + "service to have it in the background");
    }

    private static String single(Args a, String what) {
        String value = a.next(what);
        a.end();
        return value;
    }
}
