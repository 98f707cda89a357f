package io.bramble.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.common.net.HostPort;
import io.bramble.testkit.exec.Signals;
import io.bramble.testkit.fault.Faults;
import io.bramble.testkit.launch.BrambleLauncher;
import io.bramble.testkit.net.PortProbe;
import io.bramble.testkit.process.ManagedProcess;
import io.bramble.testkit.process.ProcessSpec;
import io.bramble.testkit.web.WebRoots;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No bramble outlives the test JVM that started it: killed with -9 (no shutdown hook runs), each
 * bramble notices its parent is gone and exits; stopped with SIGTERM, the kit's shutdown hook
 * kills them. A child JVM plays the test JVM.
 */
class KilledTestJvmTest {
    private static final Duration GENEROUS = Duration.ofSeconds(60);
    private static final Pattern STARTED = Pattern.compile("bramble pid (\\d+) serving (\\S+)");

    @TempDir
    Path dir;

    private ManagedProcess holder;

    @AfterEach
    void stopHolder() {
        if (holder != null) {
            holder.kill();
        }
    }

    @Test
    void bramblesExitOnTheirOwnWhenTheTestJvmIsKilled() {
        Started started = startHolder();

        Faults.kill9(holder);

        await("bramble " + started.pid + " to exit after its parent died").atMost(GENEROUS)
                .until(() -> Signals.hasEnded(started.pid));
        assertThat(PortProbe.accepts(started.endpoint)).isFalse();
        assertThat(dir.resolve("logs/web1.log")).content().contains(
                "the parent process " + holder.pid() + " (BRAMBLE_PARENT_PID) is gone");
    }

    @Test
    void theShutdownHookKillsBramblesWhenTheTestJvmIsStopped() {
        Started started = startHolder();

        holder.stop();

        // The hook runs before the JVM exits, so the bramble is already gone.
        assertThat(Signals.hasEnded(started.pid)).isTrue();
        assertThat(holder.log().text()).contains(
                "bramble testkit: JVM exiting, cleaning up web1 (pid " + started.pid + ")");
    }

    private record Started(long pid, HostPort endpoint) {}

    private Started startHolder() {
        Path root = WebRoots.named(dir, "site");
        List<String> command = List.of(BrambleLauncher.javaBinary(), "-cp",
                System.getProperty("java.class.path"), ClusterHolder.class.getName(),
                dir.resolve("logs").toString(), root.toString(),
                Long.toString(ProcessHandle.current().pid()));
        holder = ManagedProcess.start(new ProcessSpec("holder", command, Map.of(),
                dir.resolve("holder.log"), Optional.empty()));
        Matcher line = STARTED.matcher(holder.awaitLine(STARTED.pattern()));
        assertThat(line.find()).isTrue();
        Started started = new Started(Long.parseLong(line.group(1)), HostPort.parse(line.group(
                2)));
        assertThat(PortProbe.accepts(started.endpoint)).isTrue();
        return started;
    }
}
