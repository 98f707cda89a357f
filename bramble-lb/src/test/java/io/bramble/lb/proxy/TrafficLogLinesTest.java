package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.Clock;
import io.bramble.common.time.ManualClock;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.LbConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The traffic lines a proxy sends to its syslog target, each expected layout being what
 * HAProxy 2.6.12 sent for the same file and connections: {@code option tcplog} lines with the
 * bytes sent to the client, the connection counts and the queues; per-request tcplog lines in
 * an http proxy with {@code option tcplog}; and, with neither httplog nor tcplog, one
 * {@code Connect from} line per tcp connection or per http request.
 */
class TrafficLogLinesTest {
    /** Bounds each wait for a line, so a missing one fails the test instead of hanging it. */
    private static final int RECEIVE_TIMEOUT_MS = 10_000;
    private static final String CLIENT = "127\\.0\\.0\\.1:\\d+";
    private static final String DATE = "\\[\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\]";

    private final TestResources resources = new TestResources();
    private DatagramSocket syslog;
    private LoadBalancer balancer;

    @AfterEach
    void closeAll() throws Exception {
        if (syslog != null) {
            syslog.close();
        }
        resources.close();
    }

    /** Starts the proxy {@code section} (its name and mode first), logging to {@link #syslog}. */
    private int start(String section, int serverPort) throws Exception {
        return start(section, "server s 127.0.0.1:" + serverPort, Clock.system());
    }

    /** As {@link #start(String, int)}, with the {@code server} lines given and {@code clock}. */
    private int start(String section, String servers, Clock clock) throws Exception {
        if (syslog == null) {
            syslog = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            syslog.setSoTimeout(RECEIVE_TIMEOUT_MS);
        }
        int port = TestConfigs.freePort();
        LbConfig config = new HaproxyConfigParser(Map.of(), false).parse("lb.cfg", """
                global
                    log 127.0.0.1:%d local0
                defaults
                    log global
                listen %s
                    bind 127.0.0.1:%d
                    %s
                """.formatted(syslog.getLocalPort(), section, port, servers));
        balancer = resources.add(LoadBalancer.start(config, clock, new SplittableRandom(21),
                "test"));
        return port;
    }

    /** The next line received, without its syslog header. */
    private String nextLine() throws Exception {
        byte[] buffer = new byte[4096];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        syslog.receive(packet);
        String line = new String(packet.getData(), 0, packet.getLength(),
                StandardCharsets.UTF_8).strip();
        assertThat(line).startsWith("<134>");
        return line.substring(line.indexOf("]: ") + 3);
    }

    private void assertNoMoreLines() throws Exception {
        syslog.setSoTimeout(300);
        try {
            String extra = nextLine();
            assertThat(extra).as("no further line").isNull();
        } catch (SocketTimeoutException expected) {
            // nothing more was sent
        }
    }

