package io.bramble.cluster.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.cluster.agent.AgentDescription;
import io.bramble.cluster.agent.AgentName;
import io.bramble.common.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meta-data made up for an LSB script, as Pacemaker's crm_resource shows it. */
class LsbMetadataTest {
    @TempDir
    Path root;

    @Test
    void takesTheDescriptionsFromTheInitInfoHeader() throws Exception {
        Path script = Files.createDirectories(root.resolve("init.d")).resolve("demo");
        Files.writeString(script, "#!/bin/sh\n### BEGIN INIT INFO\n# Provides: demo\n"
                + "# Short-Description: Demo daemon\n# Description: Runs the demo daemon\n"
                + "### END INIT INFO\nexit 0\n");
        script.toFile().setExecutable(true);
        MetadataReader reader = new MetadataReader(TestAgents.runner(root),
                TestAgents.directories(root), new ProcessShell(Clock.system(), root));
        assertThat(AgentDescription.lines(reader.read(AgentName.of("lsb", "demo")), false))
                .containsExactly("lsb:demo - Demo daemon", "", "Runs the demo daemon", "",
                        "Default operations:", "  start:", "    interval=0s", "    timeout=15",
                        "  stop:", "    interval=0s", "    timeout=15", "  restart:",
                        "    interval=0s", "    timeout=15",
                        "  force-reload:", "    interval=0s", "    timeout=15",
                        "  monitor:", "    interval=15", "    timeout=15");
    }
}
