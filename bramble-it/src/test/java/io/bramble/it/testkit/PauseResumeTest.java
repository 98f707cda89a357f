package io.bramble.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.fault.Faults;
import io.bramble.testkit.process.ManagedProcess;
import io.bramble.testkit.web.WebRoots;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGSTOP makes a server hang the way a stuck process does: the kernel still accepts
 * connections, but no answer comes. After SIGCONT, the request sent during the pause is
 * answered.
 */
class PauseResumeTest {
    /** How long the client listens for an answer while the server is paused. */
    private static final Duration QUIET_PERIOD = Duration.ofMillis(1_500);
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path sites;

    @Test
    void aPausedServerAnswersOnlyAfterItResumes() throws IOException {
        HostPort bind = cluster.endpoint("web1");
        ManagedProcess web = cluster.start("web1", "web", "--root", WebRoots.named(sites, "web1")
                .toString(), "--bind", bind.toString());
        web.awaitPort();
        assertThat(Http.get(bind, "/").statusCode()).isEqualTo(200);

        Faults.pause(web);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(bind.host(), bind.port()),
                    (int) GENEROUS.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + bind + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            socket.setSoTimeout((int) QUIET_PERIOD.toMillis());
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);

            Faults.resume(web);
            socket.setSoTimeout((int) GENEROUS.toMillis());
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 200").contains("I am web1");
        }
        assertThat(web.isAlive()).isTrue();
    }
}
