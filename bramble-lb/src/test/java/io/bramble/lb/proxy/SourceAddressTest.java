package io.bramble.lb.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.config.ConfigException;
import io.bramble.lb.config.HaproxyConfigParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code source ADDR[:PORT]} in a backend and on a server: the server sees bramble's
 * connections, health checks' included, come from that address (Linux answers on all of
 * 127.0.0.0/8, so 127.0.0.2 and 127.0.0.3 need no setup).
 */
class SourceAddressTest {
    private static final String GET = "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

    private final TestResources resources = new TestResources();

    @AfterEach
    void closeAll() throws Exception {
        resources.close();
    }

    /** Answers each connection with an empty 200 once its request head or end came. */
    private static final class PeerRecorder implements AutoCloseable {
        final ServerSocket socket;
        final Set<String> peers = ConcurrentHashMap.newKeySet();

        PeerRecorder() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try (Socket peer = socket.accept()) {
                        peers.add(peer.getInetAddress().getHostAddress());
                        readHead(peer.getInputStream());
                        peer.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n"
                                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        // a check's connection closed at once, or the socket closed
                    }
                }
            });
        }

        private static void readHead(InputStream in) throws IOException {
            StringBuilder seen = new StringBuilder();
            int b;
            while (!seen.toString().endsWith("\r\n\r\n") && (b = in.read()) >= 0) {
                seen.append((char) b);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private int start(String mode, PeerRecorder first, PeerRecorder second) {
        int port = TestConfigs.freePort();
        resources.balancer("""
                listen web
                    mode %s
                    bind 127.0.0.1:%d
                    timeout connect 5s
                    timeout client 10s
                    timeout server 10s
                    source 127.0.0.2
                    balance roundrobin
                    server a 127.0.0.1:%d check inter 200
                    server b 127.0.0.1:%d source 127.0.0.3:0
                """.formatted(mode, port, first.socket.getLocalPort(),
                second.socket.getLocalPort()));
        return port;
    }

    @Test
    void connectionsLeaveFromTheServersSourceElseTheBackends() throws Exception {
        for (String mode : new String[]{"tcp", "http"}) {
            try (PeerRecorder first = new PeerRecorder();
                    PeerRecorder second = new PeerRecorder()) {
                int port = start(mode, first, second);
                for (int i = 0; i < 4; i++) {
                    assertThat(RawHttp.exchange(port, GET)).as(mode).startsWith("HTTP/1.1 200");
                }
                assertThat(first.peers).as(mode).containsExactly("127.0.0.2");
                assertThat(second.peers).as(mode).containsExactly("127.0.0.3");
            }
        }
    }

    @Test
    void transparentModesAndNamesAreRefusedByName() {
        for (String[] refused : new String[][]{
                {"source 0.0.0.0 usesrc clientip", "lb.cfg:3: source: 'usesrc' after source is "
                        + "not supported by bramble"},
                {"source 10.0.0.1 interface eth0", "'interface' after source is not supported"},
                {"source lb.example", "lb.cfg:3: source: expected a source address"},
                {"server s 127.0.0.1:80 source 10.0.0.1 usesrc client", "lb.cfg:3: server: "
                        + "'usesrc' after source"}}) {
            assertThatThrownBy(() -> new HaproxyConfigParser(Map.of(), true).parse("lb.cfg",
                    "backend b\n    mode tcp\n    " + refused[0] + "\n"))
                    .isInstanceOf(ConfigException.class).hasMessageContaining(refused[1]);
        }
    }
}
