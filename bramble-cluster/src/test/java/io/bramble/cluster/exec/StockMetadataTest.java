package io.bramble.cluster.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.cluster.agent.AgentDescription;
import io.bramble.cluster.agent.AgentMetadata;
import io.bramble.cluster.agent.AgentName;
import io.bramble.cluster.agent.AttributeCheck;
import io.bramble.cluster.agent.DefaultOperations;
import io.bramble.cluster.agent.PcsMetadata;
import io.bramble.common.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meta-data of Debian's stock agents, read by running them, as pcs shows it. */
class StockMetadataTest {
    @TempDir
    Path root;
    private MetadataReader reader;

    @BeforeEach
    void setUp() {
        assumeTrue(Files.isExecutable(TestAgents.STOCK_OCF.resolve("heartbeat/IPaddr2")),
                "needs Debian's resource-agents package (ocf:heartbeat:IPaddr2)");
        reader = new MetadataReader(TestAgents.runner(root), TestAgents.directories(root),
                new ProcessShell(Clock.system(), root.resolve("scratch")));
    }

    private AgentMetadata read(String type) {
        return PcsMetadata.of(reader.read(AgentName.ocf("heartbeat", type)));
    }

    @Test
    void describesIpaddr2AsPcs() {
        List<String> lines = AgentDescription.lines(read("IPaddr2"), false);
        assertThat(lines.getFirst()).isEqualTo("ocf:heartbeat:IPaddr2 - Manages virtual IPv4 "
                + "and IPv6 addresses (Linux specific version)");
        assertThat(lines).contains("Resource options:", "Default operations:",
                "  start:", "    interval=0s", "    timeout=20s", "  stop:", "    interval=0s",
                "    timeout=20s",
                "  monitor:", "    interval=10s", "    timeout=20s");
        assertThat(lines).anyMatch(l -> l.startsWith("  ip (required) (unique): "));
        assertThat(lines).noneMatch(l -> l.startsWith("  trace_ra"));
    }

    @Test
    void checksIpaddr2AttributesAsPcs() {
        AttributeCheck check = AttributeCheck.of(read("IPaddr2"),
                Map.of("ipp", "192.168.0.120"), false);
        assertThat(check.errors()).hasSize(2);
        assertThat(check.errors().getFirst()).startsWith("invalid resource option 'ipp', "
                + "allowed options are: 'arp_bg', ").contains("'ip', ", "'trace_ra'")
                .endsWith(", use --force to override");
        assertThat(check.errors().getLast()).isEqualTo(
                "required resource option 'ip' is missing, use --force to override");
    }

    @Test
    void nginxGetsFourMonitorsWithUniqueIntervals() {
        assertThat(DefaultOperations.forCreate(read("nginx"), Set.of()))
                .filteredOn(o -> o.name().equals("monitor"))
                .extracting(o -> o.interval() + "/" + o.depth().orElse("0"))
                .containsExactly("10s/0", "30s/10", "60s/20", "61/30");
    }

    @Test
    void apacheStartsIn40sAndStopsIn60s() {
        assertThat(AgentDescription.lines(read("apache"), false)).contains(
                "  start:", "    interval=0s", "    timeout=40s", "  stop:", "    interval=0s",
                "    timeout=60s");
    }
}
