package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.Clock;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.LbConfig;
import io.bramble.testkit.http.RecordedRequest;
import io.bramble.testkit.http.RecordingBackend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Raw requests an attacker would send, each checked on both sides: what the client got and
 * what the server received (how many requests, their targets and bodies). Behind the proxy,
 * deny rules guard {@code /admin} and the Host {@code admin.internal}.
 */
class RequestSmugglingTest {
    private final TestResources resources = new TestResources();
    private RecordingBackend server;
    private int port;

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    private void start(String extra) throws IOException {
        server = resources.add(RecordingBackend.start(InetAddress.getLoopbackAddress(), 0));
        LbConfig config = new HaproxyConfigParser(Map.of(), false).parse("lb.cfg", """
                defaults
                    mode http
                    timeout connect 5s
                    timeout client 5s
                    timeout server 5s
                listen web
                    bind 127.0.0.1:%d
                    http-request deny if { path_beg /admin }
                    http-request deny if { hdr(host) -i admin.internal }
                %s
                    server app 127.0.0.1:%d
                """.formatted(TestConfigs.freePort(), extra, server.port()));
        LoadBalancer balancer = resources.add(LoadBalancer.start(config, Clock.system(),
                new SplittableRandom(5), "test"));
        port = balancer.boundAddresses().get(0).getPort();
    }

    @Test
    void connectionNamingContentLengthSmugglesNothing() throws Exception {
        start("");
        String smuggled = "GET /admin/secret HTTP/1.1\r\nHost: admin.internal\r\n\r\n";
        String answer = send("POST /public HTTP/1.1\r\nHost: t\r\nConnection: Content-Length\r\n"
                + "Content-Length: " + smuggled.length() + "\r\n\r\n" + smuggled, true);
        assertThat(answer).startsWith("HTTP/1.1 200").containsOnlyOnce("HTTP/1.1");
        assertThat(server.requests()).hasSize(1);
        assertThat(server.requests().get(0).target()).isEqualTo("/public");
        assertThat(body(server.requests().get(0))).isEqualTo(smuggled);
    }

    @Test
    void connectionNamingTransferEncodingSmugglesNothing() throws Exception {
        start("");
        String smuggled = "GET /admin/secret HTTP/1.1\r\nHost: admin.internal\r\n\r\n";
        String answer = send("POST /public HTTP/1.1\r\nHost: t\r\nConnection: Transfer-Encoding"
                + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(smuggled.length()) + "\r\n" + smuggled + "\r\n0\r\n\r\n",
                true);
        assertThat(answer).startsWith("HTTP/1.1 200").containsOnlyOnce("HTTP/1.1");
        assertThat(server.requests()).hasSize(1);
        assertThat(body(server.requests().get(0))).isEqualTo(smuggled);
    }

    @Test
    void connectionNamingHostKeepsTheHost() throws Exception {
        start("");
        send("GET / HTTP/1.1\r\nHost: t\r\nConnection: Host, X-Gone\r\nX-Gone: 1\r\n\r\n", true);
        assertThat(server.requests()).hasSize(1);
        assertThat(server.requests().get(0).host()).isEqualTo("t");
        assertThat(server.requests().get(0).values("X-Gone")).isEmpty();
    }

    @Test
    void rulesCannotChangeHowABodyIsRead() throws Exception {
        start("""
                    http-request del-header Content-Length
                    http-response del-header Content-Length
                """);
        String answer = send("POST /a HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhello"
                + "GET /b HTTP/1.1\r\nHost: t\r\n\r\n", true);
        assertThat(server.requests()).extracting(RecordedRequest::target)
                .containsExactly("/a", "/b");
        assertThat(body(server.requests().get(0))).isEqualTo("hello");
        assertThat(answer.split("HTTP/1.1 200", -1)).as(answer).hasSize(3);
        assertThat(answer).contains("seq 1\n", "seq 2\n");
        assertThat(answer.toLowerCase(java.util.Locale.ROOT).split("content-length: 6", -1))
                .as("each answer keeps its length").hasSize(3);
    }

