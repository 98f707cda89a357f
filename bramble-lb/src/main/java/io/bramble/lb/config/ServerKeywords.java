package io.bramble.lb.config;

import io.bramble.common.config.Args;
import io.bramble.common.config.KeywordTable;
import io.bramble.common.net.HostPort;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code server NAME ADDR:PORT [OPTIONS]} and {@code default-server [OPTIONS]}: the options
 * table both share, each option reading its own values.
 */
final class ServerKeywords {
    /** Servers in one backend; HAProxy has no hard limit, this bounds per-backend state. */
    static final int SERVERS_MAX = 4_096;
    /** {@code NUM} or {@code LOW-HIGH} of a server-template, at most 9 digits each. */
    private static final Pattern RANGE = Pattern.compile("([0-9]{1,9})(?:-([0-9]{1,9}))?");

    /** The options of one line while they are read. */
    static final class Draft {
        ServerOptions options;
        InitAddr initAddr;
        /** {@code maxqueue}: 0 for no bound; see {@link ServerQueues}. */
        int maxqueue;

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
        add(section, args, List.of(name));
    }

    /**
     * {@code server-template PREFIX NUM|LOW-HIGH FQDN[:PORT] [OPTIONS]}: servers PREFIX1 to
     * PREFIXNUM (or PREFIXLOW to PREFIXHIGH), each as a {@code server} line with that address
     * and those options. Without a {@code resolvers} section (which bramble refuses) HAProxy
     * gives them all the address its {@code init-addr} methods find at start, as bramble does.
     */
    static void serverTemplate(ProxySection section, Args args) {
        String prefix = args.next("a prefix for the server names");
        String range = args.next("a number of servers or a range LOW-HIGH");
        Matcher m = RANGE.matcher(range);
        long low = m.matches() && m.group(2) != null ? Long.parseLong(m.group(1)) : 1;
        long high = m.matches() ? Long.parseLong(m.group(m.group(2) != null ? 2 : 1)) : 0;
        if (low < 1 || high < low) {
            throw args.unexpected("a number of servers (1 or more) or a range LOW-HIGH with "
                    + "LOW from 1 and not above HIGH", range);
        }
        if (high - low >= SERVERS_MAX) {
            throw args.fail("more than " + SERVERS_MAX + " servers in one backend");
        }
        List<String> names = new ArrayList<>();
        for (long i = low; i <= high; i++) {
            names.add(prefix + i);
            HaproxyConfigParser.checkName(args, names.getLast(), "server");
        }
        add(section, args, names);
    }

    /** Adds servers of these names with the address and options the rest of the line gives. */
    private static void add(ProxySection section, Args args, List<String> names) {
        for (String name : names) {
            if (section.builder.servers.stream().anyMatch(s -> s.name().equals(name))) {
                throw args.fail("server " + Args.quote(name) + " is already defined in this "
                        + "section");
            }
        }
        if (section.builder.servers.size() + names.size() > SERVERS_MAX) {
            throw args.fail("more than " + SERVERS_MAX + " servers in one backend");
        }
        HostPort address = ProxyAddresses.server(args);
        Draft draft = new Draft(section.builder.defaultServer, section.builder.defaultInitAddr);
        draft.maxqueue = section.builder.defaultMaxqueue;
        OPTIONS.applyOptions(draft, args);
        ServerTlsOptions.check(args, draft.options.tls());
        if (draft.maxqueue > 0 && draft.options.maxconn() > 0) {
            section.boundedServerQueues.add(args.where());
        }
        for (String name : names) {
            section.builder.servers.add(new ServerConfig(name, address, draft.options,
                    ProxySection.location(args), draft.initAddr));
        }
    }

    /** {@code default-server [OPTIONS]}: changes the options later server lines start from. */
    static void defaultServer(ProxySection section, Args args) {
        Draft draft = new Draft(section.builder.defaultServer, section.builder.defaultInitAddr);
        draft.maxqueue = section.builder.defaultMaxqueue;
        OPTIONS.applyOptions(draft, args);
        section.builder.defaultServer = draft.options;
        section.builder.defaultInitAddr = draft.initAddr;
        section.builder.defaultMaxqueue = draft.maxqueue;
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
                .keyword("source", (d, a) -> d.options = d.options.withSource(Optional.of(
                        SourceAddress.read(a))))
                .keyword("slowstart", (d, a) -> d.options = d.options.withSlowstartMs(a.duration(
                        "a time (a bare number means milliseconds)", Duration.ZERO,
                        Duration.ofMillis(Timeouts.MAX_MS), ChronoUnit.MILLIS).toMillis()))
                .keyword("maxqueue", (d, a) -> d.maxqueue = a.integer(
                        "a queue length (0 for no limit)", 0, Integer.MAX_VALUE))
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
