package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.Clock;
import io.bramble.lb.config.CookieConfig;
import io.bramble.lb.config.CookieMode;
import io.bramble.lb.config.ForwardFor;
import io.bramble.lb.config.HttpCheckConfig;
import io.bramble.lb.config.LbConfig;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.ProxyMode;
import io.bramble.lb.config.ServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadBalancerTest {
    private final TestResources resources = new TestResources();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    private TestBackend backend(String name) throws Exception {
        return resources.backend(name);
    }

    private LoadBalancer start(LbConfig config) {
        LoadBalancer balancer = LoadBalancer.start(config, Clock.system(),
                new SplittableRandom(7), "test");
        resources.add(balancer);
        return balancer;
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int port(LoadBalancer balancer) {
        return balancer.boundAddresses().get(0).getPort();
    }

    private static ServerOptions checked() {
        return ServerOptions.DEFAULTS.withCheck(true).withInterMs(300);
    }

    /** A cell of a row of the stats CSV; "missing" when there is no such row. */
    private static String csvCell(LoadBalancer balancer, String proxy, String server,
            int column) {
        for (String line : balancer.statsCsv().split("\n")) {
            String[] cells = line.split(",", -1);
            if (cells[0].equals(proxy) && cells[1].equals(server)) {
                return cells[column];
            }
        }
        return "missing";
    }

    /** The status column of a server in the CSV. */
    private static String csvStatus(LoadBalancer balancer, String proxy, String server) {
        return csvCell(balancer, proxy, server, 17);
    }

    @Test
    void alternatesThenFailsOverWithoutAnErrorAndTakesTheServerBack() throws Exception {
        TestBackend web1 = backend("web1");
        TestBackend web2 = backend("web2");
        ProxyConfig.Builder farm = TestConfigs.listen("webfarm");
        farm.httpCheck = Optional.of(new HttpCheckConfig("HEAD", "/lb-check.txt", "HTTP/1.0",
                Optional.empty()));
        TestConfigs.server(farm, web1, checked());
        TestConfigs.server(farm, web2, checked());
        LoadBalancer balancer = start(TestConfigs.of(farm));
        int port = port(balancer);

        List<String> names = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            names.add(get(port, "/").body().split(" ")[0]);
        }
        assertThat(names).containsExactly("web1", "web2", "web1", "web2");

        web1.stop();
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> response = get(port, "/page" + i);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).startsWith("web2");
        }
        assertThat(csvStatus(balancer, "webfarm", "web1")).startsWith("DOWN");
        assertThat(csvStatus(balancer, "webfarm", "web2")).isEqualTo("UP");

        web1.start();
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(
                () -> csvStatus(balancer, "webfarm", "web1").equals("UP"));
        List<String> after = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            after.add(get(port, "/").body().split(" ")[0]);
        }
        assertThat(after).contains("web1", "web2");
    }

    @Test
    void answers503WhenNoServerIsUp() throws Exception {
        TestBackend web1 = backend("web1");
        ProxyConfig.Builder farm = TestConfigs.listen("webfarm");
        TestConfigs.server(farm, web1, checked());
        LoadBalancer balancer = start(TestConfigs.of(farm));
        web1.stop();
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(
                () -> csvStatus(balancer, "webfarm", "web1").equals("DOWN"));
        HttpResponse<String> response = get(port(balancer), "/");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("<h1>503");
    }

    @Test
    void rejectsMalformedAndOversizedRequestsWithoutForwardingThem() throws Exception {
        TestBackend web1 = backend("web1");
        ProxyConfig.Builder farm = TestConfigs.listen("webfarm");
        TestConfigs.server(farm, web1, ServerOptions.DEFAULTS);
        LoadBalancer balancer = start(TestConfigs.of(farm));
        int port = port(balancer);
        String both = RawHttp.exchange(port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5"
                + "\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        assertThat(both).startsWith("HTTP/1.1 400");
        String badName = RawHttp.exchange(port, "GET / HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n");
        assertThat(badName).startsWith("HTTP/1.1 400");
        String huge = RawHttp.exchange(port, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: "
                + "a".repeat(20_000) + "\r\n\r\n");
        assertThat(huge).startsWith("HTTP/1.1 431");
        assertThat(web1.requests.get()).isZero();
        assertThat(get(port, "/").statusCode()).isEqualTo(200);
        assertThat(web1.requests.get()).isEqualTo(1);
    }

    @Test
    void streamsBodiesBothWaysAndAddsForwardedFor() throws Exception {
        TestBackend web1 = backend("web1");
        ProxyConfig.Builder farm = TestConfigs.listen("webfarm");
        farm.forwardFor = Optional.of(ForwardFor.defaults());
        TestConfigs.server(farm, web1, ServerOptions.DEFAULTS);
        LoadBalancer balancer = start(TestConfigs.of(farm));
        int port = port(balancer);
        byte[] upload = new byte[3_000_000];
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/upload"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(upload)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.body()).isEqualTo("web1 POST 3000000\n");
        HttpResponse<byte[]> big = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/big/20000000")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(big.body()).hasSize(20_000_000);
        assertThat(web1.seenHeaders.get(0).get("X-forwarded-for")).containsExactly("127.0.0.1");
    }

    @Test
    void http10ClientsAndHeadRequestsAreServed() throws Exception {
        TestBackend web1 = backend("web1");
        ProxyConfig.Builder farm = TestConfigs.listen("webfarm");
        TestConfigs.server(farm, web1, ServerOptions.DEFAULTS);
        LoadBalancer balancer = start(TestConfigs.of(farm));
        String old = RawHttp.exchange(port(balancer), "GET /x HTTP/1.0\r\n\r\n");
        assertThat(old).startsWith("HTTP/1.1 200").endsWith("web1 GET 0\n");
        String head = RawHttp.exchange(port(balancer),
                "HEAD /x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        assertThat(head).startsWith("HTTP/1.1 200").endsWith("\r\n\r\n");
    }

    @Test
    void prefixCookiePinsASessionToItsServer() throws Exception {
        TestBackend web1 = backend("web1");
        TestBackend web2 = backend("web2");
        ProxyConfig.Builder farm = TestConfigs.listen("webfarm");
        farm.cookie = Optional.of(CookieConfig.of("JSESSIONID", CookieMode.PREFIX));
        TestConfigs.server(farm, web1, ServerOptions.DEFAULTS.withCookie(Optional.of("web1")));
        TestConfigs.server(farm, web2, ServerOptions.DEFAULTS.withCookie(Optional.of("web2")));
        LoadBalancer balancer = start(TestConfigs.of(farm));
        int port = port(balancer);
        HttpResponse<String> login = get(port, "/login");
        String server = login.body().split(" ")[0];
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("JSESSIONID=" + server + "~S" + server);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> pinned = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/cart")).header("Cookie", cookie)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(pinned.body()).startsWith(server);
        }
        TestBackend chosen = server.equals("web1") ? web1 : web2;
        assertThat(chosen.seenHeaders.get(chosen.seenHeaders.size() - 1).get("Cookie"))
                .containsExactly("JSESSIONID=S" + server);
    }

    /** A numeric cell of a row of the stats CSV; -1 when the row is missing. */
    private static long csvNumber(LoadBalancer balancer, String proxy, String server,
            int column) {
        String cell = csvCell(balancer, proxy, server, column);
        return cell.equals("missing") ? -1 : cell.isEmpty() ? 0 : Long.parseLong(cell);
    }

    @Test
    void statsCountTheBytesThatCrossedTheWire() throws Exception {
        TestBackend web1 = backend("web1");
        ProxyConfig.Builder farm = TestConfigs.listen("webfarm");
        TestConfigs.server(farm, web1, ServerOptions.DEFAULTS);
        LoadBalancer balancer = start(TestConfigs.of(farm));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port(balancer) + "/upload"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[100_000])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo("web1 POST 100000\n");

        int bin = 8;
        int bout = 9;
        // The request with its head went in and out; the answer with its head came back.
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> csvNumber(balancer,
                "webfarm", "web1", bout) > 0);
        for (String row : List.of("FRONTEND", "BACKEND", "web1")) {
            assertThat(csvNumber(balancer, "webfarm", row, bin)).as(row + " bin")
                    .isBetween(100_000L, 101_000L);
            assertThat(csvNumber(balancer, "webfarm", row, bout)).as(row + " bout")
                    .isBetween((long) response.body().length(), 1_000L);
        }
    }

    @Test
    void tcpModeRelaysBothWaysWithHalfClose() throws Exception {
        try (java.net.ServerSocket echo = new java.net.ServerSocket(0, 10,
                java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (java.net.Socket socket = echo.accept()) {
                    byte[] all = socket.getInputStream().readAllBytes();
                    socket.getOutputStream().write(("got " + all.length).getBytes());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            ProxyConfig.Builder tcp = TestConfigs.listen("db");
            tcp.mode = ProxyMode.TCP;
            tcp.servers.add(new io.bramble.lb.config.ServerConfig("db1",
                    new io.bramble.common.net.HostPort("127.0.0.1", echo.getLocalPort()),
                    ServerOptions.DEFAULTS, io.bramble.lb.config.ConfigLocation.NONE));
            LoadBalancer balancer = start(TestConfigs.of(tcp));
            try (java.net.Socket client = new java.net.Socket("127.0.0.1", port(balancer))) {
                client.setSoTimeout(10_000);
                client.getOutputStream().write(new byte[100_000]);
                client.shutdownOutput();
                String answer = new String(client.getInputStream().readAllBytes());
                assertThat(answer).isEqualTo("got 100000");
            }
        }
    }
}
