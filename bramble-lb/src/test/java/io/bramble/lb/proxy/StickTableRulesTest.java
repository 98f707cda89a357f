package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.common.time.ManualClock;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.LbConfig;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stick tables in a running load balancer driven by a manual clock: a client's request rate
 * over the table's period denies it with 429 until the period has passed, and a client's
 * concurrent connections are counted while they are open.
 */
class StickTableRulesTest {
    private static final String GET = "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

    private final TestResources resources = new TestResources();
    private final ManualClock clock = new ManualClock();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    private int start(String lines, int serverPort) {
        int port = TestConfigs.freePort();
        LbConfig config = new HaproxyConfigParser(Map.of(), false).parse("lb.cfg", """
                listen web
                    mode http
                    bind 127.0.0.1:%d
                %s
                    server app 127.0.0.1:%d
                """.formatted(port, lines, serverPort));
        resources.add(LoadBalancer.start(config, clock, new SplittableRandom(13), "test"));
        return port;
    }

    @Test
    void theTwentyFirstRequestWithinTheRatePeriodIsDenied() throws Exception {
        TestBackend app = resources.backend("app");
        int port = start("""
                    stick-table type ip size 100k expire 30s store http_req_rate(1s)
                    http-request track-sc0 src
                    http-request deny deny_status 429 if { sc_http_req_rate(0) gt 20 }
                """, app.port);
        for (int i = 1; i <= 20; i++) {
            assertThat(RawHttp.exchange(port, GET)).as("request " + i).startsWith(
                    "HTTP/1.1 200");
        }
        assertThat(RawHttp.exchange(port, GET)).startsWith("HTTP/1.1 429");
        assertThat(app.requests).hasValue(20);
        // Two periods later nothing of them counts.
        clock.advanceMillis(2_000);
        assertThat(RawHttp.exchange(port, GET)).startsWith("HTTP/1.1 200");
    }

    @Test
    void connectionsTrackedAtAcceptAreCountedUntilTheyClose() throws Exception {
        TestBackend app = resources.backend("app");
        int port = start("""
                    stick-table type ip size 10 store conn_cur,sess_rate(10s)
                    tcp-request connection track-sc1 src
                    tcp-request connection reject if { sc1_conn_cur gt 2 }
                    http-request deny deny_status 403 if { src_sess_rate 3 }
                """, app.port);
        try (Socket first = open(port); Socket second = open(port)) {
            // Each is tracked when accepted, before its first request is read: once both have
            // answered, both are counted, whichever event loops accepted them.
            assertThat(answerKeptOpen(first)).startsWith("HTTP/1.1 200");
            assertThat(answerKeptOpen(second)).startsWith("HTTP/1.1 200");
            assertThat(closedUnanswered(port)).as("a third at once").isTrue();
            first.getOutputStream().write(GET.getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(first.getInputStream().readAllBytes(),
                    StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");
            // Once the first one's end is counted, a third one is accepted: the third session
            // accepted, which the deny rule names (the refused ones would make it more).
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                try (Socket third = open(port)) {
                    third.getOutputStream().write(GET.getBytes(StandardCharsets.US_ASCII));
                    return new String(third.getInputStream().readAllBytes(),
                            StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 403");
                } catch (java.net.SocketException reset) {
                    return false;
                }
            });
        }
    }

    private static Socket open(int port) throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** The head of the answer to a request sent on {@code socket}, which stays open. */
    private static String answerKeptOpen(Socket socket) throws Exception {
        socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(
                StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile(
                "(?i)\r\ncontent-length: *(\\d+)").matcher(head);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
        return head.toString();
    }

    /** True when a new connection is closed or reset without an answer. */
    private static boolean closedUnanswered(int port) throws Exception {
        try (Socket client = open(port)) {
            client.getOutputStream().write(GET.getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            return in.read() < 0;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }
}