    @Test
    void aMalformedChunkNeverReachesTheServerAsACompleteBody() throws Exception {
        start("");
        for (String bad : new String[]{"2g", "0x5", "-5", "", "ffffffffffffffffffff"}) {
            String answer = send("POST /pay HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked"
                    + "\r\n\r\n9\r\namount=10\r\n" + bad + "\r\nxx\r\n0\r\n\r\n", false);
            assertThat(answer).as(bad).startsWith("HTTP/1.1 400");
        }
        String answer = send("POST /pay HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked"
                + "\r\n\r\n5\r\nabcdeXX0\r\n\r\n", false);
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void lenientChunkLinesHaproxyForwardsAreForwardedIntact() throws Exception {
        start("");
        send("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5 \r\nabcde\r\n"
                + "0\r\n\r\n", true);
        send("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5\nabcde\n0\n\n",
                true);
        assertThat(server.requests()).extracting(RequestSmugglingTest::body)
                .containsExactly("abcde", "abcde");
    }

    @Test
    void anAuthorityOtherThanTheHostIsRefusedAndOneWithoutHostIsRuledByIt() throws Exception {
        start("");
        assertThat(send("GET http://admin.internal/secret HTTP/1.1\r\nHost: public\r\n\r\n",
                false)).startsWith("HTTP/1.1 400");
        assertThat(send("GET http://admin.internal/x HTTP/1.1\r\n\r\n", false))
                .startsWith("HTTP/1.1 403");
        assertThat(send("GET / HTTP/1.1\r\nHost: a\r\nHost: admin.internal\r\n\r\n", false))
                .startsWith("HTTP/1.1 400");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void targetBytesGoOutAsReceivedOrNotAtAll() throws Exception {
        start("");
        for (String target : new String[]{"/a\u0000b", "/a\u0001b", "/caf\u00c3\u00a9",
                "/a#f", "a"}) {
            assertThat(send("GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n", false))
                    .as(target).startsWith("HTTP/1.1 400");
        }
        assertThat(send("GET / http/1.1\r\nHost: t\r\n\r\n", false)).startsWith("HTTP/1.1 400");
        send("GET /a%C3%A9?q=%00{}|^ HTTP/1.1\r\nHost: t\r\n\r\n", true);
        assertThat(server.requests()).extracting(RecordedRequest::target)
                .containsExactly("/a%C3%A9?q=%00{}|^");
    }

    @Test
    void smallerOnesAreRefused() throws Exception {
        start("");
        assertThat(send("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                + "0\r\n\r\n", false)).startsWith("HTTP/1.1 422");
        assertThat(send("POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "0\r\nbad trailer\r\n\r\n", false)).startsWith("HTTP/1.1 400");
        StringBuilder many = new StringBuilder("GET / HTTP/1.1\r\nHost: t\r\n");
        for (int i = 0; i < 100; i++) {
            many.append("X-").append(i).append(": v\r\n");
        }
        assertThat(send(many + "\r\n", false)).startsWith("HTTP/1.1 431");
        assertThat(send("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", false)).startsWith("HTTP/1.1 505");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void whatRealClientsSendIsServed() throws Exception {
        start("");
        send("GET /" + "a".repeat(12_000) + " HTTP/1.1\r\nHost: t\r\n\r\n", true);
        send("GET /bare HTTP/1.1\nHost: t\n\n", true);
        send("POST /twice HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n"
                + "ok", true);
        assertThat(server.requests()).extracting(RecordedRequest::target)
                .containsExactly("/" + "a".repeat(12_000), "/bare", "/twice");
        assertThat(body(server.requests().get(2))).isEqualTo("ok");
    }

    @Test
    void aClientThatHalfClosesAfterItsRequestGetsTheAnswer() throws Exception {
        start("");
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write("GET /half HTTP/1.1\r\nHost: t\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            client.shutdownOutput();
            assertThat(new String(client.getInputStream().readAllBytes(),
                    StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200").endsWith("seq 1\n");
        }
    }

    @Test
    void pipelinedRequestsBeforeAHalfCloseAreAllAnswered() throws Exception {
        start("");
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write(("POST /one HTTP/1.1\r\nHost: t\r\nContent-Length: 3"
                    + "\r\n\r\nabcPOST /two HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\ndef")
                    .getBytes(StandardCharsets.ISO_8859_1));
            client.shutdownOutput();
            String answers = new String(client.getInputStream().readAllBytes(),
                    StandardCharsets.ISO_8859_1);
            assertThat(answers.split("HTTP/1.1 200", -1)).as(answers).hasSize(3);
        }
        assertThat(server.requests()).extracting(RequestSmugglingTest::body)
                .containsExactly("abc", "def");
    }

    @Test
    void aWebSocketUpgradeBecomesATunnel() throws Exception {
        start("    timeout tunnel 10s");
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: t\r\nConnection: Upgrade"
                    + "\r\nUpgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\nearly")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = client.getInputStream();
            String head = readUntil(in, "\r\n\r\n");
            assertThat(head).startsWith("HTTP/1.1 101").containsIgnoringCase("upgrade: websocket");
            assertThat(readUntil(in, "early")).isEqualTo("early");
            client.getOutputStream().write("frame".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(readUntil(in, "frame")).isEqualTo("frame");
        }
        assertThat(server.requests()).hasSize(1);
        assertThat(server.requests().get(0).values("Upgrade")).containsExactly("websocket");
    }

    @Test
    void connectBecomesATunnelAndItsConnectionIsNeverReused() throws Exception {
        start("");
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write("CONNECT t:443 HTTP/1.1\r\nHost: t:443\r\n\r\nhello"
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = client.getInputStream();
            assertThat(readUntil(in, "\r\n\r\n")).startsWith("HTTP/1.1 200");
            assertThat(readUntil(in, "hello")).isEqualTo("hello");
        }
        send("GET /after HTTP/1.1\r\nHost: t\r\n\r\n", true);
        assertThat(server.requests()).extracting(RecordedRequest::target)
                .containsExactly("t:443", "/after");
        assertThat(server.connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void idleServerConnectionsStayFewUnderALongPostLoop() throws Exception {
        start("    default-server pool-purge-delay 1s");
        String post = "POST /p HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\nok";
        for (int i = 0; i < 150; i++) {
            try (Socket client = new Socket("127.0.0.1", port)) {
                assertThat(exchangeOne(client, post)).startsWith("HTTP/1.1 200");
            }
        }
        try (Socket client = new Socket("127.0.0.1", port)) {
            for (int i = 0; i < 150; i++) {
                assertThat(exchangeOne(client, post)).startsWith("HTTP/1.1 200");
            }
        }
        assertThat(server.requests()).hasSize(300);
        assertThat(server.connectionsOpen()).isLessThanOrEqualTo(4);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> server.connectionsOpen() == 0);
    }

    @Test
    void pipelinedRequestsAreServedInOrder() throws Exception {
        start("");
        String answer = send("GET /1 HTTP/1.1\r\nHost: t\r\n\r\nPOST /2 HTTP/1.1\r\nHost: t\r\n"
                + "Content-Length: 1\r\n\r\nxGET /3 HTTP/1.1\r\nHost: t\r\n\r\n", true);
        assertThat(server.requests()).extracting(RecordedRequest::target)
                .containsExactly("/1", "/2", "/3");
        assertThat(answer.split("HTTP/1.1 200", -1)).as(answer).hasSize(4);
    }

    /**
     * Sends the bytes on a new connection; with {@code keepAlive} reads until the answers
     * stop coming (the connection stays open), else until the proxy closes.
     */
    private String send(String request, boolean keepAlive) throws IOException {
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(keepAlive ? 300 : 10_000);
            client.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            try {
                int read;
                while ((read = client.getInputStream().read(buffer)) >= 0) {
                    received.write(buffer, 0, read);
                }
            } catch (SocketTimeoutException quiet) {
                if (received.size() == 0 && System.nanoTime() < deadline) {
                    return sendWait(client, received);
                }
            }
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Waits longer for the first answer of a keep-alive exchange, then for quiet. */
    private static String sendWait(Socket client, ByteArrayOutputStream received)
            throws IOException {
        client.setSoTimeout(10_000);
        byte[] buffer = new byte[8192];
        int read = client.getInputStream().read(buffer);
        if (read > 0) {
            received.write(buffer, 0, read);
            client.setSoTimeout(300);
            try {
                while ((read = client.getInputStream().read(buffer)) >= 0) {
                    received.write(buffer, 0, read);
                }
            } catch (SocketTimeoutException quiet) {
                // the answers stopped
            }
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    /** One request and its answer, read to the end its Content-Length gives. */
    private static String exchangeOne(Socket client, String request) throws IOException {
        client.setSoTimeout(10_000);
        client.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = client.getInputStream();
        String head = readUntil(in, "\r\n\r\n");
        java.util.regex.Matcher length = java.util.regex.Pattern
                .compile("(?i)content-length: *(\\d+)").matcher(head);
        int bodyBytes = length.find() ? Integer.parseInt(length.group(1)) : 0;
        return head + new String(in.readNBytes(bodyBytes), StandardCharsets.ISO_8859_1);
    }

    private static String body(RecordedRequest request) {
        return new String(request.body(), StandardCharsets.ISO_8859_1);
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        StringBuilder text = new StringBuilder();
        int b;
        while (!text.toString().endsWith(end) && (b = in.read()) >= 0) {
            text.append((char) b);
        }
        return text.toString();
    }
}
