package io.bramble.lb.config;

import static io.bramble.lb.config.ProxyKeywords.D_B;
import static io.bramble.lb.config.ProxyKeywords.ignoredOutside;

import io.bramble.common.config.Args;
import io.bramble.common.config.KeywordTable;
import io.bramble.lb.config.TcpCheckRule.Connect;
import io.bramble.lb.config.TcpCheckRule.Expect;
import io.bramble.lb.config.TcpCheckRule.ExpectStatus;
import io.bramble.lb.config.TcpCheckRule.Send;
import io.bramble.lb.format.RuleStage;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The health-check keywords beyond {@code option httpchk}: {@code option tcp-check} and its
 * {@code tcp-check} lines, the protocol checks ({@code option redis-check},
 * {@code mysql-check}, {@code pgsql-check}, {@code ldap-check}, {@code smtpchk},
 * {@code ssl-hello-chk}) and {@code http-check send|connect|comment}. Each check option
 * replaces the one before it in the section, as in HAProxy.
 */
final class CheckKeywords {
    static final String TCP_CHECK = "option tcp-check";
    private static final String LOG_FORMAT = "bramble does not evaluate log-format "
            + "expressions in checks; write the text or bytes themselves";
    private static final Set<String> OK_STATUSES = Set.of("L7OK", "L6OK", "L4OK");
    private static final Set<String> ERROR_STATUSES = Set.of("L7RSP", "L7STS", "L6RSP",
            "L4CON");
    private static final Set<String> TIMEOUT_STATUSES = Set.of("L7TOUT", "L6TOUT", "L4TOUT");

    private CheckKeywords() {
    }

    static void register(KeywordTable<ProxySection> table) {
        table.keyword(TCP_CHECK, ignoredOutside(D_B, (s, a) -> {
            a.end();
            useScript(s, new TcpCheckConfig(TCP_CHECK, List.of()));
        }));
        table.keyword("tcp-check connect", ignoredOutside(D_B, (s, a) -> addRule(s, a,
                connect(a))));
        table.keyword("tcp-check send", ignoredOutside(D_B, (s, a) -> addRule(s, a,
                send(a, false))));
        table.keyword("tcp-check send-binary", ignoredOutside(D_B, (s, a) -> addRule(s, a,
                send(a, true))));
        table.keyword("tcp-check expect", ignoredOutside(D_B, (s, a) -> addRule(s, a,
                expect(a))));
        table.keyword("tcp-check comment", ignoredOutside(D_B, (s, a) -> {
            String text = a.next("a comment");
            a.end();
            addRule(s, a, new TcpCheckRule.Comment(text));
            s.tcpCheckComment = text;
        }));
        for (String logFormat : new String[]{"send-lf", "send-binary-lf"}) {
            table.unsupported("tcp-check " + logFormat, LOG_FORMAT);
        }
        table.keyword("option redis-check", ignoredOutside(D_B, (s, a) -> {
            a.end();
            useScript(s, ProtocolCheckScripts.redis());
        }));
        table.keyword("option mysql-check", ignoredOutside(D_B, CheckKeywords::mysql));
        table.keyword("option pgsql-check", ignoredOutside(D_B, CheckKeywords::pgsql));
        table.keyword("option ldap-check", ignoredOutside(D_B, (s, a) -> {
            a.end();
            useScript(s, ProtocolCheckScripts.ldap());
        }));
        table.keyword("option smtpchk", ignoredOutside(D_B, CheckKeywords::smtp));
        table.keyword("option ssl-hello-chk", ignoredOutside(D_B, (s, a) -> {
            a.end();
            useScript(s, ProtocolCheckScripts.sslHello());
        }));
        table.keyword("http-check send", ignoredOutside(D_B, CheckKeywords::httpSend));
        table.keyword("http-check connect", ignoredOutside(D_B, (s, a) -> {
            TcpCheckRule.Connect connect = connect(a);
            s.ownHttpCheckRules();
            if (s.httpCheckConnect.isPresent()) {
                throw a.fail("a second 'http-check connect' starts a second request; "
                        + "bramble's HTTP check is one request on one connection");
            }
            s.httpCheckConnect = Optional.of(connect);
            s.httpCheckConnectWhere = Optional.of(a.where());
        }));
        table.keyword("http-check comment", ignoredOutside(D_B, (s, a) -> {
            a.next("a comment");
            a.end();
            s.ownHttpCheckRules();
        }));
    }

    /** A protocol check or {@code option tcp-check}: replaces any other check option. */
    private static void useScript(ProxySection s, TcpCheckConfig script) {
        s.builder.httpCheck = Optional.empty();
        s.builder.tcpCheck = Optional.of(script);
    }

