package io.bramble.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.exec.Signals;
import io.bramble.testkit.fault.Faults;
import io.bramble.testkit.net.PortProbe;
import io.bramble.testkit.process.ManagedProcess;
import io.bramble.testkit.web.WebRoots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A group of real {@code bramble web} processes, each on its own 127.0.0.x address. */
class LocalClusterTest {
    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path sites;

    private ManagedProcess startWeb(String name) {
        Path root = WebRoots.named(sites, name);
        HostPort bind = cluster.endpoint(name);
        return cluster.start(name, "web", "--root", root.toString(), "--bind", bind.toString());
    }

    @Test
    void startsThreeServersAndStopsThemAll() throws Exception {
        List<ManagedProcess> webs = Stream.of("web1", "web2", "web3").map(this::startWeb)
                .toList();
        webs.forEach(ManagedProcess::awaitPort);

        assertThat(webs).extracting(w -> w.endpoint().orElseThrow().host())
                .containsExactly("127.0.0.10", "127.0.0.11", "127.0.0.12");
        for (ManagedProcess web : webs) {
            HostPort endpoint = web.endpoint().orElseThrow();
            assertThat(Http.get(endpoint, "/").body()).isEqualTo(WebRoots.page(web.name()));
            assertThat(web.log().file()).isEqualTo(cluster.logDir().resolve(web.name() + ".log"));
        }
        assertThat(cluster.logDir()).isEqualTo(LocalCluster.LOG_ROOT.resolve(
                "LocalClusterTest").resolve("startsThreeServersAndStopsThemAll"));

        cluster.close();

        for (ManagedProcess web : webs) {
            assertThat(Signals.hasEnded(web.pid())).as("%s ended", web).isTrue();
            assertThat(PortProbe.accepts(web.endpoint().orElseThrow())).isFalse();
            // The log outlives the process: it is the test's record of what happened.
            assertThat(Files.size(web.log().file())).isPositive();
        }
    }

    @Test
    void aKilledServerRestartsOnTheSameAddressAndPort() {
        ManagedProcess first = startWeb("web1");
        first.awaitPort();
        HostPort endpoint = first.endpoint().orElseThrow();

        Faults.kill9(first);

        assertThat(first.exitCode()).hasValue(137); // 128 + SIGKILL
        assertThat(PortProbe.accepts(endpoint)).isFalse();
        ManagedProcess second = startWeb("web1");
        second.awaitPort();
        assertThat(second.endpoint()).contains(endpoint);
        assertThat(second.log().file().getFileName()).hasToString("web1-2.log");
        assertThat(Http.get(endpoint, "/").statusCode()).isEqualTo(200);
        assertThat(cluster.process("web1")).isSameAs(second);
    }

    @Test
    void aServerThatCannotStartFailsTheWaitWithItsOwnWords() {
        HostPort bind = cluster.endpoint("web1");
        Path root = WebRoots.named(sites, "web1");
        ManagedProcess bad = cluster.start("web1", "web", "--root", root.toString(), "--bind",
                "nowhere");
        Throwable failure = catchThrowable(bad::awaitPort);
        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageContaining("web1 ended before it would accept connections on " + bind)
                .hasMessageContaining("exited with code 2")
                .hasMessageContaining("bramble: ");
        assertThat(bad.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
    }
}
