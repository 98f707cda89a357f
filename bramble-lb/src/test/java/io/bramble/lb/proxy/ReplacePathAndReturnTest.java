package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.lb.acl.AclSet;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.ProxyConfig;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import org.junit.jupiter.api.Test;

/**
 * {@code http-request replace-path} and {@code http-request return}, each expected result
 * being what HAProxy 2.6.12 did with the same lines and requests.
 */
class ReplacePathAndReturnTest {
    private static final String RULES = """
            frontend fe
                bind :80
                http-request return status 200 content-type text/plain string "hello\\n" \
            hdr X-A "v %[path]" if { path /a }
                http-request return if { path /b }
                http-request return status 404 content-type "text/html; charset=utf-8" \
            lf-string "<p>%[path]</p>" if { path_beg /c }
                http-request replace-path /_api(/)?(.*) /\\2
                http-request return status 200 content-type text/plain lf-string \
            "%[path] %[query]" if { hdr(x-show) yes }
                default_backend app
            backend app
                server s 127.0.0.1:81
            """;

    private final ProxyConfig config = new HaproxyConfigParser(Map.of(), true).parse("lb.cfg",
            RULES).frontends().getFirst();
    private final RequestRules rules = new RequestRules(config, new AclSet(config.acls()));
    private final ErrorPages pages = new ErrorPages(Map.of());

    private FullHttpResponse apply(RequestView request) {
        return rules.apply(request, pages, () -> null);
    }

    private static RequestView request(String target) {
        return new RequestView(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                target), new InetSocketAddress("127.0.0.1", 40000),
                new InetSocketAddress("127.0.0.1", 80), false, "vm", "fe");
    }

    /** A request the last rule answers with its path and query, as the rules left them. */
    private static RequestView shown(String target) {
        RequestView view = request(target);
        view.request().headers().set("X-Show", "yes");
        return view;
    }

    private static List<String> headers(FullHttpResponse response) {
        return response.headers().entries().stream().map(Entry::getKey)
                .map(String::toLowerCase).toList();
    }

    @Test
    void returnAnswersWithItsStatusHeadersAndBody() {
        FullHttpResponse hello = apply(request("/a"));
        assertThat(hello.status().code()).isEqualTo(200);
        assertThat(headers(hello)).containsExactly("x-a", "content-length", "content-type");
        assertThat(hello.headers().get("x-a")).isEqualTo("v /a");
        assertThat(hello.headers().get("content-length")).isEqualTo("6");
        assertThat(hello.headers().get("content-type")).isEqualTo("text/plain");
        assertThat(hello.content().toString(StandardCharsets.UTF_8)).isEqualTo("hello\n");

        FullHttpResponse empty = apply(request("/b"));
        assertThat(empty.status().code()).isEqualTo(200);
        assertThat(headers(empty)).containsExactly("content-length");
        assertThat(empty.headers().get("content-length")).isEqualTo("0");

        FullHttpResponse page = apply(request("/c/x"));
        assertThat(page.status().code()).isEqualTo(404);
        assertThat(page.headers().get("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.content().toString(StandardCharsets.UTF_8)).isEqualTo("<p>/c/x</p>");
    }

    @Test
    void replacePathReplacesTheWholePathWhereTheRegexIsFoundAndKeepsTheQuery() {
        assertThat(body(apply(shown("/_api/foo/bar?q=1")))).isEqualTo("/foo/bar q=1");
        assertThat(body(apply(shown("/x/_api/y")))).isEqualTo("/y ");
        assertThat(body(apply(shown("/_apiz")))).isEqualTo("/z ");
        assertThat(body(apply(shown("/q/_api")))).isEqualTo("/ ");
        assertThat(body(apply(shown("/x/y?z")))).isEqualTo("/x/y z");
        RequestView forwarded = request("/_api/v1/items?all");
        assertThat(apply(forwarded)).isNull();
        assertThat(forwarded.uri()).isEqualTo("/v1/items?all");
        RequestView absolute = request("http://h:81/_api/v1?all");
        assertThat(apply(absolute)).isNull();
        assertThat(absolute.uri()).isEqualTo("http://h:81/v1?all");
    }

    private static String body(FullHttpResponse response) {
        return response.content().toString(StandardCharsets.UTF_8);
    }
}
