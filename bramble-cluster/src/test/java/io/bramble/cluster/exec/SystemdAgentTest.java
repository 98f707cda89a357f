package io.bramble.cluster.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.cluster.agent.AgentDirectories;
import io.bramble.cluster.agent.AgentName;
import io.bramble.cluster.agent.OwnAgents;
import io.bramble.common.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** systemd units as resources: a real unit when systemd runs, else the refusal. */
class SystemdAgentTest {
    private static final Path RUNTIME_UNITS = Path.of("/run/systemd/system");

    @TempDir
    Path root;
    private Path unit;

    private LocalAgentRunner runner() {
        AgentDirectories dirs = AgentDirectories.system(new OwnAgents(root.resolve("own")));
        return new LocalAgentRunner(dirs, "node1", root.resolve("rsctmp"),
                new ProcessShell(Clock.system(), root.resolve("scratch")),
                r -> LocalAgentRunner.notInstalled(r, "no fencing in this test"));
    }

    @AfterEach
    void removeUnit() throws Exception {
        if (unit != null) {
            new ProcessBuilder("systemctl", "stop", unit.getFileName().toString()).start()
                    .waitFor();
            Files.deleteIfExists(unit);
            new ProcessBuilder("systemctl", "daemon-reload").start().waitFor();
        }
    }

    @Test
    void withoutSystemdAUnitIsNotInstalledHere() {
        assumeTrue(!Files.isDirectory(RUNTIME_UNITS), "systemd runs on this machine");
        ActionRequest start = ActionRequest.of("web", AgentName.of("systemd", "nginx"),
                "start", 20_000, Map.of());
        ActionResult result = runner().run(start);
        assertThat(result.rc()).isEqualTo(5);
        assertThat(result.exitReason().orElseThrow()).contains("systemd is not running");
    }

    @Test
    void startsMonitorsAndStopsAUnit() throws Exception {
        assumeTrue(Files.isDirectory(RUNTIME_UNITS) && TestAgents.isRoot(),
                "needs systemd running and root (a unit in /run/systemd/system)");
        String name = "bramble-agent-test-" + ProcessHandle.current().pid();
        unit = RUNTIME_UNITS.resolve(name + ".service");
        Files.writeString(unit, "[Service]\nExecStart=/bin/sleep 300\n");
        new ProcessBuilder("systemctl", "daemon-reload").start().waitFor();
        LocalAgentRunner runner = runner();
        ActionRequest start = ActionRequest.of("svc", AgentName.of("systemd", name), "start",
                20_000, Map.of());
        assertThat(runner.run(start.withAction("monitor")).rc()).isEqualTo(7);
        assertThat(runner.run(start).rc()).isZero();
        assertThat(runner.run(start.withAction("monitor")).rc()).isZero();
        assertThat(runner.run(start.withAction("stop")).rc()).isZero();
        assertThat(runner.run(start.withAction("monitor")).rc()).isEqualTo(7);
        assertThat(runner.run(ActionRequest.of("x", AgentName.of("systemd", name + "-none"),
                "monitor", 20_000, Map.of())).rc()).isEqualTo(5);
        assertThat(List.of(runner.run(start.withAction("reload")).rc())).containsExactly(3);
    }
}