    private static void addRule(ProxySection s, Args a, TcpCheckRule rule) {
        s.ownTcpCheckRules();
        if (s.tcpCheckRules.size() >= TcpCheckConfig.RULES_MAX) {
            throw a.fail("more than " + TcpCheckConfig.RULES_MAX + " tcp-check steps in one "
                    + "section");
        }
        TcpCheckRule withComment = rule;
        if (rule.comment().isEmpty() && !s.tcpCheckComment.isEmpty()
                && !(rule instanceof TcpCheckRule.Comment)) {
            withComment = switch (rule) {
                case Connect c -> new Connect(c.port(), c.ssl(), c.linger(),
                        c.serverDefaults(), s.tcpCheckComment);
                case Send x -> new Send(x.data(), x.unixTimeAt(), s.tcpCheckComment);
                case Expect e -> new Expect(e.negated(), e.match(), e.pattern(), e.minRecv(),
                        e.status(), e.okInfo(), e.errorInfo(), s.tcpCheckComment);
                case TcpCheckRule.Comment c -> c;
            };
        }
        s.tcpCheckComment = "";
        s.tcpCheckRules.add(withComment);
        s.tcpCheckRulesWhere.add(a.where());
    }

    /** {@code connect [default] [port N] [ssl] [linger] [comment TEXT]}. */
    static Connect connect(Args a) {
        int port = Connect.PORT_DEFAULT;
        boolean ssl = false;
        boolean linger = false;
        boolean defaults = false;
        String comment = "";
        while (a.hasNext()) {
            String word = a.next("a connect option");
            switch (word) {
                case "port" -> port = a.port("a port to check");
                case "ssl" -> ssl = true;
                case "linger" -> linger = true;
                case "default" -> defaults = true;
                case "comment" -> comment = a.next("a comment");
                case "addr", "send-proxy", "via-socks4", "sni", "alpn", "proto" -> throw a.fail(
                        "'" + word + "' is not supported by bramble; it connects to the "
                                + "server's address with port, ssl, linger and default");
                default -> throw a.unexpected("port, ssl, linger, default or comment", word);
            }
        }
        return new Connect(port, ssl, linger, defaults, comment);
    }

    /** {@code send STRING [comment TEXT]} or {@code send-binary HEX [comment TEXT]}. */
    private static Send send(Args a, boolean binary) {
        String data = a.next(binary ? "bytes in hexadecimal" : "the text to send");
        if (binary) {
            data = hexBytes(a, data);
        } else if (data.chars().anyMatch(c -> c > 0xff)) {
            throw a.fail("the text to send holds a character above \\xff");
        }
        String comment = comment(a);
        a.end();
        return new Send(data, Send.NO_TIME, comment);
    }

    private static String comment(Args a) {
        return a.nextIf("comment") ? a.next("a comment") : "";
    }

    private static String hexBytes(Args a, String digits) {
        try {
            byte[] bytes = HexFormat.of().parseHex(digits);
            if (bytes.length == 0) {
                throw a.unexpected("bytes in hexadecimal such as 2A310D0A", digits);
            }
            return ProtocolCheckScripts.hex(digits);
        } catch (IllegalArgumentException e) {
            throw a.unexpected("bytes in hexadecimal such as 2A310D0A (two digits a byte)",
                    digits);
        }
    }

    /**
     * {@code expect [min-recv N] [comment T] [ok-status S] [error-status S] [tout-status S]
     * [on-success TEXT] [on-error TEXT] [!] string|rstring|binary|rbinary PATTERN}.
     */
    private static Expect expect(Args a) {
        int minRecv = Expect.MIN_RECV_NONE;
        String comment = "";
        String ok = ExpectStatus.DEFAULT.ok();
        String error = ExpectStatus.DEFAULT.error();
        String timeout = ExpectStatus.DEFAULT.timeout();
        String onSuccess = "";
        String onError = "";
        boolean negated = false;
        TcpCheckMatch match = null;
        String pattern = null;
        while (a.hasNext()) {
            String word = a.next("an expect option or what to expect");
            switch (word) {
                case "min-recv" -> minRecv = a.integer("a byte count", -1,
                        HttpCheckConfig.RESPONSE_BYTES_MAX);
                case "comment" -> comment = a.next("a comment");
                case "ok-status" -> ok = status(a, OK_STATUSES);
                case "error-status" -> error = status(a, ERROR_STATUSES);
                case "tout-status" -> timeout = status(a, TIMEOUT_STATUSES);
                case "on-success" -> onSuccess = checkText(a, "a description");
                case "on-error" -> onError = checkText(a, "a description");
                case "status-code" -> throw a.fail("'status-code' is not supported by bramble: "
                        + "its checks report no code for tcp-check steps");
                case "!" -> negated = true;
                case "string", "rstring", "binary", "rbinary" -> {
                    if (match != null) {
                        throw a.fail("one pattern per 'tcp-check expect'");
                    }
                    match = TcpCheckMatch.valueOf(word.toUpperCase(java.util.Locale.ROOT));
                    pattern = pattern(a, match);
                }
                case "string-lf", "binary-lf" -> throw a.fail("'" + word + "' is not supported: "
                        + LOG_FORMAT);
                default -> {
                    if (word.startsWith("!") && word.length() > 1) {
                        throw a.unexpected("'!' as a word of its own", word);
                    }
                    throw a.unexpected("string, rstring, binary or rbinary, or min-recv, "
                            + "comment, ok-status, error-status, tout-status, on-success, "
                            + "on-error", word);
                }
            }
        }
        if (match == null) {
            throw a.fail("expected string, rstring, binary or rbinary and a pattern");
        }
        return new Expect(negated, match, pattern, minRecv, new ExpectStatus(ok, error,
                timeout), onSuccess, onError, comment);
    }

