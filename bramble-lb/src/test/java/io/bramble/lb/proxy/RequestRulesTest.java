package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.lb.acl.AclSet;
import io.bramble.lb.config.ConfigLocation;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.HttpRequestAction;
import io.bramble.lb.config.HttpRequestRule;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.RedirectRule;
import io.bramble.lb.format.LogFormatString;
import io.bramble.lb.format.RuleStage;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Redirects and header rules on one request, each expected Location being the one HAProxy
 * 2.6.12 sent for the same rule and request.
 */
class RequestRulesTest {
    private static final String HOST = "127.0.0.1:27823";

    private static RequestView request(String target, String... headers) {
        DefaultHttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1,
                HttpMethod.GET, target);
        for (int i = 0; i < headers.length; i += 2) {
            request.headers().add(headers[i], headers[i + 1]);
        }
        return new RequestView(request, new InetSocketAddress("127.0.0.1", 40000),
                new InetSocketAddress("127.0.0.1", 27823), false, "vm", "fe");
    }

    private static LogFormatString format(String text) {
        return LogFormatString.parse(text, RuleStage.REQUEST, w -> {
        });
    }

    /** An {@code http-request redirect} rule: its target is a log-format string. */
    private static RedirectRule rule(RedirectRule.Kind kind, String target, String... options) {
        return redirect(kind, format(target), options);
    }

    /** A {@code redirect} line: its target is taken as written. */
    private static RedirectRule line(RedirectRule.Kind kind, String target, String... options) {
        return redirect(kind, LogFormatString.literal(target), options);
    }

    private static RedirectRule redirect(RedirectRule.Kind kind, LogFormatString target,
            String... options) {
        return redirect(kind, target, 302, options);
    }

    private static RedirectRule redirect(RedirectRule.Kind kind, LogFormatString target,
            int status, String... options) {
        java.util.List<String> set = java.util.List.of(options);
        return new RedirectRule(kind, target, status, set.contains("drop-query"),
                set.contains("append-slash"), set.contains("ignore-empty"), Optional.empty(),
                ConfigLocation.NONE);
    }

    private static String location(RedirectRule rule, RequestView request) {
        FullHttpResponse response = RequestRules.redirect(rule, request);
        return response == null ? null : response.headers().get("location");
    }

    @Test
    void prefixesKeepTheirSlashUnlessTheyAreASlashWrittenAlone() {
        RedirectRule.Kind prefix = RedirectRule.Kind.PREFIX;
        assertThat(location(line(prefix, "/foo/"), request("/lit/x", "Host", HOST)))
                .isEqualTo("/foo//lit/x");
        assertThat(location(line(prefix, "/"), request("/c/x", "Host", HOST)))
                .isEqualTo("/c/x");
        assertThat(location(rule(prefix, "/"), request("/slash/x?y", "Host", HOST)))
                .isEqualTo("/slash/x?y");
        assertThat(location(rule(prefix, "%[req.hdr(x-s)]"), request("/dyn/x", "X-S", "/")))
                .isEqualTo("//dyn/x");
        assertThat(location(rule(prefix, "/pre%[req.hdr(x-r)]"), request("/pfx/a?q=1", "X-R",
                "a%0Ab c"))).isEqualTo("/prea%0Ab c/pfx/a?q=1");
    }

    @Test
    void appendSlashLooksAtTheWholeLocationQueryIncluded() {
        RedirectRule.Kind prefix = RedirectRule.Kind.PREFIX;
        assertThat(location(rule(prefix, "/p", "append-slash"), request("/c/x?q=1")))
                .isEqualTo("/p/c/x?q=1/");
        assertThat(location(rule(prefix, "/p", "append-slash"), request("/c/x")))
                .isEqualTo("/p/c/x/");
        RedirectRule.Kind scheme = RedirectRule.Kind.SCHEME;
        assertThat(location(rule(scheme, "https", "drop-query", "append-slash"), request(
                "/a/x?q=1", "Host", HOST))).isEqualTo("https://" + HOST + "/a/x/");
        assertThat(location(rule(scheme, "https", "drop-query", "append-slash"), request(
                "/a/y/?q", "Host", HOST))).isEqualTo("https://" + HOST + "/a/y/");
        assertThat(location(rule(RedirectRule.Kind.LOCATION, "/l", "drop-query",
                "append-slash"), request("/d/x?q"))).isEqualTo("/l");
    }

    @Test
    void schemesTakeTheFirstHostAndThePathOnly() {
        RedirectRule https = rule(RedirectRule.Kind.SCHEME, "https");
        assertThat(location(https, request("/b/x?q=1", "Host", HOST)))
                .isEqualTo("https://" + HOST + "/b/x?q=1");
        assertThat(location(https, request("*", "Host", "h"))).isEqualTo("https://h/");
        assertThat(location(https, request("/b/z"))).isEqualTo("https:///b/z");
        assertThat(location(https, request("http://h2/b/z?k", "Host", "h2")))
                .isEqualTo("https://h2/b/z?k");
        assertThat(location(rule(RedirectRule.Kind.SCHEME, "https%[req.hdr(x-none)]",
                "ignore-empty"), request("/sign", "Host", HOST)))
                .isEqualTo("https://" + HOST + "/sign");
    }

    @Test
    void locationsRenderTheirTagsAndIgnoreEmptySkipsAnEmptyOne() {
        RedirectRule.Kind location = RedirectRule.Kind.LOCATION;
        assertThat(location(rule(location, "/r/%[req.hdr(x-r),url_dec]/%[src]"), request("/redir",
                "X-R", "a%0Ab c"))).isEqualTo("/r/a%0Ab c/127.0.0.1");
        assertThat(location(rule(location, "%HU|%[url]"), request("/uri?a=\"b")))
                .isEqualTo("/uri?a=#22b|/uri?a=\"b");
        assertThat(location(rule(location, "%[req.hdr(x-none)]", "ignore-empty"), request(
                "/ign"))).isNull();
        assertThat(location(rule(location, "%[req.hdr(x-none)]"), request("/noign")))
                .isEmpty();
        assertThat(location(line(location, "/%[src]%%"), request("/a"))).isEqualTo(
                "/%[src]%%");
    }

    @Test
    void temporaryRedirectsAreMarkedNotToBeCached() {
        for (int status : new int[]{301, 302, 303, 307, 308}) {
            FullHttpResponse response = RequestRules.redirect(redirect(RedirectRule.Kind.LOCATION,
                    LogFormatString.literal("/a"), status), request("/" + status));
            assertThat(response.status().code()).isEqualTo(status);
            assertThat(response.headers().get("cache-control")).as("status %d", status)
                    .isEqualTo(status == 301 || status == 308 ? null : "no-cache");
        }
    }

    @Test
    void aValueLongerThanARequestHeadAnswers500() {
        ProxyConfig.Builder builder = TestConfigs.listen("fe");
        builder.requestRules.add(new HttpRequestRule(new HttpRequestAction.SetHeader("X-Big",
                format("%[req.hdr(x-b),base64]".repeat(12))), Optional.empty(),
                ConfigLocation.NONE));
        ProxyConfig config = builder.build();
        RequestRules rules = new RequestRules(config, new AclSet(config.acls()));
        ErrorPages pages = new ErrorPages(Map.of());
        RequestView fits = request("/", "X-B", "a".repeat(900));
        assertThat(rules.apply(fits, pages, () -> null)).isNull();
        assertThat(fits.requestHeaderValues("x-big").get(0)).hasSize(12 * 1200);
        FullHttpResponse refused = rules.apply(request("/", "X-B", "a".repeat(1200)), pages,
                () -> null);
        assertThat(refused.status().code()).isEqualTo(500);
    }

    @Test
    void usePrometheusExporterAnswersWithTheExportersTextAndEndsTheRules() {
        ProxyConfig config = new HaproxyConfigParser(Map.of(), true).parse("lb.cfg", """
                frontend fe
                    bind :80
                    http-request use-service prometheus-exporter if { path /metrics }
                    http-request set-header X-After yes
                    default_backend app
                backend app
                    server s 127.0.0.1:81
                """).frontends().getFirst();
        RequestRules rules = new RequestRules(config, new AclSet(config.acls()));
        ErrorPages pages = new ErrorPages(Map.of());
        FullHttpResponse exported = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.OK);
        RequestView metrics = request("/metrics");
        assertThat(rules.apply(metrics, pages, () -> exported)).isSameAs(exported);
        assertThat(metrics.requestHeaderValues("x-after")).isEmpty();
        RequestView other = request("/app");
        assertThat(rules.apply(other, pages, () -> exported)).isNull();
        assertThat(other.requestHeaderValues("x-after")).containsExactly("yes");
    }
}
