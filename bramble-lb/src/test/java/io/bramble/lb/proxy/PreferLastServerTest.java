package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.time.Clock;
import io.bramble.lb.config.HaproxyConfigParser;
import io.bramble.lb.config.LbConfig;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code option prefer-last-server} as HAProxy 2.6.12 runs it: the requests of one client
 * connection stay on the server of the first when the backend keeps its server connections
 * private ({@code http-reuse never}); with the default {@code http-reuse safe} the connection
 * goes back to the server's shared pool and round robin alternates as without the option
 * (both observed with HAProxy 2.6.12: {@code ABABA} with safe, {@code AAAAA} with never).
 */
class PreferLastServerTest {
    private final TestResources resources = new TestResources();
    private final List<TestBackend> backends = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        backends.forEach(TestBackend::close);
        resources.close();
    }

    @Test
    void withHttpReuseNeverAConnectionsRequestsStayOnTheFirstServer() throws Exception {
        int port = start("never", "option prefer-last-server");
        List<String> first = servers(port, 5);
        List<String> second = servers(port, 5);
        assertThat(first).hasSize(5).containsOnly(first.getFirst());
        assertThat(second).hasSize(5).containsOnly(second.getFirst());
        assertThat(second.getFirst()).isNotEqualTo(first.getFirst());
    }

    @Test
    void withTheDefaultReuseRoundRobinAlternatesAsWithoutTheOption() throws Exception {
        int port = start("safe", "option prefer-last-server");
        assertThat(String.join("", servers(port, 5))).isIn("ababa", "babab");
    }

    @Test
    void withoutTheOptionRoundRobinAlternatesEvenWithHttpReuseNever() throws Exception {
        int port = start("never", "no option prefer-last-server");
        assertThat(String.join("", servers(port, 5))).isIn("ababa", "babab");
    }

    @Test
    void aServerThatGoesAwayIsLeftForTheOther() throws Exception {
        int port = start("never", "option prefer-last-server");
        try (Socket client = new Socket("127.0.0.1", port)) {
            String firstServer = ask(client);
            assertThat(ask(client)).isEqualTo(firstServer);
            TestBackend gone = backends.get(firstServer.equals("a") ? 0 : 1);
            gone.stop();
            String other = firstServer.equals("a") ? "b" : "a";
            assertThat(ask(client)).isEqualTo(other);
            assertThat(ask(client)).isEqualTo(other);
        }
    }

    /** Starts servers a and b behind a round-robin listen section; returns its port. */
    private int start(String reuse, String optionLine) throws IOException {
        backends.add(TestBackend.start("a"));
        backends.add(TestBackend.start("b"));
        int port = TestConfigs.freePort();
        LbConfig config = new HaproxyConfigParser(Map.of(), false).parse("lb.cfg", """
                defaults
                    mode http
                    timeout client 5s
                    timeout server 5s
                    timeout connect 1s
                    http-reuse %s
                listen web
                    bind 127.0.0.1:%d
                    balance roundrobin
                    %s
                    server a 127.0.0.1:%d
                    server b 127.0.0.1:%d
                """.formatted(reuse, port, optionLine, backends.get(0).port,
                backends.get(1).port));
        resources.add(LoadBalancer.start(config, Clock.system(), new SplittableRandom(5),
                "test"));
        return port;
    }

    /** The servers that answered {@code count} requests sent one after another on one connection. */
    private static List<String> servers(int port, int count) throws IOException {
        List<String> answered = new ArrayList<>();
        try (Socket client = new Socket("127.0.0.1", port)) {
            for (int i = 0; i < count; i++) {
                answered.add(ask(client));
            }
        }
        return answered;
    }

    /** One keep-alive GET on {@code client}; the name of the server that answered. */
    private static String ask(Socket client) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write("GET / HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = new BufferedInputStream(client.getInputStream(), 1);
        String status = line(in);
        assertThat(status).startsWith("HTTP/1.1 200");
        int length = -1;
        String header;
        while (!(header = line(in)).isEmpty()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).trim());
            }
        }
        assertThat(length).isPositive();
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return body.substring(0, body.indexOf(' '));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                text.append((char) c);
            }
        }
        return text.toString();
    }
}