    private static String pattern(Args a, TcpCheckMatch match) {
        String pattern = a.next("a pattern");
        switch (match) {
            case RSTRING, RBINARY -> OptionKeywords.compile(a, pattern);
            case BINARY -> hexBytes(a, pattern);
            default -> {
            }
        }
        return pattern;
    }

    private static String status(Args a, Set<String> allowed) {
        String word = a.next("a check status");
        if (word.equals("L7OKC")) {
            throw a.fail("'L7OKC' is not supported by bramble: a check passes or fails");
        }
        if (!allowed.contains(word)) {
            throw a.unexpected("one of " + String.join(", ", new java.util.TreeSet<>(allowed)),
                    word);
        }
        return word;
    }

    /**
     * A check's log-format string ({@code hdr} value, {@code on-success}, {@code on-error}):
     * its text, {@code %%} as {@code %}; tags and sample expressions are refused.
     */
    private static String checkText(Args a, String what) {
        return RuleKeywords.logFormat(a, a.next(what), RuleStage.CHECK).constantText();
    }

    /** A {@code body}: plain text, which a log-format expression is not taken for. */
    private static String plainText(Args a) {
        String text = a.next("a body");
        if (text.contains("%[") || text.contains("%{")) {
            throw a.fail("the sample expressions in " + Args.quote(text) + " are not "
                    + "supported: " + LOG_FORMAT);
        }
        return text;
    }

    /** {@code option mysql-check [user NAME [post-41|pre-41]]}. */
    private static void mysql(ProxySection s, Args a) {
        String user = null;
        boolean post41 = true;
        if (a.hasNext()) {
            String word = a.next("user");
            if (!word.equals("user")) {
                throw a.unexpected("'user NAME'", word);
            }
            user = a.next("a MySQL user name");
            if (a.hasNext()) {
                post41 = a.choice("post-41 or pre-41", "post-41", "pre-41").equals("post-41");
            }
        }
        a.end();
        useScript(s, ProtocolCheckScripts.mysql(user, post41));
    }

    /** {@code option pgsql-check user NAME}. */
    private static void pgsql(ProxySection s, Args a) {
        String word = a.next("'user NAME'");
        if (!word.equals("user")) {
            throw a.unexpected("'user NAME'", word);
        }
        String user = a.next("a PostgreSQL user name");
        a.end();
        useScript(s, ProtocolCheckScripts.pgsql(user));
    }

    /** {@code option smtpchk [HELO|EHLO DOMAIN]}: anything else sends HELO localhost. */
    private static void smtp(ProxySection s, Args a) {
        List<String> words = new ArrayList<>(a.rest());
        if (words.size() > 2) {
            throw a.fail("expected at most HELO|EHLO DOMAIN, got " + words.size() + " words");
        }
        String command = "HELO localhost";
        if (words.size() == 2 && (words.get(0).equals("HELO") || words.get(0).equals("EHLO"))) {
            command = words.get(0) + " " + words.get(1);
        } else if (!words.isEmpty()) {
            a.warning("HAProxy sends 'HELO localhost' unless the option reads HELO or EHLO "
                    + "and a domain; so does bramble");
        }
        useScript(s, ProtocolCheckScripts.smtp(command));
    }

    /** {@code http-check send [meth M] [uri U] [ver V] [hdr NAME VALUE]... [body TEXT]}. */
    private static void httpSend(ProxySection s, Args a) {
        Optional<String> method = Optional.empty();
        Optional<String> uri = Optional.empty();
        Optional<String> version = Optional.empty();
        List<HttpCheckConfig.Header> headers = new ArrayList<>();
        String body = "";
        while (a.hasNext()) {
            String word = a.next("a send option");
            switch (word) {
                case "meth" -> method = Optional.of(OptionKeywords.checkMethod(a));
                case "uri" -> uri = Optional.of(OptionKeywords.checkUri(a, a.next("a URI")));
                case "ver" -> version = Optional.of(OptionKeywords.checkVersion(a, a.next(
                        "HTTP/1.0 or HTTP/1.1")));
                case "hdr" -> headers.add(new HttpCheckConfig.Header(RuleKeywords.headerName(a),
                        checkText(a, "a header value")));
                case "body" -> body = plainText(a);
                case "comment" -> a.next("a comment");
                case "uri-lf", "body-lf" -> throw a.fail("'" + word + "' is not supported: "
                        + LOG_FORMAT);
                default -> throw a.unexpected("meth, uri, ver, hdr, body or comment", word);
            }
        }
        s.ownHttpCheckRules();
        if (s.httpCheckSend.isPresent()) {
            throw a.fail("a second 'http-check send' is a second request; bramble's HTTP "
                    + "check is one request on one connection");
        }
        s.httpCheckSend = Optional.of(new HttpCheckSend(method, uri, version, headers, body));
    }
}
