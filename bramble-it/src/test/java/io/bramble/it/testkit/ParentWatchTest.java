package io.bramble.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.process.ManagedProcess;
import io.bramble.testkit.web.WebRoots;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code BRAMBLE_PARENT_PID}: bramble ends when the named process ends. */
class ParentWatchTest {
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path sites;

    @Test
    void aServerExitsWhenItsParentEnds() throws IOException {
        Process parent = new ProcessBuilder("sleep", "600").start();
        try {
            HostPort bind = cluster.endpoint("web1");
            ManagedProcess web = cluster.start("web1", Map.of(LocalCluster.PARENT_PID_ENV,
                    Long.toString(parent.pid())),
                    List.of("web", "--root", WebRoots.named(sites,
                            "web1").toString(), "--bind", bind.toString()));
            web.awaitPort();

            parent.destroyForcibly();

            assertThat(web.awaitExit(GENEROUS)).isEqualTo(1);
            assertThat(web.log().text()).contains("bramble: stopping: the parent process "
                    + parent.pid() + " (BRAMBLE_PARENT_PID) is gone");
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void aParentAlreadyGoneEndsTheCommandAtOnce() throws Exception {
        Process parent = new ProcessBuilder("true").start();
        parent.waitFor();
        ManagedProcess bramble = cluster.start("v", Map.of(LocalCluster.PARENT_PID_ENV, Long
                .toString(parent.pid())), List.of("help"));
        assertThat(bramble.awaitExit(GENEROUS)).isEqualTo(1);
        assertThat(bramble.log().text()).contains("the parent process " + parent.pid());
    }

    @Test
    void aValueThatIsNotAPidIsAUsageError() {
        ManagedProcess bramble = cluster.start("v", Map.of(LocalCluster.PARENT_PID_ENV,
                "web1"), List.of("--version"));
        assertThat(bramble.awaitExit(GENEROUS)).isEqualTo(2);
        assertThat(bramble.log().text().strip()).isEqualTo("bramble: BRAMBLE_PARENT_PID must"
                + " be a process id (a positive number), got 'web1'; unset it to run without"
                + " a parent watch");
    }

    @Test
    void withoutTheVariableNothingIsWatched() {
        ManagedProcess bramble = cluster.start("v", Map.of(LocalCluster.PARENT_PID_ENV, ""),
                List.of("--version"));
        assertThat(bramble.awaitExit(GENEROUS)).isEqualTo(0);
        assertThat(bramble.log().text()).startsWith("bramble ");
    }
}
