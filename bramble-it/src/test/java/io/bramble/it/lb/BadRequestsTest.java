package io.bramble.it.lb;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests that must never reach a server: smuggling-prone framing, invalid header names,
 * oversized heads. Each gets its status and the process goes on serving everyone else,
 * also while a client trickles a request in.
 */
class BadRequestsTest {
    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    private final LbClient client = new LbClient();

    @Test
    void malformedAndOversizedRequestsAreRefusedAndOthersServed() throws Exception {
        WebFarm farm = new WebFarm(cluster, dir);
        farm.web("web1");
        HostPort lb = cluster.endpoint("lb");
        HostPort stats = new HostPort(lb.host(), cluster.freePort("lb"));
        farm.lb(Seeds.debianDefault(farm.errorFiles()) + """
                listen stats
                    bind STATS
                    stats enable
                    stats uri /
                listen web
                    bind LB
                    server web1 WEB1 check
                """.replace("STATS", stats.toString()).replace("LB", lb.toString())
                .replace("WEB1", farm.endpoint("web1").toString()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> "UP".equals(client.statuses(stats, "/", "", "web").get("web1")));
        try (Socket trickle = new Socket(lb.host(), lb.port())) {
            trickle.getOutputStream().write("GET / HTTP/1.1\r\nHost: sl".getBytes());
            assertThat(exchange(lb, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")).startsWith("HTTP/1.1 400")
                    .contains("from the errorfile");
            assertThat(exchange(lb, "GET / HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n"))
                    .startsWith("HTTP/1.1 400");
            assertThat(exchange(lb, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: "
                    + "b".repeat(40_000) + "\r\n\r\n")).startsWith("HTTP/1.1 431");
            assertThat(exchange(lb, "GET /" + "u".repeat(20_000) + " HTTP/1.1\r\n\r\n"))
                    .startsWith("HTTP/1.1 414");
            for (int i = 0; i < 20; i++) {
                assertThat(client.servedBy(lb, "/")).isEqualTo("web1");
            }
            // The trickling client counts too once it gives up, as in HAProxy.
            assertThat(client.cell(stats, "/", "", "web", "FRONTEND", "ereq")).hasValue("4");
        }
        assertThat(cluster.process("web1").log().text()).doesNotContain("Bad Name")
                .doesNotContain("\"POST");
    }

    /** Sends raw bytes and reads until the load balancer closes the connection. */
    private static String exchange(HostPort lb, String request) throws IOException {
        try (Socket socket = new Socket(lb.host(), lb.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    received.write(buffer, 0, read);
                }
            } catch (java.net.SocketException reset) {
                // The load balancer may close while the rest of a huge request is unread.
            }
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
