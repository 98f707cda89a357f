package io.bramble.web.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bramble.common.error.UserError;
import io.bramble.common.time.ManualClock;
import io.bramble.web.log.AccessLog;
import io.bramble.web.server.RawConnection.Response;
import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The server on real loopback sockets, through the JDK's HTTP client and raw connections. */
class WebServerTest {
    private static final Instant FILES_MODIFIED = Instant.parse("2024-05-06T07:08:09Z");
    private static final long NOW_MILLIS = Instant.parse("2026-01-02T03:04:05Z").toEpochMilli();
    private static final String SECRET = "TOP SECRET, outside the root";

    @TempDir
    Path temp;
    private Path root;
    private final ManualClock clock = new ManualClock(0, NOW_MILLIS);
    private final StringBuffer log = new StringBuffer();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private WebServer server;

    @BeforeEach
    void site() throws IOException {
        root = Files.createDirectories(temp.resolve("www"));
        write("index.html", "<h1>web1</h1>\n");
        write("lb-check.txt", "web1\n");
        write("docs/index.html", "<p>docs</p>\n");
        Files.createDirectories(root.resolve("bare"));
        Files.writeString(temp.resolve("secret.txt"), SECRET);
        Files.createSymbolicLink(root.resolve("escape.txt"), temp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("outside"), temp);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        client.close();
    }

