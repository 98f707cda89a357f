package io.bramble.web.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.ManualClock;
import io.bramble.web.http.TextPageHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server of pages: one path answered with a text made for each request. */
class PageServerTest {
    private static final String TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final AtomicInteger made = new AtomicInteger();
    private final HttpClient client = HttpClient.newHttpClient();
    private WebServer server;

    @BeforeEach
    void start() {
        server = WebServer.startPages(WebServerConfig.pages(new InetSocketAddress("127.0.0.1",
                0), 4),
                () -> new TextPageHandler("/metrics", TYPE, () -> "page " + made
                        .incrementAndGet() + "\n", new ManualClock()));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://" + WebServer.show(server
                .boundAddress()) + path)).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void getsTheTextMadeAfreshForEachRequest() throws Exception {
        HttpResponse<String> first = send("GET", "/metrics");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("content-type")).hasValue(TYPE);
        assertThat(first.body()).isEqualTo("page 1\n");
        assertThat(send("GET", "/metrics?name=x").body()).isEqualTo("page 2\n");
        assertThat(server.root()).isNull();
    }

    @Test
    void headHasTheLengthAndNoBody() throws Exception {
        HttpResponse<String> head = send("HEAD", "/metrics");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("content-length")).hasValue("7");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void otherPathsAreNotFoundAndOtherMethodsNotAllowed() throws Exception {
        assertThat(send("GET", "/").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/metrics/x").statusCode()).isEqualTo(404);
        HttpResponse<String> post = send("POST", "/metrics");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
        assertThat(made.get()).isZero();
    }
}
