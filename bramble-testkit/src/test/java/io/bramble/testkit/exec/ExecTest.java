package io.bramble.testkit.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecTest {
    private static final Duration GENEROUS = Duration.ofSeconds(30);

    @Test
    void returnsTheExitCodeAndOutput() {
        ExecResult result = Exec.run(GENEROUS, List.of("sh", "-c", "echo out; echo err >&2;"
                + " exit 4"));
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.output()).contains("out", "err");
        assertThat(result.ok()).isFalse();
        assertThat(result.describe()).startsWith("'sh -c echo out;").contains("code 4");
        assertThatThrownBy(result::orThrow).hasMessageContaining("exited with code 4");
    }

    @Test
    void killsACommandThatRunsTooLong() {
        ExecResult result = Exec.run(Duration.ofMillis(200), List.of("sh", "-c",
                "echo begun; exec sleep 600"));
        assertThat(result.timedOut()).isTrue();
        assertThat(result.output()).contains("begun");
        assertThat(result.describe()).contains("ran past its time limit");
    }

    @Test
    void aBackgroundChildHoldingTheOutputDoesNotHangTheCaller() {
        ExecResult result = Exec.run(GENEROUS, List.of("sh", "-c",
                "sleep 600 & echo child $!; exit 0"));
        assertThat(result.ok()).isTrue();
        long child = Long.parseLong(result.output().strip().split(" ")[1]);
        ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void aMissingProgramIsAFailureNotAnException() {
        ExecResult result = Exec.run(GENEROUS, List.of("/nonexistent/program"));
        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.output()).contains("cannot run '/nonexistent/program'");
    }
}
