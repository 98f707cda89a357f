package io.bramble.cluster.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.cluster.agent.AgentName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalAgentRunnerTest {
    private static final AgentName DUMMY = AgentName.ocf("heartbeat", "Dummy");

    @TempDir
    Path root;

    @Test
    void runsHeartbeatDummyThroughItsLife() {
        assumeTrue(Files.isExecutable(TestAgents.STOCK_OCF.resolve("heartbeat/Dummy")),
                "needs Debian's resource-agents package (ocf:heartbeat:Dummy)");
        LocalAgentRunner runner = TestAgents.runner(root);
        ActionRequest start = ActionRequest.of("d1", DUMMY, "start", 20_000, Map.of());
        Path state = root.resolve("rsctmp/Dummy-d1.state");

        assertThat(run(runner, start.withAction("monitor")).kind())
                .isEqualTo(Outcome.Kind.NOT_RUNNING);
        assertThat(run(runner, start).kind()).isEqualTo(Outcome.Kind.SUCCEEDED);
        assertThat(state).exists();
        ActionResult monitor = runner.run(start.withAction("monitor").withInterval(10_000));
        assertThat(monitor.rc()).isZero();
        assertThat(run(runner, start.withAction("stop")).kind())
                .isEqualTo(Outcome.Kind.SUCCEEDED);
        assertThat(state).doesNotExist();
        ActionResult after = runner.run(start.withAction("monitor").withInterval(10_000));
        assertThat(after.rc()).isEqualTo(7);
        System.out.println("ocf:heartbeat:Dummy: a monitor ran in " + monitor.durationMs()
                + " ms, the monitor after the stop in " + after.durationMs() + " ms");
        assertThat(Outcome.of(start.withAction("monitor"), after).text())
                .isEqualTo("not running");
    }

    @Test
    void aTimeoutKillsTheAgentAndItsWholeProcessGroup() throws IOException {
        Path childPid = root.resolve("child.pid");
        // The subshell ends at once, so its sleep is no child of the agent any more: only
        // the process group still ties it to the agent.
        TestAgents.write(root, "Sleeper", "( sleep 300 & echo $! > " + childPid + " )\n"
                + "sleep 300\n");
        ActionRequest start = ActionRequest.of("s1", AgentName.ocf("test", "Sleeper"),
                "start", 500, Map.of());
        ActionResult result = TestAgents.runner(root).run(start);
        assertThat(result.status()).isEqualTo(ExecStatus.TIMED_OUT);
        assertThat(Outcome.of(start, result).text()).isEqualTo("Timed Out");
        long pid = Long.parseLong(Files.readString(childPid).strip());
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid)
                .map(h -> !h.isAlive()).orElse(true));
    }

    @Test
    void givesThePacemakerEnvironmentAndReadsTheExitReason() throws IOException {
        Path env = root.resolve("env.txt");
        TestAgents.write(root, "Printer", "env > " + env + "\n"
                + "echo 'ocf-exit-reason:ip is not an address' >&2\nexit 6\n");
        ActionRequest request = new ActionRequest("p1", AgentName.ocf("test", "Printer"),
                "monitor", 15_000, 20_000, Map.of("ip", "10.0.0.1"),
                Map.of("on-fail", "restart"), java.util.Optional.of("10"));
        ActionResult result = TestAgents.runner(root).run(request);
        assertThat(result.rc()).isEqualTo(6);
        assertThat(result.exitReason()).contains("ip is not an address");
        Outcome outcome = Outcome.of(request, result);
        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.FAILED);
        assertThat(outcome.recovery()).contains(Recovery.FATAL);
        assertThat(Files.readAllLines(env)).contains("OCF_RESKEY_ip=10.0.0.1",
                "OCF_RESKEY_CRM_meta_timeout=20000", "OCF_RESKEY_CRM_meta_interval=15000",
                "OCF_RESKEY_CRM_meta_name=monitor", "OCF_RESKEY_CRM_meta_on_fail=restart",
                "OCF_RESOURCE_INSTANCE=p1", "OCF_RESOURCE_TYPE=Printer",
                "OCF_RESOURCE_PROVIDER=test", "OCF_ROOT=/usr/lib/ocf", "OCF_CHECK_LEVEL=10",
                "OCF_RA_VERSION_MAJOR=1", "OCF_RA_VERSION_MINOR=1",
                "OCF_EXIT_REASON_PREFIX=ocf-exit-reason:", "OCF_RESKEY_crm_feature_set=3.16.1",
                "HA_RSCTMP=" + root.resolve("rsctmp"))
                .noneMatch(line -> line.startsWith("JAVA_HOME="));
    }

    @Test
    void aMissingAgentIsNotInstalledAndAProbeReadsThatAsStopped() {
        ActionRequest probe = ActionRequest.of("m1", AgentName.ocf("test", "Missing"),
                "monitor", 1000, Map.of());
        ActionResult result = TestAgents.runner(root).run(probe);
        assertThat(result.status()).isEqualTo(ExecStatus.NOT_INSTALLED);
        assertThat(Outcome.of(probe, result).kind()).isEqualTo(Outcome.Kind.NOT_RUNNING);
        Outcome start = Outcome.of(probe.withAction("start"), result);
        assertThat(start.kind()).isEqualTo(Outcome.Kind.FAILED);
        assertThat(start.recovery()).contains(Recovery.HARD);
        assertThat(start.text()).isEqualTo("not installed");
    }

    @Test
    void runsAnLsbScriptWithItsStatusCodes() throws IOException {
        Path script = root.resolve("init.d/demo");
        Path mark = root.resolve("demo.running");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\ncase $1 in\n start) touch " + mark + ";;\n"
                + " stop) rm -f " + mark + ";;\n status) [ -f " + mark + " ] || exit 3;;\n"
                + "esac\n");
        script.toFile().setExecutable(true);
        LocalAgentRunner runner = TestAgents.runner(root);
        ActionRequest start = ActionRequest.of("l1", AgentName.of("lsb", "demo"), "start",
                5000, Map.of());
        assertThat(runner.run(start.withAction("monitor")).rc()).isEqualTo(7);
        assertThat(runner.run(start).rc()).isZero();
        assertThat(runner.run(start.withAction("monitor")).rc()).isZero();
        assertThat(runner.run(start.withAction("reload")).rc()).isEqualTo(3);
    }

    private static Outcome run(LocalAgentRunner runner, ActionRequest request) {
        return Outcome.of(request, runner.run(request));
    }
}
