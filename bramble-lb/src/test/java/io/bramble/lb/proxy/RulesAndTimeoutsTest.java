package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.Clock;
import io.bramble.lb.config.AclConfig;
import io.bramble.lb.config.AclFetch;
import io.bramble.lb.config.AclMatch;
import io.bramble.lb.config.BackendRule;
import io.bramble.lb.config.Condition;
import io.bramble.lb.config.ConfigLocation;
import io.bramble.lb.config.HttpRequestAction;
import io.bramble.lb.config.HttpRequestRule;
import io.bramble.lb.config.HttpResponseAction;
import io.bramble.lb.config.HttpResponseRule;
import io.bramble.lb.config.LbConfig;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.ProxyKind;
import io.bramble.lb.config.ProxyMode;
import io.bramble.lb.config.RedirectRule;
import io.bramble.lb.config.ServerOptions;
import io.bramble.lb.config.Timeouts;
import io.bramble.lb.format.LogFormatString;
import io.bramble.lb.format.RuleStage;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RulesAndTimeoutsTest {
    private final TestResources resources = new TestResources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    private TestBackend backend(String name) throws Exception {
        return resources.backend(name);
    }

    private int start(ProxyConfig.Builder... proxies) {
        LbConfig config = TestConfigs.of(proxies);
        LoadBalancer balancer = LoadBalancer.start(config, Clock.system(),
                new SplittableRandom(3), "test");
        resources.add(balancer);
        return balancer.boundAddresses().get(0).getPort();
    }

    private static LogFormatString requestFormat(String text) {
        return LogFormatString.parse(text, RuleStage.REQUEST, w -> {
        });
    }

    private static Condition ifAcl(String name) {
        return Condition.ifAcl(name);
    }

    @Test
    void aclsRouteDenyRedirectAndRewriteHeaders() throws Exception {
        TestBackend app = backend("app");
        TestBackend statics = backend("static");
        ProxyConfig.Builder front = ProxyConfig.builder("main", ProxyKind.FRONTEND,
                ConfigLocation.NONE);
        front.mode = ProxyMode.HTTP;
        front.binds.add(new io.bramble.lb.config.BindConfig(
                new io.bramble.common.net.HostPort("127.0.0.1", 1), ConfigLocation.NONE));
        front.acls.add(new AclConfig("url_static", AclFetch.PATH, Optional.empty(),
                AclMatch.BEGINS, List.of("/static", "/images"), true, ConfigLocation.NONE));
        front.acls.add(new AclConfig("secret", AclFetch.PATH, Optional.empty(), AclMatch.BEGINS,
                List.of("/admin"), false, ConfigLocation.NONE));
        front.acls.add(new AclConfig("old", AclFetch.PATH, Optional.empty(), AclMatch.EXACT,
                List.of("/old"), false, ConfigLocation.NONE));
        front.requestRules.add(new HttpRequestRule(new HttpRequestAction.Deny(403),
                Optional.of(ifAcl("secret")), ConfigLocation.NONE));
        front.requestRules.add(new HttpRequestRule(
                new HttpRequestAction.SetHeader("X-Client", requestFormat("%[src]")),
                Optional.empty(),
                ConfigLocation.NONE));
        front.requestRules.add(new HttpRequestRule(new HttpRequestAction.DelHeader("X-Drop"),
                Optional.empty(), ConfigLocation.NONE));
        front.redirects.add(new RedirectRule(RedirectRule.Kind.LOCATION,
                LogFormatString.literal("/new"), 301, false, false, false,
                Optional.of(ifAcl("old")), ConfigLocation.NONE));
        front.backendRules.add(new BackendRule("static", ifAcl("url_static"),
                ConfigLocation.NONE));
        front.defaultBackend = Optional.of("app");
        front.responseRules.add(new HttpResponseRule(
                new HttpResponseAction.SetHeader("X-Served", LogFormatString.literal("bramble")),
                Optional.empty(),
                ConfigLocation.NONE));
        ProxyConfig.Builder appBackend = ProxyConfig.builder("app", ProxyKind.BACKEND,
                ConfigLocation.NONE);
        appBackend.mode = ProxyMode.HTTP;
        TestConfigs.server(appBackend, app, ServerOptions.DEFAULTS);
        ProxyConfig.Builder staticBackend = ProxyConfig.builder("static", ProxyKind.BACKEND,
                ConfigLocation.NONE);
        staticBackend.mode = ProxyMode.HTTP;
        TestConfigs.server(staticBackend, statics, ServerOptions.DEFAULTS);
        int port = start(front, appBackend, staticBackend);

        assertThat(get(port, "/IMAGES/logo.png", "")).contains("static GET");
        assertThat(get(port, "/index.html", "X-Drop: yes\r\n")).contains("app GET")
                .contains("X-Served: bramble");
        assertThat(app.seenHeaders.get(0).get("X-client")).containsExactly("127.0.0.1");
        assertThat(app.seenHeaders.get(0)).doesNotContainKey("X-drop");
        assertThat(get(port, "/admin/users", "")).startsWith("HTTP/1.1 403");
        assertThat(get(port, "/old", "")).startsWith("HTTP/1.1 301")
                .contains("location: /new");
        assertThat(app.requests.get() + statics.requests.get()).isEqualTo(2);
    }

    @Test
    void headerValuesRenderTheirLogFormatTags() throws Exception {
        TestBackend app = backend("app");
        app.responseHeaders.put("X-Res", "From-Server");
        ProxyConfig.Builder farm = TestConfigs.listen("farm");
        TestConfigs.server(farm, app, ServerOptions.DEFAULTS);
        requestRule(farm, "X-Client", "%[src]:%[src_port]");
        requestRule(farm, "X-Where", "%ci:%cp->%fi:%fp %H %f/%b %[ssl_fc]");
        requestRule(farm, "X-Host", "%[req.hdr(host),upper]|%[hdr(x-tag,1)]|%[hdr(x-tag)]");
        requestRule(farm, "X-Request", "%HM %HU %HV|%[path]|%[query,url_dec(1)]|%[base]");
        requestRule(farm, "X-Missing", "[%[req.hdr(x-none)]] 100%% sure");
        farm.responseRules.add(new HttpResponseRule(new HttpResponseAction.SetHeader("X-Echo",
                LogFormatString.parse("%[res.hdr(x-res),lower]|%[status]|%s|%b|%sp",
                        RuleStage.RESPONSE, w -> {
                        })),
                Optional.empty(), ConfigLocation.NONE));
        int port = start(farm);
        try (Socket client = new Socket()) {
            client.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            client.connect(new java.net.InetSocketAddress("127.0.0.1", port));
            client.setSoTimeout(10_000);
            client.getOutputStream().write(("GET /a/b?q=x+y HTTP/1.1\r\nHost: web.example\r\n"
                    + "X-Tag: one, two\r\nX-Tag: three\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(client.getInputStream().readAllBytes(),
                    StandardCharsets.ISO_8859_1);
            int clientPort = client.getLocalPort();
            Map<String, List<String>> seen = app.seenHeaders.get(0);
            assertThat(seen.get("X-client")).containsExactly("127.0.0.1:" + clientPort);
            assertThat(seen.get("X-where")).containsExactly("127.0.0.1:" + clientPort
                    + "->127.0.0.1:" + port + " " + InetAddress.getLocalHost().getHostName()
                    + " farm/farm 0");
            assertThat(seen.get("X-host")).containsExactly("WEB.EXAMPLE|one|three");
            assertThat(seen.get("X-request")).containsExactly(
                    "GET /a/b?q=x+y HTTP/1.1|/a/b|q=x y|web.example/a/b");
            assertThat(seen.get("X-missing")).containsExactly("[] 100% sure");
            assertThat(answer).contains("X-Echo: from-server|200|app|farm|" + app.port + "\r\n");
        }
    }

    @Test
    void aResponseRuleValueTooLongAnswers500() throws Exception {
        TestBackend app = backend("app");
        ProxyConfig.Builder farm = TestConfigs.listen("farm");
        TestConfigs.server(farm, app, ServerOptions.DEFAULTS);
        farm.responseRules.add(new HttpResponseRule(new HttpResponseAction.SetHeader("X-Copy",
                LogFormatString.parse("%[res.hdr(x-big)]".repeat(12), RuleStage.RESPONSE,
                        w -> {
                        })),
                Optional.empty(), ConfigLocation.NONE));
        int port = start(farm);
        app.responseHeaders.put("X-Big", "a".repeat(1300));
        assertThat(get(port, "/", "")).startsWith("HTTP/1.1 200").contains(
                "X-Copy: " + "a".repeat(12 * 1300) + "\r\n");
        app.responseHeaders.put("X-Big", "a".repeat(1400));
        assertThat(get(port, "/", "")).startsWith("HTTP/1.1 500").doesNotContain("X-Copy");
        assertThat(app.requests.get()).isEqualTo(2);
    }

    @Test
    void expectContinueIsRelayedBeforeTheBody() throws Exception {
        TestBackend app = backend("app");
        ProxyConfig.Builder farm = TestConfigs.listen("farm");
        TestConfigs.server(farm, app, ServerOptions.DEFAULTS);
        int port = start(farm);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                    + "Expect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(readHead(in)).startsWith("HTTP/1.1 100");
            out.write("hello".getBytes(StandardCharsets.US_ASCII));
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200");
            assertThat(new String(in.readNBytes("app POST 5\n".length()),
                    StandardCharsets.US_ASCII)).isEqualTo("app POST 5\n");
        }
    }

    @Test
    void aClientTooSlowToSendItsRequestGets408() throws Exception {
        TestBackend app = backend("app");
        ProxyConfig.Builder farm = TestConfigs.listen("farm");
        farm.timeouts = Timeouts.NONE.withHttpRequestMs(300).withClientMs(10_000);
        TestConfigs.server(farm, app, ServerOptions.DEFAULTS);
        int port = start(farm);
        try (Socket slow = new Socket("127.0.0.1", port)) {
            slow.setSoTimeout(10_000);
            slow.getOutputStream().write("GET / HTTP/1.1\r\nHost:".getBytes());
            String answer = new String(slow.getInputStream().readAllBytes(),
                    StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 408");
        }
        assertThat(get(port, "/", "")).contains("app GET");
        assertThat(app.requests.get()).isEqualTo(1);
    }

    private static void requestRule(ProxyConfig.Builder proxy, String header, String value) {
        proxy.requestRules.add(new HttpRequestRule(new HttpRequestAction.SetHeader(header,
                requestFormat(value)), Optional.empty(), ConfigLocation.NONE));
    }

    private static String get(int port, String path, String headers) throws Exception {
        return RawHttp.exchange(port, "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + headers
                + "Connection: close\r\n\r\n");
    }

    private static String readHead(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
