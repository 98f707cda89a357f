package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.Clock;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.LbConfig;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code tcp-request connection|content accept|reject}: a rejected client (this test's,
 * 127.0.0.1) sees its connection closed without a byte, as HAProxy closes it (a reset for a
 * connection rule, an end it reads for a content rule); an accepted one is served.
 */
class TcpRequestRulesTest {
    private static final String GET = "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

    private final TestResources resources = new TestResources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    private int start(String mode, String rules, int serverPort) {
        int port = TestConfigs.freePort();
        LbConfig config = new HaproxyConfigParser(Map.of(), false).parse("lb.cfg", """
                listen web
                    mode %s
                    bind 127.0.0.1:%d
                    acl private src 10.0.0.0/8 192.168.0.0/16
                %s
                    server app 127.0.0.1:%d
                """.formatted(mode, port, rules, serverPort));
        resources.add(LoadBalancer.start(config, Clock.system(), new SplittableRandom(13),
                "test"));
        return port;
    }

    /**
     * How a connection that sent a request ends without an answer: {@code "end"} for a
     * close the client reads as its end, {@code "reset"} for a reset.
     */
    private static String unansweredEnd(int port) throws Exception {
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write(GET.getBytes(StandardCharsets.US_ASCII));
            assertThat(client.getInputStream().readAllBytes()).isEmpty();
            return "end";
        } catch (java.net.SocketException reset) {
            assertThat(reset).hasMessageContaining("reset");
            return "reset";
        }
    }

    @Test
    void contentRulesInHttpModeCloseTheRejectedAndServeTheAccepted() throws Exception {
        TestBackend app = resources.backend("app");
        int rejecting = start("http", """
                    tcp-request content accept if private
                    tcp-request content reject
                """, app.port);
        assertThat(unansweredEnd(rejecting)).isEqualTo("end");
        assertThat(app.requests).hasValue(0);
        int accepting = start("http", """
                    tcp-request content accept if LOCALHOST
                    tcp-request content reject
                """, app.port);
        assertThat(RawHttp.exchange(accepting, GET)).startsWith("HTTP/1.1 200");
        assertThat(app.requests).hasValue(1);
    }

    @Test
    void connectionRulesInTcpModeResetTheRejectedAndContentRulesCloseThem() throws Exception {
        TestBackend app = resources.backend("app");
        int byConnection = start("tcp", """
                    tcp-request connection reject unless private
                """, app.port);
        assertThat(unansweredEnd(byConnection)).isEqualTo("reset");
        int byContent = start("tcp", """
                    tcp-request content reject if !private
                """, app.port);
        assertThat(unansweredEnd(byContent)).isEqualTo("end");
        assertThat(app.requests).hasValue(0);
        int accepting = start("tcp", """
                    tcp-request connection accept if LOCALHOST
                    tcp-request connection reject
                """, app.port);
        assertThat(RawHttp.exchange(accepting, GET)).startsWith("HTTP/1.1 200");
        assertThat(app.requests).hasValue(1);
    }
}
