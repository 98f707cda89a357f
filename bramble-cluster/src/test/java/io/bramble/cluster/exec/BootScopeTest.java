package io.bramble.cluster.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.cluster.agent.AgentName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agents' run-time state lasts as long as the boot that made it, and no longer. */
class BootScopeTest {
    private static final String BOOT = "6d1f0c52-3f5e-4c33-9d0a-4a8b8b7e2c11";
    private static final String NEXT_BOOT = "0b7e6a1e-8c1d-4a9e-b2f4-5b9c7e0d3a22";

    @TempDir
    Path root;

    @Test
    void aRebootClearsWhatTheAgentsLeftAndKeepsTheRest() throws Exception {
        BootScope.enter(root, BOOT);
        Path mark = Files.createDirectories(root.resolve("rsctmp")).resolve("Dummy-d1.state");
        Files.writeString(mark, "");
        Path stop = Files.createDirectories(root.resolve("stops")).resolve("d1.stop");
        Files.writeString(stop, "exit 0\n");
        Path log = Files.writeString(root.resolve("keeper.log"), "kept\n");

        assertThat(BootScope.enter(root, BOOT)).as("the same boot: a daemon restart").isFalse();
        assertThat(mark).exists();
        assertThat(stop).exists();

        assertThat(BootScope.enter(root, NEXT_BOOT)).isTrue();
        assertThat(root.resolve("rsctmp")).doesNotExist();
        assertThat(root.resolve("stops")).doesNotExist();
        assertThat(log).hasContent("kept\n");
        assertThat(root.resolve(BootScope.RECORD)).hasContent(NEXT_BOOT + "\n");
    }

    @Test
    void aFolderThatRecordsNoBootKeepsItsState() throws Exception {
        Path mark = Files.createDirectories(root.resolve("rsctmp")).resolve("Dummy-d1.state");
        Files.writeString(mark, "");
        assertThat(BootScope.enter(root, BOOT)).isFalse();
        assertThat(mark).exists();
        assertThat(BootScope.enter(root, "")).as("a kernel that tells no boot id").isFalse();
        assertThat(root.resolve(BootScope.RECORD)).hasContent(BOOT + "\n");
    }

    @Test
    void aDummyStartedBeforeARebootIsNotRunningAfterIt() throws Exception {
        assumeTrue(Files.isExecutable(TestAgents.STOCK_OCF.resolve("heartbeat/Dummy")),
                "needs Debian's resource-agents package (ocf:heartbeat:Dummy)");
        BootScope.enter(root, BOOT);
        LocalAgentRunner runner = TestAgents.runner(root);
        ActionRequest start = ActionRequest.of("d1", AgentName.ocf("heartbeat", "Dummy"),
                "start", 20_000, Map.of());
        assertThat(runner.run(start).rc()).isZero();
        ActionRequest probe = start.withAction("monitor");
        assertThat(runner.run(probe).rc()).as("running in this boot").isZero();

        BootScope.enter(root, NEXT_BOOT);
        assertThat(runner.run(probe).rc()).as("not running after the reboot").isEqualTo(7);
    }
}
