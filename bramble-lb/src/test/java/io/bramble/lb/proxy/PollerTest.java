package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.Clock;
import io.bramble.lb.config.ConfigLocation;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.LbConfig;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.ProxyMode;
import io.bramble.lb.config.ServerConfig;
import io.bramble.lb.config.ServerOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The proxy behaves the same on every poller: io_uring completes writes after the call that
 * made them returns, where epoll and NIO mostly write at once, so what is written just before
 * a close or a half-close must still arrive.
 */
class PollerTest {
    private final TestResources resources = new TestResources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    private LoadBalancer start(LbConfig config, Poller poller) {
        Assumptions.assumeTrue(poller.available(), poller.label() + " is not available here");
        LoadBalancer balancer = LoadBalancer.start(config, Clock.system(),
                new SplittableRandom(7), "test", FollowedAddresses.NONE, poller);
        resources.add(balancer);
        assertThat(balancer.poller()).isEqualTo(poller);
        return balancer;
    }

    private TestBackend backend(String name) throws Exception {
        return resources.backend(name);
    }

    private static int port(LoadBalancer balancer) {
        return balancer.boundAddresses().get(0).getPort();
    }

    @ParameterizedTest
    @EnumSource(Poller.class)
    void proxiesHttpKeptAliveAndClosed(Poller poller) throws Exception {
        TestBackend web1 = backend("web1");
        TestBackend web2 = backend("web2");
        ProxyConfig.Builder farm = TestConfigs.listen("webfarm");
        TestConfigs.server(farm, web1, ServerOptions.DEFAULTS);
        TestConfigs.server(farm, web2, ServerOptions.DEFAULTS);
        URI uri = URI.create("http://127.0.0.1:" + port(start(TestConfigs.of(farm), poller))
                + "/");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            bodies.add(http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers
                    .ofByteArray(new byte[100_000])).build(), HttpResponse.BodyHandlers
                            .ofString())
                    .body());
        }
        assertThat(bodies).containsExactly("web1 POST 100000\n", "web2 POST 100000\n",
                "web1 POST 100000\n", "web2 POST 100000\n");

        // The close follows the last write at once: all of the body must still arrive.
        try (Socket client = new Socket(uri.getHost(), uri.getPort())) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write(("GET /big/3000000 HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] all = client.getInputStream().readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            assertThat(text).startsWith("HTTP/1.1 200");
            assertThat(text).containsIgnoringCase("\r\ntransfer-encoding: chunked\r\n");
            assertThat(text).endsWith("\r\n0\r\n\r\n");
            assertThat(chunkedBodyBytes(text.substring(text.indexOf("\r\n\r\n") + 4)))
                    .isEqualTo(3_000_000);
        }
    }

    /** The payload length of a complete chunked body. */
    private static long chunkedBodyBytes(String body) {
        long total = 0;
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return total;
            }
            total += size;
            at = lineEnd + 2 + size + 2;
        }
    }

    @ParameterizedTest
    @EnumSource(Poller.class)
    void pipelinedRequestsInOneSegmentAreAnsweredInOrder(Poller poller) throws Exception {
        TestBackend web1 = backend("web1");
        ProxyConfig.Builder farm = TestConfigs.listen("webfarm");
        TestConfigs.server(farm, web1, ServerOptions.DEFAULTS);
        int port = port(start(TestConfigs.of(farm), poller));

        String answers = RawHttp.exchange(port, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                + "GET /c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(answers.split("HTTP/1.1 200 ", -1)).hasSize(4);
        assertThat(answers.indexOf("web1 GET 0")).isLessThan(answers.indexOf("web1 POST 5"));
        assertThat(answers.indexOf("web1 POST 5")).isLessThan(answers.lastIndexOf(
                "web1 GET 0"));
        assertThat(web1.requests.get()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Poller.class)
    void tcpTunnelPassesHalfClosesOnWithEverythingWrittenBefore(Poller poller)
            throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket socket = echo.accept()) {
                    byte[] all = socket.getInputStream().readAllBytes();
                    socket.getOutputStream().write(("got " + all.length).getBytes(
                            StandardCharsets.US_ASCII));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ProxyConfig.Builder tcp = TestConfigs.listen("db");
            tcp.mode = ProxyMode.TCP;
            tcp.servers.add(new ServerConfig("db1", new io.bramble.common.net.HostPort(
                    "127.0.0.1", echo.getLocalPort()), ServerOptions.DEFAULTS,
                    ConfigLocation.NONE));
            LoadBalancer balancer = start(TestConfigs.of(tcp), poller);
            try (Socket client = new Socket("127.0.0.1", port(balancer))) {
                client.setSoTimeout(10_000);
                OutputStream out = client.getOutputStream();
                out.write(new byte[1_000_000]);
                client.shutdownOutput();
                InputStream in = client.getInputStream();
                assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII))
                        .isEqualTo("got 1000000");
            }
        }
    }

    @Test
    void noepollLeavesTheNioSelector() throws Exception {
        LbConfig config = new HaproxyConfigParser(Map.of(), false).parse("lb.cfg", """
                global
                    noepoll
                listen web
                    bind 127.0.0.1:%d
                    server web1 127.0.0.1:1
                """.formatted(TestConfigs.freePort()));
        LoadBalancer balancer = LoadBalancer.start(config, Clock.system(),
                new SplittableRandom(7), "test");
        resources.add(balancer);
        assertThat(balancer.poller()).isEqualTo(Poller.NIO);
    }

    @Test
    void withoutNoepollANativePollerIsTakenWhereOneLoads() {
        Assumptions.assumeTrue(Poller.EPOLL.available(), "no native transport loads here");
        assertThat(Poller.best(true)).isIn(Poller.IO_URING, Poller.EPOLL);
        assertThat(Poller.best(false)).isEqualTo(Poller.NIO);
    }
}
