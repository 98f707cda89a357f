package io.bramble.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.bramble.common.config.ConfigException;
import io.bramble.common.config.Diagnostic;
import io.bramble.common.net.HostPort;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Small files HAProxy 2.6 reads ({@code haproxy -c}), each checked for what bramble makes of
 * it: the same meaning, HAProxy's warning, or one precise error and no second one caused by
 * the first.
 */
class HaproxySyntaxTest {
    private static final String HTTP_DEFAULTS = """
            defaults
                mode http
                timeout connect 1s
                timeout client 1s
                timeout server 1s
            """;

    private static LbConfig parse(String text) {
        return parse(Map.of(), text);
    }

    private static LbConfig parse(Map<String, String> environment, String text) {
        return new HaproxyConfigParser(environment, true, path -> OptionalLong.of(100))
                .parse("t.cfg", text);
    }

    /** Every message of a file that has errors, as printed. */
    private static List<String> messages(String text) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(text));
        assertThat(e).as("errors expected").isNotNull();
        return e.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void aBlankAfterTheNegationMarkNegatesTheNextAclOrAnonymousAcl() {
        LbConfig config = parse(HTTP_DEFAULTS + """
                frontend f
                    bind :8080
                    acl admin path_beg /admin
                    http-request deny if ! admin
                    http-request deny if ! { path /y } admin
                    http-request deny if !admin
                    default_backend b
                backend b
                    server s 127.0.0.1:80
                """);
        List<HttpRequestRule> rules = config.proxies().getFirst().requestRules();
        assertThat(rules.get(0).condition().orElseThrow().alternatives())
                .containsExactly(List.of(new AclTerm("admin", true)));
        assertThat(rules.get(1).condition().orElseThrow().alternatives().getFirst())
                .extracting(AclTerm::negated).containsExactly(true, false);
        assertThat(rules.get(2).condition()).isEqualTo(rules.get(0).condition()
                .map(c -> new Condition(c.unless(), c.alternatives(), rules.get(2).condition()
                        .orElseThrow().location())));
    }

    @Test
    void aFrontendWithoutBindIsAWarningAsInHaproxy() {
        LbConfig config = parse(HTTP_DEFAULTS + """
                frontend quiet
                    default_backend b
                listen old
                    server s 127.0.0.1:80
                backend b
                    server s 127.0.0.1:80
                """);
        assertThat(config.warnings()).containsExactly(
                "t.cfg:6: frontend: warning: 'quiet' has no 'bind' line, so it receives no "
                        + "traffic; declare it as a backend if that was intended",
                "t.cfg:8: listen: warning: 'old' has no 'bind' line, so it receives no "
                        + "traffic; declare it as a backend if that was intended");
    }

    @Test
    void aRefusedBindIsOneErrorWithoutAWordAboutListeningNowhere() {
        assertThat(messages(HTTP_DEFAULTS + """
                frontend f
                    bind :8443 ssl crt site.pem npn http/1.1
                    default_backend b
                backend b
                    server s 127.0.0.1:80
                """)).containsExactly("t.cfg:7: bind: option 'npn' is not supported by bramble");
        assertThat(messages(HTTP_DEFAULTS + """
                listen old unix@/run/x.sock
                    server s 127.0.0.1:80
                """)).containsExactly("t.cfg:6: listen: bind address 'unix@/run/x.sock' is a "
                + "unix socket, which bramble does not support; use ADDRESS:PORT");
    }

    @Test
    void anIpv6AddressWithoutBracketsTakesItsPortAfterTheLastColon() {
        LbConfig config = parse(HTTP_DEFAULTS + """
                frontend f
                    bind :::8080
                    bind 2001:db8::1:8081,ipv4@127.0.0.1:8082
                    default_backend b
                backend b
                    server s1 ::1:80
                    server s2 ipv6@[::1]:81
                """);
        assertThat(config.proxies().getFirst().binds()).extracting(b -> b.address())
                .containsExactly(new HostPort("::", 8080), new HostPort("2001:db8::1", 8081),
                        new HostPort("127.0.0.1", 8082));
        assertThat(config.proxies().getFirst().binds().getFirst().address().isAnyAddress())
                .isTrue();
        assertThat(config.proxies().get(1).servers()).extracting(ServerConfig::address)
                .containsExactly(new HostPort("::1", 80), new HostPort("::1", 81));
    }

    @Test
    void serverAddressesBrambleCannotUseAreNamedPrecisely() {
        assertThat(messages(HTTP_DEFAULTS + """
                backend b
                    server s1 10.0.0.1
                    server s2 web.local: check
                    server s3 abns@app
                    server s4 10.0.0.1:+1
                    server s5 /run/app.sock
                    server s6 10.0.0.1:http
                """)).containsExactly(
                "t.cfg:8: server: server 's2' has neither a port nor a check port; add "
                        + "'port N' to its line",
                "t.cfg:9: server: server address 'abns@app' is an abstract unix socket "
                        + "(abns@), which bramble does not support; use ADDRESS:PORT",
                "t.cfg:10: server: server address '10.0.0.1:+1': a port relative to "
                        + "the client's (+1) is not supported by bramble; write "
                        + "ADDRESS:PORT",
                "t.cfg:11: server: server address '/run/app.sock' is a unix socket, "
                        + "which bramble does not support; use ADDRESS:PORT",
                "t.cfg:12: server: expected a server address (ADDRESS:PORT such as "
                        + "127.0.0.1:8080, web1.local:80 or [::1]:80), got "
                        + "'10.0.0.1:http'");
    }

    @Test
    void maxconnInABackendIsIgnoredWithAWarningAsInHaproxy() {
        LbConfig config = parse(HTTP_DEFAULTS + """
                frontend f
                    bind :8080
                    default_backend b
                backend b
                    maxconn 10
                    server s 127.0.0.1:80
                """);
        assertThat(config.warnings()).singleElement().asString().startsWith(
                "t.cfg:10: maxconn: warning: ignored in a backend section");
        assertThat(config.proxies().get(1).maxconn()).isEqualTo(
                config.proxies().getFirst().maxconn());
    }

    @Test
    void aRefusedAclIsOneErrorNotASecondOneWhereARuleNamesIt() {
        assertThat(messages(HTTP_DEFAULTS + """
                frontend f
                    bind :8080
                    acl limited sc_tracked(0)
                    http-request deny if limited
                    use_backend b if !limited || missing
                    default_backend b
                backend b
                    server s 127.0.0.1:80
                """)).containsExactly(
                "t.cfg:8: acl: fetch 'sc_tracked(0)' is not supported by bramble; its "
                        + "stick counter fetches read bytes_in_rate, bytes_out_rate, "
                        + "conn_cnt, conn_cur, conn_rate, get_gpc0, get_gpt0, gpc0_rate, "
                        + "http_err_cnt, http_err_rate, http_req_cnt, http_req_rate, inc_gpc0, "
                        + "sess_cnt, sess_rate",
                "t.cfg:10: use_backend: no ACL named 'missing' in this section; declare "
                        + "it above with 'acl missing ...'");
    }

    @Test
    void noOptionIsNeverAnsweredWithTheOptionItself() {
        LbConfig config = parse(HTTP_DEFAULTS + """
                    no option nolinger
                listen l
                    bind :8080
                    server s 127.0.0.1:80
                """);
        assertThat(config.warnings()).containsExactly("t.cfg:6: no option nolinger: "
                + "warning: bramble does not implement 'option nolinger', so it is "
                + "off, as this line asks");
        assertThat(messages(HTTP_DEFAULTS + "    no option http-keep-alve\n"))
                .containsExactly("t.cfg:6: no option http-keep-alve: unknown keyword in a proxy "
                        + "section; did you mean 'no option http-keep-alive'?");
        assertThat(messages(HTTP_DEFAULTS + "    no option frobnicate\n"))
                .containsExactly("t.cfg:6: no option frobnicate: unknown keyword in a proxy "
                        + "section");
    }

    @Test
    void actionsWithAnArgumentInParenthesesAreNamedAsNotSupported() {
        assertThat(messages(HTTP_DEFAULTS + """
                frontend f
                    bind :8080
                    http-request set-priority-class(1)
                    http-request sc-inc-gpc1(0)
                    http-request lua.foo
                    http-response sc-inc-gpc0(0)
                    http-request frobnicate(1)
                    default_backend b
                backend b
                    server s 127.0.0.1:80
                """)).containsExactly(
                "t.cfg:8: http-request set-priority-class(1): not supported by bramble",
                "t.cfg:9: http-request sc-inc-gpc1(0): not supported by bramble; "
                        + "bramble's stick counters take track-sc0..2, sc-inc-gpc0(0..2) and "
                        + "sc-set-gpt0(0..2) in http-request rules, track-sc0..2 in "
                        + "tcp-request rules",
                "t.cfg:10: http-request lua.foo: not supported by bramble; bramble has "
                        + "no Lua engine",
                "t.cfg:11: http-response sc-inc-gpc0(0): not supported by bramble; "
                        + "bramble's stick counters take track-sc0..2, sc-inc-gpc0(0..2) and "
                        + "sc-set-gpt0(0..2) in http-request rules, track-sc0..2 in "
                        + "tcp-request rules",
                "t.cfg:12: http-request frobnicate(1): unknown keyword in a proxy "
                        + "section");
    }

    @Test
    void conditionalBlocksKeepOnlyTheBranchTaken() {
        LbConfig config = parse(Map.of("WITH_SSL", "no"), """
                .if version_atleast(2.4)
                global
                    maxconn 100
                .else
                global
                    this line is never read "${UNSET}
                .endif
                .if streq("$WITH_SSL",yes)
                    .if feature(OPENSSL)
                listen unused
                    .endif
                .elif defined(WITH_SSL) && !feature(LUA)
                listen web
                    bind :8080
                    .if 0
                    lua-load /etc/x.lua
                    .warning "never shown"
                    .elif 1
                    server s 127.0.0.1:80
                    .else
                    server t 127.0.0.1:81
                    .endif
                .else
                    .alert "not here either"
                .endif
                .warning "migrating: check the TLS settings"
                """);
        assertThat(config.global().maxconn()).isEqualTo(100);
        assertThat(config.proxies()).extracting(ProxyConfig::name).containsExactly("web");
        assertThat(config.proxies().getFirst().servers()).extracting(ServerConfig::name)
                .containsExactly("s");
        assertThat(config.warnings()).containsExactly(
                "t.cfg:26: .warning: warning: migrating: check the TLS settings");
    }

    @Test
    void conditionalBlockMistakesAreErrors() {
        assertThat(messages("""
                .if yes
                .endif
                .else
                .if 1
                .alert "SSL support is mandatory"
                .else
                .elif 1
                .endif
                .if 1
                global
                """)).containsExactly(
                "t.cfg:1: .if: cannot read the condition 'yes': expected a number, a "
                        + "predicate such as defined(NAME), '!' or '('",
                "t.cfg:3: .else: '.else' without '.if' above",
                "t.cfg:5: .alert: SSL support is mandatory",
                "t.cfg:7: .elif: '.elif' after '.else'",
                "t.cfg:9: .if: this '.if' has no '.endif'");
    }

    @Test
    void tuneKeywordsAreDecidedOneByOne() {
        LbConfig config = parse("""
                global
                    tune.bufsize 32768
                    tune.maxrewrite 1024
                    tune.ssl.default-dh-param 2048
                    tune.h2.max-concurrent-streams 100
                    tune.http.maxhdr 101
                    tune.bufsize 16384
                """);
        assertThat(config.warnings()).containsExactly(
                "t.cfg:2: tune.bufsize: warning: ignored: bramble reads request heads of up "
                        + "to 15 KiB, HAProxy's limit with its default size; request heads "
                        + "between 15 KiB and this size, which HAProxy would read, get 431",
                "t.cfg:3: tune.maxrewrite: warning: ignored: bramble keeps its own room for "
                        + "headers added by rules (the 15 KiB head limit is HAProxy's default "
                        + "one)",
                "t.cfg:4: tune.ssl.default-dh-param: warning: ignored: the JDK chooses the "
                        + "Diffie-Hellman parameters (2048 bits or more)",
                "t.cfg:5: tune.h2.max-concurrent-streams: warning: ignored: bramble does not "
                        + "speak HTTP/2",
                "t.cfg:6: tune.http.maxhdr: warning: the default; bramble applies the same "
                        + "limit",
                "t.cfg:7: tune.bufsize: warning: ignored: bramble reads request heads of up "
                        + "to 15 KiB, HAProxy's limit with its default size");
        assertThat(messages("""
                global
                    tune.http.maxhdr 200
                    tune.bufsize lots
                    tune.frobnicate 1
                """)).containsExactly(
                "t.cfg:2: tune.http.maxhdr: bramble forwards at most 100 header lines, "
                        + "as HAProxy does with its default of 101; another limit is "
                        + "not supported",
                "t.cfg:3: tune.bufsize: expected a buffer size (a size from 1k to 1g "
                        + "bytes; k, m and g suffixes allowed), got 'lots'",
                "t.cfg:4: tune.frobnicate: not supported by bramble; bramble sets it "
                        + "from docs/lb.md's list of tune.* keywords, and this one is "
                        + "not there");
    }

    @Test
    void theLimitsTuneMessagesStateAreTheEngines() {
        assertThat(TuneKeywords.HEAD_KIB * 1024).isEqualTo(
                io.bramble.lb.http1.RequestDecoder.HEAD_BYTES_MAX);
        assertThat(TuneKeywords.HEADER_LINES_MAX).isEqualTo(
                io.bramble.lb.limit.HeaderCountLimit.HEADERS_MAX);
    }

    @Test
    void httpSettingsInATcpProxyAreIgnoredWithHaproxysWarnings() {
        LbConfig config = parse("""
                defaults
                    timeout connect 1s
                    timeout client 1s
                    timeout server 1s
                listen st
                    mode tcp
                    bind :9000
                    stats enable
                    stats uri /s
                    server s 127.0.0.1:80
                frontend f
                    mode tcp
                    bind :9001
                    option httplog
                    default_backend b
                backend b
                    mode tcp
                    option forwardfor
                    server s 127.0.0.1:80
                """);
        assertThat(config.warnings()).containsExactly(
                "t.cfg:5: listen: warning: 'stats' ignored in 'st': the stats page needs mode "
                        + "http",
                "t.cfg:11: frontend: warning: 'option httplog' needs mode http; 'f' logs as "
                        + "with 'option tcplog', as HAProxy does",
                "t.cfg:16: backend: warning: 'option forwardfor' ignored in 'b': it needs mode "
                        + "http");
        assertThat(config.proxies().get(0).stats()).isEmpty();
        assertThat(config.proxies().get(1).log().format()).isEqualTo(LogFormat.TCP);
        assertThat(config.proxies().get(2).forwardFor()).isEmpty();
    }

    @Test
    void aFileWhoseLastLineHasNoLineFeedIsRefusedAsInHaproxy() {
        assertThat(messages("global\n    maxconn 100")).containsExactly("t.cfg:2: (end of "
                + "file): the last line has no line feed, so the file may have been cut short; "
                + "HAProxy 2.6 refuses it too: end the file with a new line");
    }

    @Test
    void anErrorfileThatCannotBeReadIsAnErrorAsInHaproxy() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> new HaproxyConfigParser(Map.of(), true, path -> OptionalLong.empty())
                        .parse("t.cfg", HTTP_DEFAULTS + "    errorfile 503 /none/503.http\n"));
        assertThat(e.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "t.cfg:6: errorfile: cannot read /none/503.http (HAProxy refuses the file too)");
    }
}
