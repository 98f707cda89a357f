package io.bramble.it.lbdiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.http.RecordingBackend;
import io.bramble.testkit.process.ManagedProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stick tables in Debian's HAProxy and in {@code bramble lb}, both real processes with the same
 * haproxy.cfg: a client over its request rate is denied 429 from the same request on, and a
 * client's connections beyond the limit are refused while the others stay open.
 */
class StickTableSideBySideTest {
    /** Requests per client within the rate's period (10 s: far longer than the test). */
    static final int RATE_LIMIT = 20;
    /** Connections a client may hold open at once. */
    static final int CONNECTIONS_MAX = 2;
    private static final String KEPT_GET = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    private static final String GET = "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable resource : started.reversed()) {
            resource.close();
        }
    }

    @Test
    void theRequestOverTheRateIsDeniedByBoth() throws Exception {
        Path haproxy = Haproxy.assumeInstalled();
        for (Proxy proxy : List.of(startHaproxy(haproxy), startBramble())) {
            List<String> statuses = new ArrayList<>();
            for (int i = 0; i < RATE_LIMIT + 3; i++) {
                statuses.add(status(proxy.rate()));
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < RATE_LIMIT + 3; i++) {
                expected.add(i < RATE_LIMIT ? "200" : "429");
            }
            assertThat(statuses).as(proxy.name()).isEqualTo(expected);
        }
    }

    @Test
    void connectionsOverTheLimitAreRefusedByBothUntilOneCloses() throws Exception {
        Path haproxy = Haproxy.assumeInstalled();
        for (Proxy proxy : List.of(startHaproxy(haproxy), startBramble())) {
            List<Socket> held = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS_MAX; i++) {
                Socket socket = open(proxy.connections());
                held.add(socket);
                // Served and kept alive: surely accepted, and tracked since.
                socket.getOutputStream().write(KEPT_GET.getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(socket.getInputStream().readNBytes(12),
                        StandardCharsets.US_ASCII)).as(proxy.name()).endsWith("200");
            }
            await(proxy.name() + " refusing a third").atMost(Duration.ofSeconds(10))
                    .until(() -> status(proxy.connections()), equalTo("refused"));
            held.removeFirst().close();
            await(proxy.name() + " accepting again").atMost(Duration.ofSeconds(10))
                    .until(() -> status(proxy.connections()), equalTo("200"));
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private record Proxy(String name, InetSocketAddress rate, InetSocketAddress connections) {}

    private static String config(HostPort rate, int connectionsPort, RecordingBackend server) {
        return SharedConfig.DEFAULTS + """
                frontend rate
                    bind RATE
                    stick-table type ip size 100k expire 30s store http_req_rate(10s)
                    http-request track-sc0 src
                    http-request deny deny_status 429 if { sc_http_req_rate(0) gt LIMIT }
                    default_backend origin
                frontend connections
                    bind HOST:CONNECTIONS_PORT
                    tcp-request connection track-sc1 src table per_ip
                    tcp-request connection reject if { sc1_conn_cur gt CONNECTIONS_MAX }
                    default_backend origin
                backend per_ip
                    stick-table type ip size 1k store conn_cur
                backend origin
                    server origin SERVER
                """.replace("RATE", rate.toString())
                .replace("LIMIT", Integer.toString(RATE_LIMIT))
                .replace("HOST", rate.host())
                .replace("CONNECTIONS_PORT", Integer.toString(connectionsPort))
                .replace("CONNECTIONS_MAX", Integer.toString(CONNECTIONS_MAX))
                .replace("SERVER", server.address().getHostAddress() + ":" + server.port());
    }

    private Proxy startHaproxy(Path program) {
        RecordingBackend backend = backend("origin-haproxy");
        HostPort endpoint = cluster.endpoint("haproxy");
        int connections = cluster.freePort("haproxy");
        Path config = write("haproxy.cfg", config(endpoint, connections, backend));
        ManagedProcess process = Haproxy.start(program, config, endpoint,
                cluster.logDir().resolve("haproxy.log"));
        started.add(process::stop);
        return proxy("haproxy", endpoint, connections);
    }

    private Proxy startBramble() {
        RecordingBackend backend = backend("origin-bramble");
        HostPort endpoint = cluster.endpoint("lb");
        int connections = cluster.freePort("lb");
        Path config = write("bramble.cfg", config(endpoint, connections, backend));
        ManagedProcess lb = cluster.start("lb", "lb", "-f", config.toString());
        lb.awaitPort();
        return proxy("bramble", endpoint, connections);
    }

    private static Proxy proxy(String name, HostPort endpoint, int connectionsPort) {
        InetSocketAddress rate = HaproxyDifferentialTest.address(endpoint);
        return new Proxy(name, rate, new InetSocketAddress(rate.getAddress(), connectionsPort));
    }

    private RecordingBackend backend(String name) {
        return HaproxyDifferentialTest.backend(cluster, started, name);
    }

    private Path write(String name, String text) {
        return HaproxyDifferentialTest.write(dir, name, text);
    }

    private static Socket open(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** The status of one request on a new connection, or "refused" when closed unanswered. */
    private static String status(InetSocketAddress address) throws IOException {
        try (Socket socket = open(address)) {
            socket.getOutputStream().write(GET.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            if (head.length < 12) {
                return "refused";
            }
            return new String(head, 9, 3, StandardCharsets.US_ASCII);
        } catch (java.net.SocketException reset) {
            return "refused";
        }
    }
}
