package io.bramble.it.lb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.process.ManagedProcess;
import io.bramble.testkit.web.WebRoots;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Limits that protect the process; exceeding one hurts only the offending connection. */
class LimitsTest {
    static final int SLOWLORIS_CONNECTIONS = 2_000;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    @Test
    void slowlorisConnectionsDoNotStopANormalClient() throws Exception {
        HostPort lb = LbProcesses.startTwoWebsAndLb(cluster, dir,
                "global\n  maxconn 10000\n", "  maxconn 5000\n  timeout http-request 5s\n");
        List<SocketChannel> idle = new ArrayList<>();
        try {
            for (int i = 0; i < SLOWLORIS_CONNECTIONS; i++) {
                SocketChannel channel = SocketChannel.open(new InetSocketAddress(lb.host(),
                        lb.port()));
                // A request head that never ends, as slowloris sends.
                channel.write(ByteBuffer.wrap("GET / HTTP/1.1\r\nHost: slow\r\nX-a: b\r\n"
                        .getBytes(StandardCharsets.US_ASCII)));
                idle.add(channel);
            }
            String answer = RawClient.get(lb, "/");
            assertThat(answer).startsWith("HTTP/1.1 200").contains("I am web");
            assertThat(idle).allMatch(SocketChannel::isConnected);

            // timeout http-request ends each of them, however patient: 408, then close.
            for (SocketChannel channel : idle) {
                channel.socket().setSoTimeout(60_000);
                InputStream in = channel.socket().getInputStream();
                String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(response).startsWith("HTTP/1.1 408");
            }
        } finally {
            for (SocketChannel channel : idle) {
                channel.close();
            }
        }
        assertThat(RawClient.get(lb, "/")).startsWith("HTTP/1.1 200");
    }

    @Test
    void tooManyHeaderLinesGet431AndOthersAreServed() throws Exception {
        HostPort lb = LbProcesses.startTwoWebsAndLb(cluster, dir, "", "");
        StringBuilder request = new StringBuilder("GET / HTTP/1.1\r\nHost: test\r\n");
        for (int i = 0; i < 150; i++) {
            request.append("X-Header-").append(i).append(": v\r\n");
        }
        request.append("\r\n");
        try (RawClient client = new RawClient(lb)) {
            client.send(request.toString());
            assertThat(client.readToEnd()).startsWith("HTTP/1.1 431");
        }
        assertThat(RawClient.get(lb, "/")).startsWith("HTTP/1.1 200");
    }

    @Test
    void requestsWaitForAFullServerUntilTimeoutQueue() throws Exception {
        Path site = WebRoots.named(dir, "web1");
        byte[] big = new byte[32 * 1024 * 1024];
        Files.write(site.resolve("big.bin"), big);
        ManagedProcess web = cluster.start("web1", "web", "--root", site.toString(), "--bind",
                cluster.endpoint("web1").toString());
        HostPort lb = cluster.endpoint("lb");
        Path file = LbProcesses.write(dir.resolve("haproxy.cfg"), LbProcesses.defaults()
                + "  timeout queue 2s\nfrontend www\n  bind " + lb + "\n  default_backend app\n"
                + "backend app\n  server web1 " + cluster.endpoint("web1") + " maxconn 1\n");
        web.awaitPort();
        cluster.start("lb", "lb", "-f", file.toString()).awaitPort();

        try (RawClient holder = new RawClient(lb)) {
            // The big download is not read: it keeps web1's only slot.
            holder.send("GET /big.bin HTTP/1.1\r\nHost: test\r\n\r\n");
            InputStream in = holder.socket.getInputStream();
            assertThat(new String(in.readNBytes(12), StandardCharsets.ISO_8859_1))
                    .isEqualTo("HTTP/1.1 200");

            assertThat(RawClient.get(lb, "/")).startsWith("HTTP/1.1 503");

            CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return RawClient.get(lb, "/");
                } catch (IOException e) {
                    return e.toString();
                }
            });
            await().pollDelay(Duration.ofMillis(500)).until(() -> true);
            long read = drain(in);
            assertThat(read + 12).isGreaterThan(big.length);
            assertThat(waiting.get()).startsWith("HTTP/1.1 200").contains("I am web1");
        }
    }

    /** Reads the rest of a response that ends when its body is complete. */
    private static long drain(InputStream in) throws IOException {
        long total = 0;
        byte[] buffer = new byte[65_536];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total >= 32L * 1024 * 1024) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            return total;
        }
        return total;
    }
}
