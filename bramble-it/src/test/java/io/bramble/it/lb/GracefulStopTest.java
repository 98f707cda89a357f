package io.bramble.it.lb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.exec.Signals;
import io.bramble.testkit.net.PortProbe;
import io.bramble.testkit.process.ManagedProcess;
import io.bramble.testkit.web.WebRoots;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SIGUSR1: stop accepting, finish what is in flight, then exit 0. */
class GracefulStopTest {
    /**
     * Larger than every buffer between the balancer and the test (the balancer's socket send
     * buffer alone may grow to 4 MiB on loopback), so the download is still in flight when
     * SIGUSR1 arrives and the balancer has to wait for it.
     */
    static final int FILE_BYTES = 32 * 1024 * 1024;
    static final int RECEIVE_BUFFER_BYTES = 64 * 1024;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    @Test
    void aDownloadInFlightCompletesAfterSigusr1() throws Exception {
        Path site = WebRoots.named(dir, "web1");
        byte[] file = new byte[FILE_BYTES];
        new SplittableRandom(11).nextBytes(file);
        Files.write(site.resolve("big.bin"), file);
        ManagedProcess web = cluster.start("web1", "web", "--root", site.toString(), "--bind",
                cluster.endpoint("web1").toString());
        HostPort lb = cluster.endpoint("lb");
        Path config = LbProcesses.write(dir.resolve("haproxy.cfg"), LbProcesses.defaults()
                + "frontend www\n  bind " + lb + "\n  default_backend app\nbackend app\n"
                + "  server web1 " + cluster.endpoint("web1") + " check\n");
        web.awaitPort();
        ManagedProcess balancer = cluster.start("lb", "lb", "-f", config.toString());
        balancer.awaitPort();

        try (Socket download = new Socket()) {
            download.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
            download.connect(new InetSocketAddress(lb.host(), lb.port()));
            download.setSoTimeout(60_000);
            download.getOutputStream().write("GET /big.bin HTTP/1.1\r\nHost: t\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = download.getInputStream();
            assertThat(HttpStream.readHead(in)).startsWith("HTTP/1.1 200");
            byte[] first = in.readNBytes(FILE_BYTES / 4);

            Signals.send(balancer.pid(), "USR1");
            await().atMost(Duration.ofSeconds(30)).until(() -> !PortProbe.accepts(lb));
            assertThat(balancer.isAlive()).as("waits for the download").isTrue();

            byte[] rest = in.readNBytes(FILE_BYTES - first.length);
            byte[] all = Arrays.copyOf(first, FILE_BYTES);
            System.arraycopy(rest, 0, all, first.length, rest.length);
            assertThat(all).isEqualTo(file);
        }
        assertThat(balancer.awaitExit(Duration.ofSeconds(60))).isZero();
    }
}
