package io.bramble.lb.config;

import static io.bramble.lb.config.ProxyKeywords.D_B;
import static io.bramble.lb.config.ProxyKeywords.D_F;
import static io.bramble.lb.config.ProxyKeywords.D_F_B;
import static io.bramble.lb.config.ProxyKeywords.ignoredOutside;
import static io.bramble.lb.config.ProxyKeywords.in;

import io.bramble.common.config.Args;
import io.bramble.common.config.KeywordTable;
import io.bramble.common.net.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The {@code option NAME} and {@code no option NAME} keywords bramble implements. */
final class OptionKeywords {
    private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");
    private static final Pattern STATUS_LIST = Pattern.compile("\\d{3}(-\\d{3})?(,\\d{3}"
            + "(-\\d{3})?)*");

    private OptionKeywords() {
    }

    static void register(KeywordTable<ProxySection> table) {
        connectionMode(table, "httpclose", HttpConnectionMode.CLOSE);
        connectionMode(table, "http-server-close", HttpConnectionMode.SERVER_CLOSE);
        connectionMode(table, "http-keep-alive", HttpConnectionMode.KEEP_ALIVE);
        CheckKeywords.register(table);
        table.keyword("option httpchk", in(D_B, OptionKeywords::httpchk))
                .keyword("no option httpchk", in(D_B, (s, a) -> {
                    a.end();
                    s.builder.httpCheck = Optional.empty();
                }))
                .keyword("http-check expect", in(D_B, OptionKeywords::expect))
                .keyword("option forwardfor", in(D_F_B, OptionKeywords::forwardfor))
                .keyword("no option forwardfor", in(D_F_B, (s, a) -> {
                    a.end();
                    s.builder.forwardFor = Optional.empty();
                }))
                .keyword("option redispatch", in(D_B, (s, a) -> {
                    if (a.hasNext()) {
                        a.integer("a redispatch interval", -1000, 1000);
                        a.warning("bramble redispatches on every retry; the interval is not "
                                + "used");
                    }
                    a.end();
                    s.builder.redispatch = true;
                }))
                .keyword("no option redispatch", in(D_B, (s, a) -> {
                    a.end();
                    s.builder.redispatch = false;
                }));
        backendFlag(table, "allbackups", (s, value) -> s.builder.allBackups = value);
        backendFlag(table, "prefer-last-server",
                (s, value) -> s.builder.preferLastServer = value);
        backendFlag(table, "log-health-checks", (s, value) -> s.builder.logHealthChecks = value);
        tcpKeepAlive(table, "clitcpka", D_F, true, false);
        tcpKeepAlive(table, "srvtcpka", D_B, false, true);
        tcpKeepAlive(table, "tcpka", D_F_B, true, true);
        logFormat(table, "httplog", LogFormat.HTTP);
        logFormat(table, "tcplog", LogFormat.TCP);
        table.keyword("option dontlognull", ignoredOutside(D_F, (s, a) -> dontLogNull(s, a,
                true)))
                .keyword("no option dontlognull", ignoredOutside(D_F, (s, a) -> dontLogNull(
                        s, a, false)));
    }

    private static void connectionMode(KeywordTable<ProxySection> table, String name,
            HttpConnectionMode mode) {
        table.keyword("option " + name, in(D_F_B, (s, a) -> {
            a.end();
            s.builder.connectionMode = mode;
        }));
        table.keyword("no option " + name, in(D_F_B, (s, a) -> {
            a.end();
            if (s.builder.connectionMode == mode) {
                s.builder.connectionMode = HttpConnectionMode.DEFAULT;
            }
        }));
    }

    /**
     * An {@code option NAME} of the backend side and its {@code no} form; in a frontend,
     * ignored with a warning, as HAProxy does.
     */
    private static void backendFlag(KeywordTable<ProxySection> table, String name,
            BiConsumer<ProxySection, Boolean> set) {
        table.keyword("option " + name, ignoredOutside(D_B, (s, a) -> {
            a.end();
            set.accept(s, true);
        }));
        table.keyword("no option " + name, ignoredOutside(D_B, (s, a) -> {
            a.end();
            set.accept(s, false);
        }));
    }

    /**
     * {@code option clitcpka|srvtcpka|tcpka} and their {@code no} forms; where the option has
     * no side to act on (clitcpka in a backend), ignored with a warning, as HAProxy does.
     */
    private static void tcpKeepAlive(KeywordTable<ProxySection> table, String name,
            Set<ProxySection.Scope> scopes, boolean client, boolean server) {
        for (boolean value : new boolean[]{true, false}) {
            table.keyword((value ? "" : "no ") + "option " + name, ignoredOutside(scopes,
                    (s, a) -> {
                        a.end();
                        TcpKeepAlive keepAlive = s.builder.tcpKeepAlive;
                        if (client) {
                            keepAlive = keepAlive.withClient(value);
                        }
                        if (server) {
                            keepAlive = keepAlive.withServer(value);
                        }
                        s.builder.tcpKeepAlive = keepAlive;
                    }));
        }
    }

