package io.bramble.cluster.fence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.cluster.agent.AgentName;
import io.bramble.cluster.agent.OwnAgents;
import io.bramble.cluster.exec.ActionRequest;
import io.bramble.cluster.exec.ProcessShell;
import io.bramble.cluster.exec.TestAgents;
import io.bramble.common.time.Clock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fence_bramble_lab run for real against a process group and a network namespace. */
class LabFenceAgentTest {
    private static final long TIMEOUT_MS = 20_000;

    @TempDir
    Path root;
    private Process node;
    private String namespace;

    private FenceAgentRunner runner() {
        OwnAgents own = new OwnAgents(root.resolve("agents")).install();
        return new FenceAgentRunner(List.of(own.fenceDirectory()),
                new ProcessShell(Clock.system(), root.resolve("scratch")));
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (node != null) {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly();
        }
        if (namespace != null) {
            new ProcessBuilder("ip", "netns", "del", namespace).start().waitFor();
        }
    }

    @Test
    void powersOffANodesProcessGroup() throws Exception {
        node = new ProcessBuilder("setsid", "sh", "-c", "sleep 300 & sleep 300")
                .redirectErrorStream(true).start();
        long pgid = node.pid();
        List<ProcessHandle> members = awaitMembers(node, 1);
        FenceAgentRunner runner = runner();
        Map<String, String> device = Map.of("kind", "pgid", "pcmk_host_map",
                "lab1:" + pgid);

        assertThat(status(runner, device).exitCode()).isZero();
        FenceResult off = runner.fence("fence_bramble_lab", device, FenceAction.REBOOT,
                Optional.of("lab1"), TIMEOUT_MS);
        assertThat(off.succeeded()).as(off.output()).isTrue();
        assertThat(node.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(members).noneMatch(ProcessHandle::isAlive);
        assertThat(status(runner, device).isOff()).isTrue();
        assertThat(runner.fence("fence_bramble_lab", device, FenceAction.ON,
                Optional.of("lab1"), TIMEOUT_MS).succeeded()).isFalse();
    }

    @Test
    void refusesANodeOutsideItsHostMap() {
        FenceResult result = runner().fence("fence_bramble_lab",
                Map.of("pcmk_host_map", "lab1:4242"), FenceAction.OFF, Optional.of("lab2"),
                TIMEOUT_MS);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.output()).contains("cannot fence lab2");
    }

    @Test
    void powersOffEverythingInANetworkNamespace() throws Exception {
        assumeTrue(TestAgents.isRoot(), "fencing a network namespace needs root (ip netns)");
        namespace = "bramble-fence-" + ProcessHandle.current().pid();
        assertThat(new ProcessBuilder("ip", "netns", "add", namespace).start().waitFor())
                .isZero();
        assertThat(ip("-n", namespace, "link", "add", "eth0", "type", "veth",
                "peer", "name", "eth1")).isZero();
        assertThat(ip("-n", namespace, "link", "set", "eth0", "up")).isZero();
        node = new ProcessBuilder("setsid", "ip", "netns", "exec", namespace, "sh", "-c",
                "sleep 300 & sleep 300").start();
        awaitMembers(node, 1);
        FenceAgentRunner runner = runner();
        Map<String, String> device = Map.of("kind", "netns", "pcmk_host_list", namespace);
        assertThat(status(runner, device).exitCode()).isZero();
        assertThat(runner.fence("fence_bramble_lab", device, FenceAction.OFF,
                Optional.of(namespace), TIMEOUT_MS).succeeded()).isTrue();
        assertThat(node.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(status(runner, device).isOff()).isTrue();
        Process link = new ProcessBuilder("ip", "-n", namespace, "-o", "link", "show", "eth0")
                .redirectErrorStream(true).start();
        String shown = new String(link.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shown).as("a fenced namespace's interfaces are down").contains("eth0")
                .doesNotContain(",UP");
    }

    private static int ip(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    @Test
    void runsAsAStonithResource() {
        FenceAgentRunner runner = runner();
        ActionRequest monitor = ActionRequest.of("fence-lab",
                AgentName.of("stonith", "fence_bramble_lab"), "monitor", TIMEOUT_MS, Map.of());
        assertThat(runner.run(monitor).rc()).isZero();
        assertThat(runner.run(monitor.withAction("stop")).rc()).isZero();
        ActionRequest missing = ActionRequest.of("f", AgentName.of("stonith", "fence_none"),
                "start", TIMEOUT_MS, Map.of());
        assertThat(runner.run(missing).rc()).isEqualTo(5);
    }

    private FenceResult status(FenceAgentRunner runner, Map<String, String> device) {
        String target = device.containsKey("pcmk_host_map") ? "lab1" : namespace;
        return runner.fence("fence_bramble_lab", device, FenceAction.STATUS,
                Optional.of(target), TIMEOUT_MS);
    }

    private static List<ProcessHandle> awaitMembers(Process process, int children)
            throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<ProcessHandle> all = process.descendants().toList();
            if (all.size() >= children) {
                return all;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the node's processes did not start");
    }

}