    /** A TCP server that reads 10 bytes, answers 100 and closes; returns its port. */
    private int answeringServer() throws Exception {
        ServerSocket server = resources.add(new ServerSocket(0, 50,
                InetAddress.getLoopbackAddress()));
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (Socket accepted = server.accept()) {
                    accepted.getInputStream().readNBytes(10);
                    accepted.getOutputStream().write("0123456789".repeat(10)
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (java.io.IOException closed) {
                    return;
                }
            }
        });
        return server.getLocalPort();
    }

    /** What a test server does with the one connection it takes. */
    private interface ServerScript {
        void serve(Socket accepted) throws Exception;
    }

    /** A TCP server that runs {@code script} on the first connection; returns its port. */
    private int scriptedServer(ServerScript script) throws Exception {
        ServerSocket server = resources.add(new ServerSocket(0, 50,
                InetAddress.getLoopbackAddress()));
        Thread.ofVirtual().start(() -> {
            try (Socket accepted = server.accept()) {
                script.serve(accepted);
            } catch (Exception closed) {
                // the test ended
            }
        });
        return server.getLocalPort();
    }

    /**
     * Starts tcp proxy {@code name} with {@code option tcplog} and the {@code timeouts} lines,
     * its server running {@code script}; returns the proxy's port.
     */
    private int tcplogProxy(String name, String timeouts, ServerScript script) throws Exception {
        return start(name + "\n    mode tcp\n    option tcplog\n    " + timeouts,
                scriptedServer(script));
    }

    /** Reads {@code socket} to its end; whether it ended cleanly (not with a reset). */
    private static boolean readsToEof(Socket socket) throws Exception {
        socket.setSoTimeout(RECEIVE_TIMEOUT_MS);
        try {
            socket.getInputStream().readAllBytes();
            return true;
        } catch (java.net.SocketException reset) {
            return false;
        }
    }

    /** Sends 10 bytes and reads to the end; the bytes read. */
    private static int sendTenBytes(int port) throws Exception {
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(RECEIVE_TIMEOUT_MS);
            OutputStream out = client.getOutputStream();
            out.write("hello12345".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return client.getInputStream().readAllBytes().length;
        }
    }

    /**
     * Sends a GET of {@code path} that closes; what HAProxy counts for its 200 answer (a
     * length-framed one): 20 bytes, the status line without its spaces and CRLF, each header
     * without colon, space and CRLF ({@code Connection: close} not counted), 1, and the body.
     */
    private static int answeredBytes(int port, String path) throws Exception {
        String answer = get(port, path);
        assertThat(answer).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("chunked");
        int headEnd = answer.indexOf("\r\n\r\n");
        String[] lines = answer.substring(0, headEnd).split("\r\n");
        int count = 20 + lines[0].length() - 2 + 1 + answer.length() - headEnd - 4;
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].equalsIgnoreCase("connection: close")) {
                count += lines[i].length() - 2;
            }
        }
        return count;
    }

    /**
     * An HTTP server answering each request with the bytes {@code answers} has for its path,
     * then closing; returns its port.
     */
    private int fixedAnswers(Map<String, String> answers) throws Exception {
        ServerSocket server = resources.add(new ServerSocket(0, 50,
                InetAddress.getLoopbackAddress()));
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (Socket accepted = server.accept()) {
                    var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                            accepted.getInputStream(), StandardCharsets.ISO_8859_1));
                    String path = in.readLine().split(" ")[1];
                    while (!in.readLine().isEmpty()) {
                        // the rest of the head
                    }
                    accepted.getOutputStream().write(answers.get(path)
                            .getBytes(StandardCharsets.ISO_8859_1));
                } catch (Exception closed) {
                    return;
                }
            }
        });
        return server.getLocalPort();
    }

    @Test
    void anHttplogLineOfAnAnswerWithoutServerHasNoQueueConnectOrResponseTime()
            throws Exception {
        int port = start("hn\n    mode http\n    option httplog\n"
                + "    http-request deny if { path /deny }\n"
                + "    http-request return status 200 content-type text/plain string ok"
                + " if { path /ret }",
                "server s 127.0.0.1:" + TestConfigs.freePort() + " disabled", Clock.system());
        // HAProxy 2.6.12 logged these lines, 217 bytes for its 503 page.
        assertThat(get(port, "/n")).startsWith("HTTP/1.1 503");
        assertThat(nextLine()).contains(" hn hn/<NOSRV> 0/-1/-1/-1/")
                .contains(" 503 217 - - SC-- ");
        assertThat(get(port, "/deny")).startsWith("HTTP/1.1 403");
        assertThat(nextLine()).contains(" hn hn/<NOSRV> 0/-1/-1/-1/").contains(" 403 192 ")
                .contains(" - - PR-- ");
        assertThat(get(port, "/ret")).startsWith("HTTP/1.1 200");
        assertThat(nextLine()).contains(" hn hn/<NOSRV> 0/-1/-1/-1/").contains(" 200 73 ")
                .contains(" - - LR-- ");
    }

    @Test
    void anHttplogLineCountsTheBytesOfTheResponseAsHaproxyCountsThem() throws Exception {
        int port = start("hb\n    mode http\n    option httplog", fixedAnswers(Map.of(
                "/f", "HTTP/1.1 200 OK\r\nContent-Length: 6\r\nX-A: b\r\n\r\nhello\n",
                "/c", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5\r\nhello\r\n0\r\nX-T: 1\r\n\r\n",
                "/k", "HTTP/1.1 201 Made\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n")));
        // HAProxy 2.6.12 logged 59, 68 and 51 for these answers.
        for (String expected : new String[]{"/f HTTP/1.1 200 59", "/c HTTP/1.1 200 68",
                "/k HTTP/1.1 201 51"}) {
            String[] parts = expected.split(" ");
            assertThat(get(port, parts[0])).startsWith(parts[1] + " " + parts[2]);
            assertThat(nextLine()).contains(" hb hb/s ").contains(" " + parts[2] + " " + parts[3]
                    + " - - ---- ");
        }
    }

    @Test
    void aLogFormatLineOfAnHttpRequestIsHaproxysWithTheSameValues() throws Exception {
        int port = start("lf\n    mode http\n    log-format \"%ci:%cp [%tr] %{+Q}f %b/%s "
                + "%Tw/%Tc/%Tr/%Ta %ST %B %CC %{+Q}CS %tsc %ac/%fc/%bc/%sc/%rc %hr %{+Q}r "
                + "%HM|%HU|%HP|%HV %{+X}ci\"",
                fixedAnswers(Map.of(
                        "/f", "HTTP/1.1 200 OK\r\nContent-Length: 6\r\nX-A: b\r\n\r\nhello\n")));
        assertThat(get(port, "/f")).startsWith("HTTP/1.1 200");
        // HAProxy 2.6.12 logged, for the same file and request ('httplog' replaced):
        // 127.0.0.1:57568 [06/Dec/2026:02:13:29.420] "lf" lf/s 0/0/0/0 200 59 - "" ----
        // 1/1/0/0/0 "GET /f HTTP/1.1" GET|/f|/f|HTTP/1.1 7F000001
        // The client port, the date and the four times differ by nature.
        assertThat(nextLine()).matches(CLIENT + " " + DATE + " \"lf\" lf/s \\d+/\\d+/\\d+/\\d+ "
                + "200 59 - \"\" ---- 1/1/0/0/0 \"GET /f HTTP/1\\.1\" GET\\|/f\\|/f\\|HTTP/1\\.1 "
                + "7F000001");
    }

    @Test
    void aLogFormatLineOfATcpConnectionIsHaproxysWithTheSameValues() throws Exception {
        int port = start("lt\n    mode tcp\n    log-format \"%ci [%t] %{+Q}f %b/%s %Tw/%Tc/%Tt "
                + "%B %ts %ac/%fc/%bc/%sc/%rc %sq/%bq\"", answeringServer());
        assertThat(sendTenBytes(port)).isEqualTo(100);
        // HAProxy 2.6.12 logged, for the same file and connection:
        // 127.0.0.1 [06/Dec/2026:02:23:34.338] "lt" lt/s 1/0/0 100 -- 1/1/0/0/0 0/0
        // The date and the three times differ by nature.
        assertThat(nextLine()).matches("127\\.0\\.0\\.1 " + DATE
                + " \"lt\" lt/s \\d+/\\d+/\\d+ 100 -- 1/1/0/0/0 0/0");
        assertNoMoreLines();
    }

    @Test
    void aTcplogLineCountsTheBytesSentToTheClientAndEndsWithCountsAndQueues()
            throws Exception {
        int port = start("tl\n    mode tcp\n    option tcplog", answeringServer());
        assertThat(sendTenBytes(port)).isEqualTo(100);
        assertThat(nextLine()).matches(CLIENT + " " + DATE
                + " tl tl/s \\d+/\\d+/\\d+ 100 -- 1/1/0/0/0 0/0");
        assertNoMoreLines();
    }

    @Test
    void aTcplogLineOfARefusedServerNamesItWithItsThreeRetries() throws Exception {
        int closedPort = TestConfigs.freePort();
        int port = start("tl\n    mode tcp\n    option tcplog", closedPort);
        // Closed as HAProxy closes it: the client reads its end, not a reset.
        assertThat(sendTenBytes(port)).isZero();
        assertThat(nextLine()).matches(CLIENT + " " + DATE
                + " tl tl/s \\d+/-1/\\d+ 0 SC 1/1/0/0/3 0/0");
    }

    @Test
    void aTcpProxyWithoutTcplogLogsEachConnectionAsItStarts() throws Exception {
        int port = start("td\n    mode tcp", answeringServer());
        assertThat(sendTenBytes(port)).isEqualTo(100);
        assertThat(nextLine()).matches("Connect from " + CLIENT + " to 127\\.0\\.0\\.1:" + port
                + " \\(td/TCP\\)");
        assertNoMoreLines();
    }

    @Test
    void anHttpProxyWithoutHttplogLogsEachRequestAsItStartsAndNotAnEmptyConnection()
            throws Exception {
        TestBackend app = resources.backend("app");
        int port = start("hd\n    mode http", app.port);
        new Socket(InetAddress.getLoopbackAddress(), port).close();
        String answers = RawHttp.exchange(port, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(answers.split("HTTP/1.1 200", -1)).hasSize(3);
        String connect = "Connect from " + CLIENT + " to 127\\.0\\.0\\.1:" + port
                + " \\(hd/HTTP\\)";
        assertThat(nextLine()).matches(connect);
        assertThat(nextLine()).matches(connect);
        assertNoMoreLines();
    }

    @Test
    void anHttplogLineCountsTheWholeResponseAndAStatsRequestIsAnsweredLocally()
            throws Exception {
        int port = start("hl\n    mode http\n    option httplog\n    stats uri /st",
                resources.backend("app").port);
        int bytes = answeredBytes(port, "/x");
        assertThat(nextLine()).matches(CLIENT + " " + DATE + " hl hl/s 0/0/\\d+/\\d+/\\d+ 200 "
                + bytes + " - - ---- 1/1/\\d/\\d/0 0/0 \"GET /x HTTP/1.1\"");
        bytes = answeredBytes(port, "/st;csv");
        // The first connection may still be closing when the second is logged, so the
        // process and frontend counts are 1 or 2, as they would be in HAProxy.
        assertThat(nextLine()).matches(CLIENT + " " + DATE + " hl hl/<STATS> 0/0/0/0/\\d+ 200 "
                + bytes + " - - LR-- [12]/[12]/0/0/0 0/0 \"GET /st;csv HTTP/1.1\"");
    }

    @Test
    void anHttpProxyWithTcplogLogsATcplogLinePerRequest() throws Exception {
        int port = start("ht\n    mode http\n    option tcplog",
                resources.backend("app").port);
        int bytes = answeredBytes(port, "/");
        assertThat(nextLine()).matches(CLIENT + " " + DATE
                + " ht ht/s \\d+/\\d+/\\d+ " + bytes + " -- 1/1/\\d/\\d/0 0/0");
        RawHttp.exchange(port, "GET / HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n");
        // As above, the first connection may still be closing.
        assertThat(nextLine()).matches(CLIENT + " " + DATE
                + " ht ht/<NOSRV> -1/-1/0 0 PR [12]/[12]/0/0/0 0/0");
    }

    @Test
    void aClientIdleForTimeoutClientIsHalfClosedTowardsTheServerAndLoggedCd() throws Exception {
        AtomicBoolean clientEnded = new AtomicBoolean();
        CompletableFuture<Boolean> clientEndedBeforeServerEof = new CompletableFuture<>();
        int port = tcplogProxy("tc", "timeout client 200\n    timeout server 1500", accepted -> {
            accepted.getInputStream().readAllBytes();
            clientEndedBeforeServerEof.complete(clientEnded.get());
            Thread.sleep(RECEIVE_TIMEOUT_MS);
        });
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(readsToEof(client)).isTrue();
            clientEnded.set(true);
        }
        // The server was sent FIN at the client's timeout; the client's end came at the
        // server's, HAProxy's order for an idle relay with timeout client below timeout server.
        assertThat(clientEndedBeforeServerEof.get()).isFalse();
        assertThat(nextLine()).matches(CLIENT + " " + DATE
                + " tc tc/s \\d+/\\d+/\\d+ 0 cD 1/1/0/0/0 0/0");
    }

    @Test
    void aServerIdleForTimeoutServerHasTheClientHalfClosedAndIsLoggedSd() throws Exception {
        CompletableFuture<Boolean> serverEofBeforeClientClosed = new CompletableFuture<>();
        AtomicBoolean clientClosing = new AtomicBoolean();
        int port = tcplogProxy("ts", "timeout client 1500\n    timeout server 200", accepted -> {
            accepted.getInputStream().readAllBytes();
            serverEofBeforeClientClosed.complete(!clientClosing.get());
        });
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(readsToEof(client)).isTrue();
            // Half-closed: what the client still sends reaches the server.
            client.getOutputStream().write('x');
            client.getOutputStream().flush();
            clientClosing.set(true);
        }
        assertThat(serverEofBeforeClientClosed.get()).isFalse();
        assertThat(nextLine()).matches(CLIENT + " " + DATE
                + " ts ts/s \\d+/\\d+/\\d+ 0 sD 1/1/0/0/0 0/0");
    }

    @Test
    void timeoutTunnelReplacesLongerClientAndServerTimeoutsOnceConnected() throws Exception {
        String timeouts = "timeout client 60s\n    timeout server 60s\n    timeout tunnel 200";
        int port = tcplogProxy("tt", timeouts, accepted -> {
            accepted.getInputStream().readAllBytes();
            Thread.sleep(RECEIVE_TIMEOUT_MS);
        });
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(readsToEof(client)).isTrue();
        }
        // Both sides ran out together; HAProxy names the client's first.
        assertThat(nextLine()).matches(CLIENT + " " + DATE
                + " tt tt/s \\d+/\\d+/\\d+ 0 cD 1/1/0/0/0 0/0");
    }

    @Test
    void aClientThatEndedItsSideWaitsForASlowAnswerBeyondTimeoutClient() throws Exception {
        CountDownLatch clientTimeoutPassed = new CountDownLatch(1);
        int port = tcplogProxy("tf", "timeout client 100\n    timeout server 10s", accepted -> {
            accepted.getInputStream().readAllBytes();
            // HAProxy times a client that sent its FIN no more: the answer still goes through.
            clientTimeoutPassed.await();
            accepted.getOutputStream().write("answer".getBytes(StandardCharsets.US_ASCII));
        });
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.getOutputStream().write("hi".getBytes(StandardCharsets.US_ASCII));
            client.shutdownOutput();
            Thread.sleep(500);
            clientTimeoutPassed.countDown();
            client.setSoTimeout(RECEIVE_TIMEOUT_MS);
            assertThat(client.getInputStream().readAllBytes()).asString(StandardCharsets.US_ASCII)
                    .isEqualTo("answer");
        }
        assertThat(nextLine()).matches(CLIENT + " " + DATE
                + " tf tf/s \\d+/\\d+/\\d+ 6 -- 1/1/0/0/0 0/0");
    }

    @Test
    void timeoutServerFinEndsASessionWhoseClientEndedItsSideAndWhoseServerStaysSilent()
            throws Exception {
        int port = tcplogProxy("sf", "timeout client 60s\n    timeout server 60s\n"
                + "    timeout server-fin 200", accepted -> {
                    accepted.getInputStream().readAllBytes();
                    Thread.sleep(RECEIVE_TIMEOUT_MS);
                });
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.getOutputStream().write("hi".getBytes(StandardCharsets.US_ASCII));
            client.shutdownOutput();
            // The server, sent FIN, is timed by server-fin: its silence ends the session.
            assertThat(readsToEof(client)).isTrue();
        }
        assertThat(nextLine()).matches(CLIENT + " " + DATE
                + " sf sf/s \\d+/\\d+/\\d+ 0 sD 1/1/0/0/0 0/0");
    }

    @Test
    void timeoutClientFinEndsASessionWhoseServerEndedItsSideAndWhoseClientStaysSilent()
            throws Exception {
        CompletableFuture<Boolean> serverReadEnd = new CompletableFuture<>();
        int port = tcplogProxy("cf", "timeout client 60s\n    timeout server 60s\n"
                + "    timeout tunnel 60s\n    timeout client-fin 200", accepted -> {
                    accepted.shutdownOutput();
                    accepted.getInputStream().readAllBytes();
                    serverReadEnd.complete(true);
                });
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(readsToEof(client)).isTrue();
            // The client, sent FIN, is timed by client-fin (in place of the tunnel's): the
            // server is sent its end while the client still holds its connection.
            assertThat(serverReadEnd.get(RECEIVE_TIMEOUT_MS, TimeUnit.MILLISECONDS)).isTrue();
        }
        assertThat(nextLine()).matches(CLIENT + " " + DATE
                + " cf cf/s \\d+/\\d+/\\d+ 0 cD 1/1/0/0/0 0/0");
    }

    @Test
    void timeoutClientFinEndsAWebSocketTunnelWhoseServerEndedItsSide() throws Exception {
        CompletableFuture<Boolean> serverReadEnd = new CompletableFuture<>();
        CountDownLatch tunnelOpen = new CountDownLatch(1);
        int serverPort = scriptedServer(accepted -> {
            InputStream in = accepted.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            accepted.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\n"
                    + "Connection: Upgrade\r\nUpgrade: websocket\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            tunnelOpen.await();
            accepted.shutdownOutput();
            in.readAllBytes();
            serverReadEnd.complete(true);
        });
        int port = start("wf\n    mode http\n    timeout client 60s\n    timeout server 60s\n"
                + "    timeout tunnel 60s\n    timeout client-fin 200", serverPort);
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: t\r\n"
                    + "Connection: Upgrade\r\nUpgrade: websocket\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            client.setSoTimeout(RECEIVE_TIMEOUT_MS);
            InputStream in = client.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            assertThat(head.toString()).startsWith("HTTP/1.1 101");
            tunnelOpen.countDown();
            assertThat(readsToEof(client)).isTrue();
            // The client, sent FIN, is timed by client-fin in place of the tunnel's timeout.
            assertThat(serverReadEnd.get(RECEIVE_TIMEOUT_MS, TimeUnit.MILLISECONDS)).isTrue();
        }
    }

    @Test
    void aClientResetIsLoggedCdAndAServerResetSdWithTheClientClosedCleanly()
            throws Exception {
        CountDownLatch serverRead = new CountDownLatch(1);
        int serverPort = scriptedServer(accepted -> {
            accepted.getInputStream().readNBytes(5);
            serverRead.countDown();
            Thread.sleep(RECEIVE_TIMEOUT_MS);
        });
        int port = start("tr\n    mode tcp\n    option tcplog", serverPort);
        Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
        client.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
        serverRead.await();
        client.setSoLinger(true, 0);
        client.close();
        assertThat(nextLine()).matches(CLIENT + " " + DATE
                + " tr tr/s \\d+/\\d+/\\d+ 0 CD 1/1/0/0/0 0/0");
    }

    @Test
    void aServerResetIsLoggedSdAndTheClientSeesAnEnd() throws Exception {
        int serverPort = scriptedServer(accepted -> {
            accepted.getInputStream().readNBytes(5);
            accepted.setSoLinger(true, 0);
        });
        int port = start("tr\n    mode tcp\n    option tcplog", serverPort);
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
            assertThat(readsToEof(client)).isTrue();
        }
        assertThat(nextLine()).matches(CLIENT + " " + DATE
                + " tr tr/s \\d+/\\d+/\\d+ 0 SD 1/1/0/0/0 0/0");
    }

    @Test
    void anHttplogLineGivesTheTimeARequestWaitedInTheQueueOfAFullServer() throws Exception {
        ManualClock clock = new ManualClock();
        CountDownLatch firstHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ServerSocket server = resources.add(new ServerSocket(0, 50,
                InetAddress.getLoopbackAddress()));
        Thread.ofVirtual().start(() -> {
            for (int served = 0; !server.isClosed(); served++) {
                try (Socket accepted = server.accept()) {
                    new String(accepted.getInputStream().readNBytes(4), StandardCharsets.US_ASCII);
                    if (served == 0) {
                        firstHeld.countDown();
                        release.await();
                    }
                    accepted.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n"
                            + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    accepted.shutdownOutput();
                    accepted.getInputStream().readAllBytes();
                } catch (Exception closed) {
                    return;
                }
            }
        });
        int port = start("hq\n    mode http\n    option httplog",
                "server s 127.0.0.1:" + server.getLocalPort() + " maxconn 1", clock);
        var clients = resources.add(Executors
                .newVirtualThreadPerTaskExecutor());
        var first = clients.submit(() -> get(port, "/a"));
        firstHeld.await();
        var second = clients.submit(() -> get(port, "/b"));
        while (balancer.info().totalRequests() < 2) {
            Thread.onSpinWait();
        }
        // The second request was counted as it was routed; its queueing follows in that step.
        Thread.sleep(200);
        clock.advanceMillis(250);
        release.countDown();
        assertThat(first.get()).startsWith("HTTP/1.1 200");
        assertThat(second.get()).startsWith("HTTP/1.1 200");
        // The first waited 250 ms for its response, the second as long for a slot.
        assertThat(java.util.List.of(nextLine(), nextLine())).anyMatch(
                line -> line.contains(" hq hq/s 0/0/0/250/250 200 ")).anyMatch(
                        line -> line.contains(" hq hq/s 0/250/0/0/250 200 "));
    }

    private static String get(int port, String path) {
        try {
            return RawHttp.exchange(port, "GET " + path + " HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close\r\n\r\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aRetryOnAnotherServerIsLoggedWithAPlusBeforeTheRetries() throws Exception {
        String servers = "server down 127.0.0.1:" + TestConfigs.freePort()
                + "\n    server up 127.0.0.1:" + resources.backend("app").port;
        String section = "\n    option redispatch\n    retries 1\n    balance first";
        int port = start("hr\n    mode http\n    option httplog" + section, servers,
                Clock.system());
        assertThat(get(port, "/")).startsWith("HTTP/1.1 200");
        assertThat(nextLine()).matches(CLIENT + " " + DATE
                + " hr hr/up 0/0/\\d+/\\d+/\\d+ 200 \\d+ - - ---- 1/1/\\d/\\d/\\+1 0/0 "
                + "\"GET / HTTP/1.1\"");
        port = start("tr\n    mode tcp\n    option tcplog" + section, servers, Clock.system());
        assertThat(get(port, "/")).startsWith("HTTP/1.1 200");
        assertThat(nextLine()).matches(CLIENT + " " + DATE
                + " tr tr/up \\d+/\\d+/\\d+ \\d+ -- 1/1/0/0/\\+1 0/0");
    }
}
