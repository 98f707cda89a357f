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
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reloads under load, the complaint HAProxy users have most: a slow download and a slow upload
 * stay open across three reloads (one with a broken file, refused), both arrive byte for byte,
 * and a server that was UP never leaves UP.
 */
class ReloadTest {
    static final int FILE_BYTES = 8 * 1024 * 1024;
    static final int PIECES = 4;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    @BeforeEach
    void needsSocat() {
        Socat.assumeInstalled();
    }

    @Test
    void slowTransfersSurviveThreeReloadsAndChecksStayUp() throws Exception {
        Path site = WebRoots.named(dir, "web1");
        byte[] file = new byte[FILE_BYTES];
        new SplittableRandom(7).nextBytes(file);
        Files.write(site.resolve("big.bin"), file);
        ManagedProcess web = cluster.start("web1", "web", "--root", site.toString(), "--bind",
                cluster.endpoint("web1").toString());
        HostPort sinkAddress = cluster.endpoint("sink");
        Path socket = dir.resolve("admin.sock");
        HostPort lb = cluster.endpoint("lb");
        HostPort extra = new HostPort(lb.host(), cluster.freePort("lb"));
        Path config = dir.resolve("haproxy.cfg");
        String good = config(socket, lb, sinkAddress, "");
        LbProcesses.write(config, good);
        web.awaitPort();
        try (UploadSink sink = new UploadSink(new InetSocketAddress(sinkAddress.host(),
                sinkAddress.port()))) {
            ManagedProcess balancer = cluster.start("lb", "lb", "-f", config.toString());
            balancer.awaitPort();
            // The stats socket opens just after the listeners.
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(socket));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> status(socket,
                    "web1").equals("UP"));
            long changedBefore = lastChange(socket, "web1");

            try (Socket download = new Socket(lb.host(), lb.port());
                    Socket upload = new Socket(lb.host(), lb.port())) {
                download.setSoTimeout(60_000);
                upload.setSoTimeout(60_000);
                download.getOutputStream().write("GET /big.bin HTTP/1.1\r\nHost: t\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                InputStream downloaded = download.getInputStream();
                String head = HttpStream.readHead(downloaded);
                assertThat(head).startsWith("HTTP/1.1 200");
                assertThat(HttpStream.contentLength(head)).isEqualTo(FILE_BYTES);
                OutputStream uploading = upload.getOutputStream();
                uploading.write(("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: "
                        + FILE_BYTES + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                MessageDigest got = UploadSink.sha256();
                int piece = FILE_BYTES / PIECES;

                for (int step = 0; step < PIECES; step++) {
                    got.update(downloaded.readNBytes(piece));
                    uploading.write(file, step * piece, piece);
                    uploading.flush();
                    if (step == 0) {
                        // 1: kill -HUP, adding a listener and a response header.
                        LbProcesses.write(config, config(socket, lb, sinkAddress,
                                "  bind " + extra + "\n  http-response set-header "
                                        + "X-Generation two\n"));
                        Signals.send(balancer.pid(), "HUP");
                        await().atMost(Duration.ofSeconds(30)).until(() -> PortProbe.accepts(
                                extra));
                        assertThat(RawClient.get(extra, "/")).contains("X-Generation: two");
                    } else if (step == 1) {
                        // 2: a broken file is refused, its error printed; the old one runs.
                        LbProcesses.write(config, good + "  no-such-keyword on\n");
                        ManagedProcess refused = cluster.start("reload-broken", "lb",
                                "reload", "-f", config.toString());
                        assertThat(refused.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
                        refused.awaitLine("haproxy\\.cfg:\\d+: no-such-keyword");
                        // The running process refuses it too, and says why.
                        assertThat(Socat.send(socket, "reload")).startsWith("Success=0")
                                .contains("no-such-keyword");
                        balancer.awaitLine("Reload refused, the running configuration stays");
                        assertThat(RawClient.get(extra, "/")).contains("X-Generation: two");
                    } else if (step == 2) {
                        // 3: through the stats socket, back to the first file.
                        LbProcesses.write(config, good);
                        assertThat(Socat.send(socket, "reload")).startsWith("Success=1");
                        await().atMost(Duration.ofSeconds(30)).until(() -> !PortProbe.accepts(
                                extra));
                        assertThat(RawClient.get(lb, "/")).doesNotContain("X-Generation");
                    }
                    assertThat(status(socket, "web1")).isEqualTo("UP");
                }
                byte[] want = UploadSink.sha256().digest(file);
                assertThat(got.digest()).as("downloaded bytes").isEqualTo(want);
                String answer = new String(upload.getInputStream().readAllBytes(),
                        StandardCharsets.US_ASCII);
                assertThat(answer).startsWith("HTTP/1.1 200").endsWith(FILE_BYTES + " "
                        + HexFormat.of().formatHex(want));
            }
            assertThat(status(socket, "web1")).isEqualTo("UP");
            assertThat(csvField(socket, "web1", "chkdown")).isEqualTo("0");
            // Never changed state: the time since the last change kept growing.
            assertThat(lastChange(socket, "web1")).isGreaterThanOrEqualTo(changedBefore);
        }
    }

    private String config(Path socket, HostPort lb, HostPort sink, String frontend) {
        return "global\n  stats socket " + socket + " mode 600 level admin\n"
                + LbProcesses.defaults() + "frontend www\n  bind " + lb + "\n" + frontend
                + "  use_backend uploads if { path_beg /upload }\n  default_backend app\n"
                + "backend app\n  server web1 "
                + cluster.endpoint("web1") + " check inter 100 rise 2 fall 2\n"
                + "backend uploads\n  server sink " + sink + " check inter 100\n";
    }

    private static String status(Path socket, String server) {
        return csvField(socket, server, "status");
    }

    private static long lastChange(Path socket, String server) {
        return Long.parseLong(csvField(socket, server, "lastchg"));
    }

    private static String csvField(Path socket, String server, String column) {
        String csv = Socat.send(socket, "show stat");
        String[] header = csv.lines().findFirst().orElseThrow().substring(2).split(",");
        int index = java.util.Arrays.asList(header).indexOf(column);
        String row = csv.lines().filter(l -> l.startsWith("app," + server + ",")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + server + " in " + csv));
        return row.split(",", -1)[index];
    }
}
