package io.bramble.lb.config;

import static io.bramble.lb.config.ProxySection.Scope.BACKEND;
import static io.bramble.lb.config.ProxySection.Scope.DEFAULTS;
import static io.bramble.lb.config.ProxySection.Scope.FRONTEND;

import io.bramble.common.config.Args;
import io.bramble.common.config.KeywordTable;
import io.bramble.common.config.KeywordTable.Handler;
import io.bramble.common.net.HostPort;
import io.bramble.lb.config.ProxySection.Scope;
import io.bramble.lb.log.LogLineFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The keywords of {@code defaults}, {@code frontend}, {@code backend} and {@code listen}
 * sections. Each is registered with the sections it may stand in, as HAProxy's proxy
 * capabilities say; rules, stats and servers have tables of their own and join this one.
 */
final class ProxyKeywords {
    static final Set<Scope> D_F = EnumSet.of(DEFAULTS, FRONTEND);
    static final Set<Scope> D_B = EnumSet.of(DEFAULTS, BACKEND);
    static final Set<Scope> D_F_B = EnumSet.allOf(Scope.class);
    static final Set<Scope> F = EnumSet.of(FRONTEND);
    static final Set<Scope> B = EnumSet.of(BACKEND);
    static final Set<Scope> F_B = EnumSet.of(FRONTEND, BACKEND);
    /** Status codes {@code errorfile} may replace, as in HAProxy. */
    static final Set<Integer> ERRORFILE_STATUSES = Set.of(200, 400, 401, 403, 404, 405, 407,
            408, 410, 413, 425, 429, 500, 501, 502, 503, 504);

    static final KeywordTable<ProxySection> TABLE = table();

    private ProxyKeywords() {
    }

    private static KeywordTable<ProxySection> table() {
        KeywordTable<ProxySection> table = new KeywordTable<ProxySection>("a proxy section")
                .keyword("mode", in(D_F_B, (s, a) -> {
                    s.builder.mode = a.choice("a proxy mode", ProxyMode.class);
                    a.end();
                }))
                .keyword("bind", in(F, ProxyKeywords::bind))
                .keyword("maxconn", ignoredOutside(D_F, (s, a) -> {
                    s.builder.maxconn = a.integer("a connection count", 1,
                            GlobalSettings.MAXCONN_MAX);
                    a.end();
                }))
                .keyword("retries", in(D_B, (s, a) -> {
                    s.builder.retries = a.integer("a retry count", 0, ProxyConfig.RETRIES_MAX);
                    a.end();
                }))
                .keyword("http-reuse", in(D_B, (s, a) -> {
                    String mode = a.next("never, safe, aggressive or always");
                    s.builder.reuse = switch (mode) {
                        case "never" -> ConnectionReuse.NEVER;
                        case "safe" -> ConnectionReuse.SAFE;
                        case "aggressive" -> ConnectionReuse.AGGRESSIVE;
                        case "always" -> ConnectionReuse.ALWAYS;
                        default -> throw a.unexpected("never, safe, aggressive or always", mode);
                    };
                    a.end();
                }))
                .keyword("balance", in(D_B, BalanceKeyword::balance))
                .keyword("log", in(D_F_B, ProxyKeywords::log))
                .keyword("no log", in(D_F_B, (s, a) -> {
                    a.end();
                    s.builder.log = s.builder.log.withTargets(false, List.of());
                }))
                .keyword("log-format", ignoredOutside(D_F, ProxyKeywords::logFormat))
                .keyword("errorfile", in(D_F_B, ProxyKeywords::errorfile))
                .keyword("server", in(B, ServerKeywords::server))
                .keyword("server-template", in(B, ServerKeywords::serverTemplate))
                .keyword("default-server", in(D_B, ServerKeywords::defaultServer))
                .keyword("cookie", in(D_B, CookieKeyword::cookie))
                .keyword("option cookie", in(D_B, CookieKeyword::optionCookie));
        timeouts(table);
        OptionKeywords.register(table);
        RuleKeywords.register(table);
        TcpRequestKeywords.register(table);
        StickKeywords.register(table);
        VariableKeywords.register(table);
        StatsKeywords.register(table);
        ProxyExtraKeywords.register(table);
        UnsupportedKeywords.registerProxy(table);
        return table;
    }

    /** A handler that first checks the section may hold the keyword. */
    static Handler<ProxySection> in(Set<Scope> scopes, Handler<ProxySection> handler) {
        return (section, args) -> {
            if (!section.allows(scopes)) {
                throw args.fail("not allowed in " + section.describe() + "; it belongs in "
                        + sections(scopes));
            }
            handler.handle(section, args);
        };
    }

    /** Like {@link #in} but, as HAProxy does, only warns when the section cannot use it. */
    static Handler<ProxySection> ignoredOutside(Set<Scope> scopes,
            Handler<ProxySection> handler) {
        return (section, args) -> {
            if (section.allows(scopes)) {
                handler.handle(section, args);
            } else {
                args.rest();
                args.warning("ignored in " + section.describe() + "; it applies to "
                        + sections(scopes));
            }
        };
    }

