package io.bramble.it.lb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.process.ManagedProcess;
import io.bramble.testkit.web.WebRoots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime API through socat, as HAProxy's users drive it: the servers are listed, a
 * disabled server leaves the rotation without one failed request, an enabled one comes back.
 */
class StatsSocketTest {
    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path dir;

    @BeforeEach
    void needsSocat() {
        Socat.assumeInstalled();
    }

    @Test
    void disableAndEnableServerWithoutFailedRequests() throws Exception {
        Path socket = dir.resolve("admin.sock");
        HostPort lb = LbProcesses.startTwoWebsAndLb(cluster, dir,
                "global\n  stats socket " + socket + " mode 600 level admin\n", "");

        // The stats socket opens just after the listeners.
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(socket));
        String state = Socat.send(socket, "show servers state");
        assertThat(state).startsWith("1\n# be_id be_name srv_id srv_name srv_addr")
                .containsPattern("\\d+ app 1 web1 127\\.0\\.0\\.\\d+ 2 0 1 1 ")
                .containsPattern("\\d+ app 2 web2 127\\.0\\.0\\.\\d+ 2 0 1 1 ");
        assertThat(Socat.send(socket, "show stat")).contains("\napp,web1,").contains(
                "\napp,web2,").contains("\napp,BACKEND,");
        assertThat(Files.getPosixFilePermissions(socket)).hasSize(2);

        try (LoadLoop loop = new LoadLoop(lb)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> loop.answered(
                    WebRoots.page("web1")) > 20 && loop.answered(WebRoots.page("web2")) > 20);

            assertThat(Socat.send(socket, "disable server app/web1")).isEqualTo("\n");
            assertThat(Socat.send(socket, "show servers state app")).containsPattern(
                    "app 1 web1 127\\.0\\.0\\.\\d+ 2 1 ");
            long web1Before = loop.answered(WebRoots.page("web1"));
            long requestsBefore = loop.requests();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> loop.requests() > requestsBefore + 200);
            // One request may have been on its way to web1 when the command ran.
            assertThat(loop.answered(WebRoots.page("web1"))).isLessThanOrEqualTo(web1Before + 1);
            assertThat(Socat.send(socket, "show stat")).containsPattern("\napp,web1,[^\\n]*MAINT");

            assertThat(Socat.send(socket, "enable server app/web1")).isEqualTo("\n");
            long web1Disabled = loop.answered(WebRoots.page("web1"));
            await().atMost(Duration.ofSeconds(60)).until(() -> loop.answered(
                    WebRoots.page("web1")) > web1Disabled + 20);
            assertThat(loop.failures()).isEmpty();
        }
        assertThat(Socat.send(socket, "disable server app/nosuch")).isEqualTo(
                "No such server.\n\n");
        assertThat(Socat.send(socket, "set weight app/web2 300")).contains(
                "between 0 and 256");
        assertThat(Socat.send(socket, "help")).contains("disable server").contains(
                "show servers state");
    }
}
