package io.bramble.cluster.pcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.cluster.exec.NodeAgents;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent words of {@code src/test/resources/pcs/agents-live.pcs} (standards, providers,
 * agents, list, describe), which pcs runs only on the live cluster, through Debian's pcs
 * without {@code -f} and through bramble's grammar on the same machine: exit codes, stdout
 * and stderr must be the same, bramble's own agents left out. pcs reads the agents through crm_resource, which needs no
 * running cluster for these.
 */
class PcsAgentWordsDifferentialTest {
    private static final Path PCS = Path.of("/usr/sbin/pcs");
    private static final Path IPADDR2 = Path.of("/usr/lib/ocf/resource.d/heartbeat/IPaddr2");

    @TempDir
    Path folder;

    /** bramble's own agents ({@code ocf:bramble:*}), which pcs's machine has not. */
    private static List<String> withoutOwnAgents(List<String> lines) {
        return lines.stream().filter(l -> !l.equals("bramble") && !l.startsWith("ocf:bramble:"))
                .toList();
    }

    @Test
    void agentWordsPrintWhatPcsPrints() throws Exception {
        assumeTrue(Files.isExecutable(PCS) && Files.exists(IPADDR2), "pcs or resource-agents"
                + " is not installed (apt-get install pcs resource-agents): the comparison"
                + " with pcs is skipped");
        List<String> lines;
        try (InputStream in = getClass().getResourceAsStream("/pcs/agents-live.pcs")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
        try (NodeAgents node = NodeAgents.start("localhost", folder.resolve("agents"),
                e -> {
                }, 1)) {
            AgentSource agents = new NodeAgentsSource(node);
            for (String line : lines) {
                List<String> words = Arrays.asList(line.split(" +"));
                List<String> command = new ArrayList<>(List.of(PCS.toString()));
                command.addAll(words);
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectOutput(folder.resolve("out").toFile())
                        .redirectError(folder.resolve("err").toFile());
                builder.environment().put("LC_ALL", "C");
                Process pcs = builder.start();
                assertThat(pcs.waitFor(120, TimeUnit.SECONDS)).as(line).isTrue();
                PcsResult bramble = Pcs.run(PcsOptions.parse(words), CibElement.empty(),
                        agents);
                assertThat(bramble.exitCode()).as(line + " (exit code)")
                        .isEqualTo(pcs.exitValue());
                assertThat(withoutOwnAgents(bramble.out())).as(line + " (stdout)")
                        .isEqualTo(Files.readAllLines(folder.resolve("out")));
                assertThat(bramble.err().stream().flatMap(String::lines).toList())
                        .as(line + " (stderr)").isEqualTo(Files.readAllLines(
                                folder.resolve("err")));
            }
        }
    }
}