    private static String sections(Set<Scope> scopes) {
        List<String> names = new java.util.ArrayList<>();
        if (scopes.contains(DEFAULTS)) {
            names.add("defaults");
        }
        if (scopes.contains(FRONTEND)) {
            names.add("frontend");
        }
        if (scopes.contains(BACKEND)) {
            names.add("backend");
        }
        if (scopes.contains(FRONTEND) || scopes.contains(BACKEND)) {
            names.add("listen");
        }
        return names.stream().collect(Collectors.joining(", ")) + " sections";
    }

    /** A duration in whole milliseconds, rounded up as HAProxy rounds microseconds. */
    static long millis(Duration duration) {
        long nanos = duration.toNanos();
        return nanos / 1_000_000 + (nanos % 1_000_000 == 0 ? 0 : 1);
    }

    /**
     * {@code bind ADDR:PORT[,...] [OPTIONS]}. A line refused is remembered, so that the section
     * is not also said to listen nowhere.
     */
    private static void bind(ProxySection s, Args a) {
        try {
            String addresses = a.next("an address to listen on (ADDRESS:PORT)");
            List<HostPort> parsed = new java.util.ArrayList<>();
            for (String address : addresses.split(",", -1)) {
                parsed.addAll(ProxyAddresses.bind(a, address));
            }
            BindOptions.Read options = BindOptions.read(a);
            for (HostPort address : parsed) {
                s.builder.binds.add(new BindConfig(address, ProxySection.location(a),
                        options.tls(), options.acceptProxy()));
            }
        } catch (RuntimeException e) {
            s.bindRefused = true;
            throw e;
        }
    }

    private static void log(ProxySection s, Args a) {
        LogSettings log = s.builder.log;
        if (a.nextIf("global")) {
            a.end();
            s.builder.log = log.withTargets(true, log.targets());
            return;
        }
        List<LogTarget> targets = new java.util.ArrayList<>(log.targets());
        targets.add(LogKeywords.target(a));
        s.builder.log = log.withTargets(log.useGlobal(), targets);
    }

    /**
     * {@code log-format FORMAT}: one word (spaces escaped or quoted), replacing
     * {@code option httplog} or {@code tcplog}; the last of them wins, and in a defaults section
     * HAProxy warns that it overrides the one before.
     */
    private static void logFormat(ProxySection s, Args a) {
        String text = a.next("a log format");
        if (text.isEmpty()) {
            throw a.fail("log-format expects a format");
        }
        if (a.peek().isPresent()) {
            throw a.fail("log-format expects only one argument; escape its spaces ('\\ ') or "
                    + "quote it");
        }
        LogLineFormat format;
        try {
            format = LogLineFormat.parse(text);
        } catch (IllegalArgumentException e) {
            throw a.fail(e.getMessage());
        }
        LogSettings log = s.builder.log;
        if (s.isDefaults && log.format() != LogFormat.DEFAULT) {
            a.warning("'log-format' overrides previous '" + LogKeywords.formatKeyword(log)
                    + "' in 'defaults' section");
        }
        s.builder.log = log.withCustom(new CustomLogFormat(format, a.where()));
    }

    private static void errorfile(ProxySection s, Args a) {
        int status = a.integer("an HTTP status code", 200, 599);
        if (!ERRORFILE_STATUSES.contains(status)) {
            throw a.fail("errorfile cannot replace status " + status + "; it can replace "
                    + ERRORFILE_STATUSES.stream().sorted().map(String::valueOf)
                            .collect(Collectors.joining(", ")));
        }
        Path path = s.paths.apply(a.next("a file holding the whole HTTP response"));
        a.end();
        OptionalLong size = s.files.readableSize(path);
        if (size.isEmpty()) {
            throw a.fail("cannot read " + path + " (HAProxy refuses the file too)");
        }
        if (size.getAsLong() > ErrorFile.FILE_BYTES_MAX) {
            throw a.fail(path + " is " + size.getAsLong() + " bytes; an error file must fit "
                    + "in " + ErrorFile.FILE_BYTES_MAX + " bytes");
        }
        s.builder.errorFiles.put(status, new ErrorFile(status, path, ProxySection.location(a)));
    }

    private static void timeouts(KeywordTable<ProxySection> table) {
        timeout(table, "connect", D_B, Timeouts::withConnectMs);
        timeout(table, "client", D_F, Timeouts::withClientMs);
        timeout(table, "server", D_B, Timeouts::withServerMs);
        timeout(table, "check", D_B, Timeouts::withCheckMs);
        timeout(table, "http-request", D_F_B, Timeouts::withHttpRequestMs);
        timeout(table, "http-keep-alive", D_F_B, Timeouts::withHttpKeepAliveMs);
        timeout(table, "queue", D_B, Timeouts::withQueueMs);
        timeout(table, "tunnel", D_B, Timeouts::withTunnelMs);
        timeout(table, "client-fin", D_F, Timeouts::withClientFinMs);
        timeout(table, "server-fin", D_B, Timeouts::withServerFinMs);
    }

    private static void timeout(KeywordTable<ProxySection> table, String name,
            Set<Scope> scopes, BiFunction<Timeouts, Long, Timeouts> setter) {
        table.keyword("timeout " + name, ignoredOutside(scopes, (s, a) -> {
            long ms = millis(a.duration("a timeout", Duration.ZERO, Duration.ofMillis(
                    Timeouts.MAX_MS), ChronoUnit.MILLIS));
            a.end();
            s.builder.timeouts = setter.apply(s.builder.timeouts, ms);
        }));
    }
}