    @Test
    void getServesAFileWithTypeLengthAndDates() throws Exception {
        start(config());
        HttpResponse<String> response = client.send(get("/lb-check.txt"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("web1\n");
        assertThat(response.headers().firstValue("Content-Type")).hasValue(
                "text/plain; charset=utf-8");
        assertThat(response.headers().firstValue("Content-Length")).hasValue("5");
        assertThat(response.headers().firstValue("Last-Modified")).hasValue(
                "Mon, 06 May 2024 07:08:09 GMT");
        assertThat(response.headers().firstValue("Date")).hasValue(
                "Fri, 02 Jan 2026 03:04:05 GMT");
        assertThat(response.headers().firstValue("Server")).hasValue("bramble");
    }

    @Test
    void headSendsTheHeadersOfGetAndNoBody() throws Exception {
        start(config());
        try (RawConnection connection = connect()) {
            connection.send(RawConnection.request("HEAD", "/lb-check.txt", "HTTP/1.1"));
            Response head = connection.read(true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Length")).isEqualTo("5");
            assertThat(head.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            // A stray body would be read here as the start of the next response.
            Response next = connection.get("/index.html").read();
            assertThat(next.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(next.text()).isEqualTo("<h1>web1</h1>\n");
        }
    }

    @Test
    void aMissingFileIs404() throws Exception {
        start(config());
        HttpResponse<String> response = client.send(get("/nothing-here.html"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(
                "text/html; charset=utf-8");
        assertThat(response.body()).contains("Not Found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "BREW"})
    void otherMethodsAre405AndTheConnectionGoesOn(String method) throws Exception {
        start(config());
        try (RawConnection connection = connect()) {
            connection.send(RawConnection.request(method, "/lb-check.txt", "HTTP/1.1",
                    "Content-Length: 5") + "hello");
            Response refused = connection.read();
            assertThat(refused.status()).isEqualTo(405);
            assertThat(refused.header("Allow")).isEqualTo("GET, HEAD");
            assertThat(connection.get("/lb-check.txt").read().text()).isEqualTo("web1\n");
        }
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
        start(config());
        try (RawConnection connection = connect()) {
            for (String target : new String[]{"/lb-check.txt", "/", "/docs/", "/missing"}) {
                Response response = connection.get(target).read();
                assertThat(response.header("Connection")).isNull();
            }
            assertThat(connection.get("/lb-check.txt").read().text()).isEqualTo("web1\n");
            assertThat(server.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        start(config());
        try (RawConnection connection = connect()) {
            connection.send(RawConnection.request("GET", "/lb-check.txt", "HTTP/1.1")
                    + RawConnection.request("HEAD", "/", "HTTP/1.1")
                    + RawConnection.request("GET", "/docs/", "HTTP/1.1")
                    + RawConnection.request("GET", "/nope", "HTTP/1.1"));
            assertThat(connection.read().text()).isEqualTo("web1\n");
            assertThat(connection.read(true).header("Content-Length")).isEqualTo("14");
            assertThat(connection.read().text()).isEqualTo("<p>docs</p>\n");
            assertThat(connection.read().status()).isEqualTo(404);
        }
    }

    @Test
    void http10ClosesAfterTheResponse() throws Exception {
        start(config());
        try (RawConnection connection = connect()) {
            connection.send("GET /lb-check.txt HTTP/1.0\r\n\r\n");
            Response response = connection.read();
            assertThat(response.text()).isEqualTo("web1\n");
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @Test
    void http10KeepsTheConnectionWhenAsked() throws Exception {
        start(config());
        try (RawConnection connection = connect()) {
            for (int i = 0; i < 3; i++) {
                connection.send("GET /lb-check.txt HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
                Response response = connection.read();
                assertThat(response.text()).isEqualTo("web1\n");
                assertThat(response.header("Connection")).isEqualTo("keep-alive");
            }
        }
    }

    @Test
    void http11ClosesWhenTheClientSaysSo() throws Exception {
        start(config());
        try (RawConnection connection = connect()) {
            Response response = connection.get("/lb-check.txt", "Connection: close").read();
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "/../secret.txt,400",
            "/%2e%2e/secret.txt,400",
            "/%2E%2E/secret.txt,400",
            "/.%2e/secret.txt,400",
            "/docs/../../secret.txt,400",
            "/docs/%2e%2e/%2e%2e/secret.txt,400",
            "http://test/../secret.txt,400",
            "/..%2fsecret.txt,404",
            "/%252e%252e/secret.txt,404",
            "/..\\secret.txt,404",
            "/escape.txt,403",
            "/outside/secret.txt,403",
            "/outside/,403"})
    void pathsLeavingTheRootAreRefused(String target, int status) throws Exception {
        start(config());
        try (RawConnection connection = connect()) {
            Response response = connection.get(target).read();
            assertThat(response.status()).isEqualTo(status);
            assertThat(response.text()).doesNotContain(SECRET);
        }
    }

    @Test
    void aPathThatClimbsButStaysInsideIsServed() throws Exception {
        start(config());
        try (RawConnection connection = connect()) {
            assertThat(connection.get("/docs/%2e%2e/lb-check.txt").read().text()).isEqualTo(
                    "web1\n");
        }
    }

    @Test
    void directoriesServeTheirIndex() throws Exception {
        start(config());
        try (RawConnection connection = connect()) {
            assertThat(connection.get("/").read().text()).isEqualTo("<h1>web1</h1>\n");
            Response docs = connection.get("/docs/").read();
            assertThat(docs.text()).isEqualTo("<p>docs</p>\n");
            assertThat(docs.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
            Response redirect = connection.get("/docs?lang=en").read();
            assertThat(redirect.status()).isEqualTo(301);
            assertThat(redirect.header("Location")).isEqualTo("/docs/?lang=en");
            assertThat(connection.get("/bare/").read().status()).isEqualTo(403);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aLargeFileArrivesByteExact(Transport transport) throws Exception {
        Assumptions.assumeTrue(transport != Transport.EPOLL || Epoll.isAvailable(),
                "the native epoll transport does not load on this machine");
        byte[] content = new byte[8 * 1024 * 1024 + 13];
        new SplittableRandom(42).nextBytes(content);
        Files.write(root.resolve("big.bin"), content);
        start(config().withTransport(transport));
        assertThat(server.transport()).isEqualTo(transport);
        HttpResponse<byte[]> response = client.send(get("/big.bin"),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(
                "application/octet-stream");
        assertThat(response.body()).isEqualTo(content);
    }

    @Test
    void theBestTransportIsEpollOnLinux() {
        Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux"), "Linux only");
        assertThat(Transport.best()).isEqualTo(Transport.EPOLL);
    }

    @Test
    void oversizedHeadersGet431AndTheConnectionCloses() throws Exception {
        start(config().withHeaderBytesMax(1024));
        try (RawConnection connection = connect()) {
            assertThat(connection.get("/lb-check.txt", "X-Fill: " + "a".repeat(900)).read()
                    .status()).isEqualTo(200);
            Response response = connection.get("/lb-check.txt", "X-Fill: " + "a".repeat(1100))
                    .read();
            assertThat(response.status()).isEqualTo(431);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @Test
    void anOverlongRequestLineGets414() throws Exception {
        start(config());
        try (RawConnection connection = connect()) {
            Response response = connection.get("/" + "a".repeat(
                    WebServerConfig.REQUEST_LINE_BYTES_MAX_DEFAULT)).read();
            assertThat(response.status()).isEqualTo(414);
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @Test
    void garbageIsABadRequestAndTheServerCarriesOn() throws Exception {
        start(config());
        try (RawConnection connection = connect()) {
            connection.send("\u0001\u0002\u00ff hello there\r\n\r\n");
            assertThat(connection.read().status()).isEqualTo(400);
            assertThat(connection.closedByServer()).isTrue();
        }
        try (RawConnection connection = connect()) {
            assertThat(connection.get("/lb-check.txt").read().status()).isEqualTo(200);
        }
    }

    @Test
    void anHttp11RequestWithoutHostIsBad() throws Exception {
        start(config());
        try (RawConnection connection = connect()) {
            connection.send("GET /lb-check.txt HTTP/1.1\r\n\r\n");
            assertThat(connection.read().status()).isEqualTo(400);
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @Test
    void ifModifiedSinceGets304WhenTheFileIsNotNewer() throws Exception {
        start(config());
        try (RawConnection connection = connect()) {
            Response same = connection.get("/lb-check.txt",
                    "If-Modified-Since: Mon, 06 May 2024 07:08:09 GMT").read();
            assertThat(same.status()).isEqualTo(304);
            assertThat(same.body()).isEmpty();
            assertThat(connection.get("/lb-check.txt",
                    "If-Modified-Since: Mon, 06 May 2024 07:08:08 GMT").read().status())
                    .isEqualTo(200);
            // A date after "now" is ignored, as RFC 9110 asks.
            assertThat(connection.get("/lb-check.txt",
                    "If-Modified-Since: Sat, 03 Jan 2026 00:00:00 GMT").read().status())
                    .isEqualTo(200);
            assertThat(connection.get("/lb-check.txt", "If-Modified-Since: yesterday").read()
                    .status()).isEqualTo(200);
        }
    }

    @Test
    void eachRequestGivesOneCombinedLogLine() throws Exception {
        start(config());
        int missingPageBytes;
        try (RawConnection connection = connect()) {
            connection.get("/lb-check.txt", "Referer: http://lb1/", "User-Agent: probe/1.0")
                    .read();
            connection.send(RawConnection.request("HEAD", "/", "HTTP/1.1")).read(true);
            missingPageBytes = connection.get("/missing").read().body().length;
        }
        String time = "[02/Jan/2026:03:04:05 +0000]";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log.toString())
                .isEqualTo("127.0.0.1 - - " + time
                        + " \"GET /lb-check.txt HTTP/1.1\" 200 5 \"http://lb1/\" \"probe/1.0\"\n"
                        + "127.0.0.1 - - " + time + " \"HEAD / HTTP/1.1\" 200 - \"-\" \"-\"\n"
                        + "127.0.0.1 - - " + time
                        + " \"GET /missing HTTP/1.1\" 404 " + missingPageBytes
                        + " \"-\" \"-\"\n"));
    }

    @Test
    void connectionsOverTheLimitWaitUntilOneCloses() throws Exception {
        start(config().withConnectionsMax(2));
        try (RawConnection first = connect();
                RawConnection second = connect();
                RawConnection third = connect()) {
            assertThat(first.get("/lb-check.txt").read().status()).isEqualTo(200);
            assertThat(second.get("/lb-check.txt").read().status()).isEqualTo(200);
            third.get("/lb-check.txt");
            assertThat(third.silentFor(300)).isTrue();
            assertThat(server.openConnections()).isEqualTo(2);
            first.close();
            assertThat(third.read().text()).isEqualTo("web1\n");
            await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 2);
        }
    }

    @Test
    void connectionsWaitingForTheirNextRequestAreClosed() throws Exception {
        start(config().withKeepAliveTimeoutMs(200));
        try (RawConnection connection = connect()) {
            assertThat(connection.get("/lb-check.txt").read().status()).isEqualTo(200);
            assertThat(connection.closedByServer()).isTrue();
        }
        try (RawConnection silent = connect()) {
            assertThat(silent.closedByServer()).isTrue();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 0);
    }

    @Test
    void theKeepAliveTimeoutDoesNotCutAResponse() throws Exception {
        byte[] content = new byte[4 * 1024 * 1024];
        new SplittableRandom(7).nextBytes(content);
        Files.write(root.resolve("big.bin"), content);
        start(config().withKeepAliveTimeoutMs(1));
        try (RawConnection connection = connect()) {
            connection.get("/big.bin");
            Thread.sleep(50); // let the answer back up while the client reads nothing
            assertThat(connection.read().body()).isEqualTo(content);
        }
    }

    @Test
    void aClientThatStopsReadingItsAnswerIsClosed() throws Exception {
        Files.write(root.resolve("big.bin"), new byte[32 * 1024 * 1024]);
        start(config().withIdleTimeoutMs(300));
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(16 * 1024);
            socket.connect(server.boundAddress());
            socket.getOutputStream().write(RawConnection.request("GET", "/big.bin", "HTTP/1.1")
                    .getBytes(StandardCharsets.ISO_8859_1));
            await().atMost(Duration.ofSeconds(30)).until(() -> server.openConnections() == 0);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> log.toString().contains(
                "\"GET /big.bin HTTP/1.1\" 200 "));
        assertThat(log.toString()).doesNotContain("200 33554432");
    }

    @Test
    void aBusyAddressIsAnErrorNamingIt() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress address = (InetSocketAddress) busy.getLocalSocketAddress();
            WebServerConfig config = WebServerConfig.defaults(root, address);
            assertThatThrownBy(() -> start(config)).isInstanceOfSatisfying(UserError.class,
                    e -> {
                        assertThat(e.exitCode()).isEqualTo(UserError.EXIT_RUNTIME);
                        assertThat(e.getMessage()).isEqualTo("cannot listen on 127.0.0.1:"
                                + address.getPort() + ": address already in use");
                    });
        }
    }

    @Test
    void aRootThatIsNotADirectoryIsAUsageError() {
        WebServerConfig config = WebServerConfig.defaults(root.resolve("lb-check.txt"),
                loopback());
        assertThatThrownBy(() -> start(config)).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.exitCode()).isEqualTo(UserError.EXIT_USAGE))
                .hasMessageContaining("not a directory");
    }

    @Test
    void anIpv4AddressListensOnIpv4Only() throws Exception {
        start(WebServerConfig.defaults(root, new InetSocketAddress("0.0.0.0", 0)));
        int port = server.boundAddress().getPort();
        assertThat(WebServer.show(server.boundAddress())).isEqualTo("0.0.0.0:" + port);
        try (RawConnection v4 = new RawConnection(new InetSocketAddress("127.0.0.1", port))) {
            assertThat(v4.get("/lb-check.txt").read().status()).isEqualTo(200);
        }
        if (ipv6LoopbackWorks()) {
            assertThatThrownBy(() -> new Socket("::1", port).close()).isInstanceOf(
                    ConnectException.class);
        }
    }

    @Test
    void ipv6ClientsAreLoggedInShortForm() throws Exception {
        Assumptions.assumeTrue(ipv6LoopbackWorks(), "this machine has no IPv6 loopback");
        start(WebServerConfig.defaults(root, new InetSocketAddress("::1", 0)));
        assertThat(WebServer.show(server.boundAddress())).isEqualTo("[::1]:" + server
                .boundAddress().getPort());
        try (RawConnection connection = connect()) {
            assertThat(connection.get("/lb-check.txt").read().status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> log.toString().startsWith(
                "::1 - - "));
    }

    @Test
    void stoppingClosesTheListener() throws Exception {
        start(config());
        InetSocketAddress address = server.boundAddress();
        server.stop();
        server.awaitStop();
        assertThatThrownBy(() -> new Socket(address.getAddress(), address.getPort()).close())
                .isInstanceOf(ConnectException.class);
    }

    private static boolean ipv6LoopbackWorks() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void start(WebServerConfig config) {
        server = WebServer.start(config, new AccessLog(log, clock, ZoneOffset.UTC), clock);
    }

    private WebServerConfig config() {
        return WebServerConfig.defaults(root, loopback());
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    private RawConnection connect() throws IOException {
        return new RawConnection(server.boundAddress());
    }

    private HttpRequest get(String target) {
        InetSocketAddress address = server.boundAddress();
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort()
                + target)).timeout(Duration.ofSeconds(30)).build();
    }

    private void write(String name, String content) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(FILES_MODIFIED));
    }
}