    private static void logFormat(KeywordTable<ProxySection> table, String name,
            LogFormat format) {
        table.keyword("option " + name, ignoredOutside(D_F, (s, a) -> {
            if (format == LogFormat.HTTP && a.nextIf("clf")) {
                a.warning("the CLF variant is read as the default httplog format");
            }
            a.end();
            if (s.isDefaults && s.builder.log.format() != LogFormat.DEFAULT) {
                a.warning("'option " + name + "' overrides previous '"
                        + LogKeywords.formatKeyword(s.builder.log) + "' in 'defaults' section");
            }
            s.builder.log = s.builder.log.withFormat(format);
        }));
        table.keyword("no option " + name, ignoredOutside(D_F, (s, a) -> {
            a.end();
            LogSettings log = s.builder.log;
            if (log.format() == format) {
                s.builder.log = log.withFormat(LogFormat.DEFAULT);
            }
        }));
    }

    private static void dontLogNull(ProxySection s, Args a, boolean value) {
        a.end();
        s.builder.log = s.builder.log.withDontLogNull(value);
    }

    /** {@code option httpchk}, {@code option httpchk URI}, {@code ... METHOD URI [VERSION]}. */
    private static void httpchk(ProxySection s, Args a) {
        List<String> words = a.rest();
        if (words.size() > 3) {
            throw a.fail("expected at most METHOD URI VERSION, got " + words.size() + " words");
        }
        String method = HttpCheckConfig.METHOD_DEFAULT;
        String uri = HttpCheckConfig.URI_DEFAULT;
        String version = HttpCheckConfig.VERSION_DEFAULT;
        if (words.size() == 1) {
            uri = words.get(0);
        } else if (words.size() >= 2) {
            method = method(a, words.get(0));
            uri = words.get(1);
        }
        if (words.size() == 3) {
            version = checkVersion(a, words.get(2));
        }
        checkUri(a, uri);
        s.builder.tcpCheck = Optional.empty();
        s.builder.httpCheck = Optional.of(new HttpCheckConfig(method, uri, version,
                Optional.empty()));
    }

    /** The method of an HTTP check, read from the line. */
    static String checkMethod(Args a) {
        return method(a, a.next("an HTTP method"));
    }

    private static String method(Args a, String method) {
        if (!METHOD.matcher(method).matches()) {
            throw a.unexpected("an HTTP method such as HEAD, GET or OPTIONS", method);
        }
        return method;
    }

    /** The version of an HTTP check: HTTP/1.0 or HTTP/1.1, maybe with header lines after. */
    static String checkVersion(Args a, String version) {
        if (!version.startsWith("HTTP/1.0") && !version.startsWith("HTTP/1.1")) {
            throw a.unexpected("HTTP/1.0 or HTTP/1.1", version);
        }
        return version;
    }

    /** The target of an HTTP check. */
    static String checkUri(Args a, String uri) {
        if (!uri.startsWith("/") && !uri.equals("*")) {
            throw a.unexpected("a check URI starting with /", uri);
        }
        return uri;
    }

    /** {@code http-check expect [!] status|rstatus|string|rstring PATTERN}. */
    private static void expect(ProxySection s, Args a) {
        boolean negated = a.nextIf("!");
        HttpCheckExpect.Kind kind = a.choice("what to expect", HttpCheckExpect.Kind.class);
        String pattern = a.next("a pattern");
        a.end();
        switch (kind) {
            case STATUS -> {
                if (!STATUS_LIST.matcher(pattern).matches()) {
                    throw a.unexpected("a status code such as 200, or a list such as "
                            + "200-299,301", pattern);
                }
            }
            case RSTATUS, RSTRING -> compile(a, pattern);
            case STRING -> {
            }
        }
        s.ownHttpCheckRules();
        if (s.httpCheckExpectWhere.isPresent() && s.httpCheckExpectOwn) {
            throw a.fail("a second 'http-check expect' in one section is not supported: "
                    + "bramble's HTTP check judges one rule (the first is at "
                    + s.httpCheckExpectWhere.get() + ")");
        }
        s.httpCheckExpectOwn = true;
        s.httpCheckExpect = Optional.of(new HttpCheckExpect(negated, kind, pattern));
        s.httpCheckExpectWhere = Optional.of(a.where());
    }

    static Pattern compile(Args a, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw a.fail("invalid regular expression " + Args.quote(regex) + ": "
                    + e.getDescription());
        }
    }

    /** {@code option forwardfor [except NETWORK] [header NAME] [if-none]}. */
    private static void forwardfor(ProxySection s, Args a) {
        String header = ForwardFor.HEADER_DEFAULT;
        List<Cidr> except = new ArrayList<>();
        boolean ifNone = false;
        while (a.hasNext()) {
            switch (a.choice("a forwardfor option", "except", "header", "if-none")) {
                case "except" -> except.add(network(a));
                case "header" -> header = RuleKeywords.headerName(a);
                default -> ifNone = true;
            }
        }
        s.builder.forwardFor = Optional.of(new ForwardFor(header, except, ifNone));
    }

    static Cidr network(Args a) {
        String text = a.next("a network such as 127.0.0.0/8");
        return Cidr.tryParse(text)
                .orElseThrow(() -> a.unexpected("a network such as 127.0.0.0/8", text));
    }
}
