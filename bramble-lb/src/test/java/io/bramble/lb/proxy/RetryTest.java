package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.net.HostPort;
import io.bramble.common.time.Clock;
import io.bramble.lb.config.ConfigLocation;
import io.bramble.lb.config.ProxyConfig;
import io.bramble.lb.config.ServerConfig;
import io.bramble.lb.config.ServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A server that drops the first connection after reading the request head, as a server
 * killed mid-request does, then answers normally: what may be retried is retried, the rest
 * gets 502.
 */
class RetryTest {
    /** Accepts connections forever; the first one is closed without an answer. */
    private static final class FlakyServer implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger connections = new AtomicInteger();

        FlakyServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(this::acceptLoop);
        }

        private void acceptLoop() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    int number = connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(connection, number));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private static void serve(Socket connection, int number) {
            try (connection) {
                InputStream in = connection.getInputStream();
                String head = readHead(in);
                if (number == 1) {
                    return;
                }
                int length = head.contains("Content-Length: 5") ? 5 : 0;
                in.readNBytes(length);
                connection.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n"
                        + "Connection: close\r\n\r\nok\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException ignored) {
                // the client went away
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while (!head.toString().endsWith("\r\n\r\n") && (b = in.read()) >= 0) {
            head.append((char) b);
        }
        return head.toString();
    }

    private static LoadBalancer start(FlakyServer server) {
        ProxyConfig.Builder farm = TestConfigs.listen("farm");
        farm.servers.add(new ServerConfig("flaky", new HostPort("127.0.0.1",
                server.socket.getLocalPort()), ServerOptions.DEFAULTS, ConfigLocation.NONE));
        return LoadBalancer.start(TestConfigs.of(farm), Clock.system(), new SplittableRandom(1),
                "test");
    }

    @Test
    void aGetIsRetriedOnAFreshConnection() throws Exception {
        try (FlakyServer server = new FlakyServer(); LoadBalancer balancer = start(server)) {
            String answer = RawHttp.exchange(balancer.boundAddresses().get(0).getPort(),
                    "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 200").endsWith("ok\n");
            assertThat(server.connections.get()).isEqualTo(2);
            assertThat(balancer.statsCsv()).contains("farm,BACKEND");
        }
    }

    @Test
    void aPostWhoseBodyWentOutIsNotRetried() throws Exception {
        try (FlakyServer server = new FlakyServer(); LoadBalancer balancer = start(server)) {
            String answer = RawHttp.exchange(balancer.boundAddresses().get(0).getPort(),
                    "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                            + "Connection: close\r\n\r\nhello");
            assertThat(answer).startsWith("HTTP/1.1 502");
            assertThat(server.connections.get()).isEqualTo(1);
        }
    }
}
