package io.bramble.lb.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.KeywordTable;
import io.bramble.common.net.HostPort;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * {@code server NAME ADDR:PORT [OPTIONS]} and {@code default-server [OPTIONS]}: the options
 * table both share, each option reading its own values.
 */
final class ServerKeywords {
    /** Servers in one backend; HAProxy has no hard limit, this bounds per-backend state. */
    static final int SERVERS_MAX = 4_096;

    /** The options of one line while they are read. */
    static final class Draft {
        ServerOptions options;
        InitAddr initAddr;

        Draft(ServerOptions options, InitAddr initAddr) {
            this.options = options;
            this.initAddr = initAddr;
        }
    }

    static final KeywordTable<Draft> OPTIONS = options();

    private ServerKeywords() {
    }

    /** {@code server NAME ADDR:PORT [OPTIONS]}, starting from the default-server options. */
    static void server(ProxySection section, Args args) {
        String name = args.next("a server name");
        HaproxyConfigParser.checkName(args, name, "server");
        if (section.builder.servers.stream().anyMatch(server -> server.name().equals(name))) {
            throw args.fail("server " + Args.quote(name) + " is already defined in this "
                    + "section");
        }
        if (section.builder.servers.size() >= SERVERS_MAX) {
            throw args.fail("more than " + SERVERS_MAX + " servers in one backend");
        }
        HostPort address = ProxyAddresses.server(args);
        Draft draft = new Draft(section.builder.defaultServer, section.builder.defaultInitAddr);
        OPTIONS.applyOptions(draft, args);
        ServerTlsOptions.check(args, draft.options.tls());
        section.builder.servers.add(new ServerConfig(name, address, draft.options,
                ProxySection.location(args), draft.initAddr));
    }

    /** {@code default-server [OPTIONS]}: changes the options later server lines start from. */
    static void defaultServer(ProxySection section, Args args) {
        Draft draft = new Draft(section.builder.defaultServer, section.builder.defaultInitAddr);
        OPTIONS.applyOptions(draft, args);
        section.builder.defaultServer = draft.options;
        section.builder.defaultInitAddr = draft.initAddr;
    }

    private static KeywordTable<Draft> options() {
        KeywordTable<Draft> table = new KeywordTable<Draft>("server options")
                .keyword("check", (d, a) -> d.options = d.options.withCheck(true))
                .keyword("no-check", (d, a) -> d.options = d.options.withCheck(false))
                .keyword("inter", (d, a) -> d.options = d.options.withInterMs(interval(a,
                        "a check interval")))
                .keyword("fastinter", (d, a) -> d.options = d.options.withFastInterMs(
                        interval(a, "a check interval while going up or down")))
                .keyword("downinter", (d, a) -> d.options = d.options.withDownInterMs(
                        interval(a, "a check interval while down")))
                .keyword("rise", (d, a) -> d.options = d.options.withRise(a.integer(
                        "a count of successful checks", 1, ServerOptions.RISE_FALL_MAX)))
                .keyword("fall", (d, a) -> d.options = d.options.withFall(a.integer(
                        "a count of failed checks", 1, ServerOptions.RISE_FALL_MAX)))
                .keyword("weight", (d, a) -> d.options = d.options.withWeight(a.integer(
                        "a weight", 0, ServerOptions.WEIGHT_MAX)))
                .keyword("send-proxy", (d, a) -> d.options = d.options.withProxyProtocol(
                        d.options.proxyProtocol().withV1(true)))
                .keyword("send-proxy-v2", (d, a) -> d.options = d.options.withProxyProtocol(
                        d.options.proxyProtocol().withV2(true)))
                .keyword("no-send-proxy", (d, a) -> d.options = d.options.withProxyProtocol(
                        d.options.proxyProtocol().withV1(false)))
                .keyword("no-send-proxy-v2", (d, a) -> d.options = d.options
                        .withProxyProtocol(d.options.proxyProtocol().withV2(false)))
                .keyword("backup", (d, a) -> d.options = d.options.withBackup(true))
                .keyword("no-backup", (d, a) -> d.options = d.options.withBackup(false))
                .keyword("disabled", (d, a) -> d.options = d.options.withDisabled(true))
                .keyword("enabled", (d, a) -> d.options = d.options.withDisabled(false))
                .keyword("maxconn", (d, a) -> d.options = d.options.withMaxconn(a.integer(
                        "a connection count (0 for no limit)", 0, GlobalSettings.MAXCONN_MAX)))
                .keyword("cookie", (d, a) -> d.options = d.options.withCookie(Optional.of(
                        cookieValue(a))))
                .keyword("port", (d, a) -> d.options = d.options.withCheckPort(a.port(
                        "a health check port")))
                .keyword("pool-max-conn", (d, a) -> d.options = d.options.withPool(
                        d.options.pool().withIdleMax(a.integer("an idle connection count "
                                + "(-1 for no limit of the file's own)",
                                ServerPoolLimits.IDLE_UNBOUNDED, ServerPoolLimits.IDLE_MAX))))
                .keyword("pool-purge-delay", (d, a) -> d.options = d.options.withPool(
                        d.options.pool().withPurgeDelayMs(ProxyKeywords.millis(a.duration(
                                "a delay", Duration.ZERO, Duration.ofMillis(Timeouts.MAX_MS),
                                ChronoUnit.MILLIS)))));
        table.keyword("init-addr", (d, a) -> d.initAddr = InitAddr.parse(a.next(
                "methods such as last,libc,none or an IP address")));
        table.keyword("on-marked-down", (d, a) -> {
            a.choice("what to do when a check marks the server down", "shutdown-sessions");
            d.options = d.options.withOnMarked(new ServerOptions.OnMarked(true,
                    d.options.onMarked().upShutdownBackupSessions()));
        }).keyword("on-marked-up", (d, a) -> {
            a.choice("what to do when a check marks the server up", "shutdown-backup-sessions");
            d.options = d.options.withOnMarked(new ServerOptions.OnMarked(
                    d.options.onMarked().downShutdownSessions(), true));
        });
        ServerTlsOptions.register(table);
        UnsupportedKeywords.registerServerOptions(table);
        return table;
    }

    private static long interval(Args a, String what) {
        return ProxyKeywords.millis(a.duration(what, Duration.ofMillis(
                ServerOptions.INTER_MS_MIN), Duration.ofMillis(ServerOptions.INTER_MS_MAX),
                ChronoUnit.MILLIS));
    }

    private static String cookieValue(Args a) {
        String value = a.next("a cookie value for this server");
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ';' && c != ','
                && c != '~' && c != '"' && c != '\\')) {
            throw a.unexpected("a cookie value for this server (visible ASCII without ; , ~ "
                    + "\" or \\)", value);
        }
        return value;
    }
}
