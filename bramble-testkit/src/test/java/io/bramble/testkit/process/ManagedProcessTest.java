package io.bramble.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bramble.testkit.exec.Signals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping and waiting on ordinary shell processes; bramble-it does the same with bramble. */
class ManagedProcessTest {
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private ManagedProcess process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.kill();
        }
    }

    private ManagedProcess shell(String script) {
        process = ManagedProcess.start(new ProcessSpec("sh", List.of("sh", "-c", script),
                Map.of("GREETING", "hello"), dir.resolve("logs/sh.log"), Optional.empty()));
        return process;
    }

    @Test
    void capturesStdoutAndStderrAndTheEnvironment() {
        ManagedProcess sh = shell("echo \"$GREETING out\"; echo err >&2; exec sleep 600");
        assertThat(sh.awaitLine("hello out")).isEqualTo("hello out");
        sh.awaitLine("^err$");
        assertThat(sh.isAlive()).isTrue();
        assertThat(sh.stop()).isEqualTo(143); // 128 + SIGTERM
        assertThat(sh.describe()).contains("exited with code 143");
    }

    @Test
    void aProcessThatEndsBeforeItIsReadyFailsWithItsOutput() {
        ManagedProcess sh = shell("echo cannot bind 127.0.0.10:80; exit 3");
        assertThatThrownBy(() -> sh.awaitLine(Pattern.compile("listening"), GENEROUS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ended before it would print a line matching /listening/")
                .hasMessageContaining("exited with code 3")
                .hasMessageContaining("cannot bind 127.0.0.10:80");
    }

    @Test
    void aProcessThatIsNeverReadyFailsWithItsOutput() {
        ManagedProcess sh = shell("echo still starting; exec sleep 600");
        assertThatThrownBy(() -> sh.awaitLine(Pattern.compile("listening"),
                Duration.ofMillis(300)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("did not print a line matching /listening/")
                .hasMessageContaining("running")
                .hasMessageContaining("still starting");
    }

    @Test
    void killsAfterTheGracePeriodWhenSigtermIsIgnored() {
        ManagedProcess sh = shell("trap '' TERM; echo up; while :; do sleep 1; done");
        sh.awaitLine("up");
        assertThat(sh.stop(Duration.ofMillis(200))).isEqualTo(137); // 128 + SIGKILL
    }

    @Test
    void stopsAPausedProcessWithSigtermNotKill() {
        ManagedProcess sh = shell("echo up; exec sleep 600");
        sh.awaitLine("up");
        Signals.send(sh.pid(), "STOP");
        await().atMost(GENEROUS).until(() -> Signals.isStopped(sh.pid()));
        assertThat(sh.stop(GENEROUS)).isEqualTo(143);
    }

    @Test
    void stopsTheChildrenItLeaves() {
        ManagedProcess sh = shell("sleep 600 & echo child $!; wait");
        long child = Long.parseLong(sh.awaitLine("child \\d+").split(" ")[1]);
        assertThat(ProcessHandle.of(child)).isPresent();
        sh.stop();
        await().atMost(GENEROUS).until(() -> Signals.hasEnded(child));
    }

    @Test
    void aCrashLeavesChildrenRunningUntilTheCleanup() {
        ManagedProcess sh = shell("sleep 600 & echo child $!; wait");
        long child = Long.parseLong(sh.awaitLine("child \\d+").split(" ")[1]);
        sh.crash();
        assertThat(sh.exitCode()).hasValue(137);
        assertThat(Signals.hasEnded(child)).isFalse();
        sh.stop();
        await().atMost(GENEROUS).until(() -> Signals.hasEnded(child));
    }

    @Test
    void isCleanedUpAtJvmExitUntilStopped() {
        ManagedProcess sh = shell("exec sleep 600");
        assertThat(Reaper.pending()).contains("sh (pid " + sh.pid() + ")");
        sh.stop();
        assertThat(Reaper.pending()).doesNotContain("sh (pid " + sh.pid() + ")");
    }
}
