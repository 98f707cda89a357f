package io.bramble.cluster.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentDescriptionTest {
    static final AgentName WIDGET = AgentName.ocf("example", "Widget");

    static AgentMetadata widget() throws IOException {
        try (InputStream in = AgentDescriptionTest.class.getResourceAsStream(
                "widget-metadata.xml")) {
            return MetadataParser.parse(WIDGET,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void parsesParametersAndActions() throws IOException {
        AgentMetadata m = widget();
        assertThat(m.ocfVersion()).isEqualTo("1.0");
        assertThat(m.shortdesc()).isEqualTo("Spins a widget");
        AgentParameter size = m.parameter("size").orElseThrow();
        assertThat(size.required()).isTrue();
        assertThat(size.uniqueGroup()).contains("_pcs_unique_group_size");
        assertThat(size.type()).isEqualTo("integer");
        assertThat(m.parameter("colour").orElseThrow().defaultValue()).contains("blue");
        assertThat(m.parameter("colour").orElseThrow().uniqueGroup()).isEmpty();
        assertThat(m.parameter("color").orElseThrow().deprecated()).isTrue();
        assertThat(m.actions()).hasSize(9);
        assertThat(m.action("promote").orElseThrow().role()).contains("Promoted");
        assertThat(m.action("monitor").orElseThrow().interval()).contains("10s");
    }

    @Test
    void describesAsPcs() throws IOException {
        assertThat(AgentDescription.lines(widget(), false)).containsExactly(
                "ocf:example:Widget - Spins a widget",
                "",
                "Keeps a widget spinning.",
                "",
                "Resource options:",
                "  size (required) (unique): How big the widget is.",
                "  colour: Widget colour",
                "  speed: No description available",
                "",
                "Default operations:",
                "  start:", "    interval=0s", "    timeout=30s",
                "  stop:", "    interval=0s", "    timeout=45s",
                "  monitor:", "    interval=10s", "    timeout=15s",
                "  monitor:", "    interval=60s", "    timeout=25s",
                "  monitor:", "    interval=60s", "    timeout=25s",
                "  promote:", "    interval=0s", "    timeout=20s", "    role=Promoted");
    }

    @Test
    void fullDescriptionShowsDeprecatedAndTraceParameters() throws IOException {
        AgentMetadata heartbeat = PcsMetadata.of(new AgentMetadata(
                AgentName.ocf("heartbeat", "Widget"), "1.0", "", "", widget().parameters(),
                List.of()));
        assertThat(AgentDescription.lines(heartbeat, false)).doesNotContain(
                "  color (deprecated): Old spelling of colour.");
        assertThat(AgentDescription.lines(heartbeat, true)).contains(
                "ocf:heartbeat:Widget",
                "  color (deprecated): Old spelling of colour.",
                "  trace_file: Path to a file to store resource agent tracing log",
                "Default operations:", "  monitor:", "    interval=60s");
    }

    @Test
    void createMakesRepeatedMonitorIntervalsUnique() throws IOException {
        List<DefaultOperation> ops = DefaultOperations.forCreate(widget(), Set.of("stop"));
        assertThat(ops).extracting(o -> o.name() + " " + o.interval() + " "
                + o.depth().orElse("-")).containsExactly("start 0s -", "monitor 10s -",
                        "monitor 60s 10", "monitor 61 20", "promote 0s -");
    }

    @Test
    void stonithAgentsDefaultToTheirMonitorOnly() {
        AgentMetadata fence = new AgentMetadata(AgentName.of("stonith", "fence_x"), "1.1",
                "Fences x", "", List.of(), List.of(
                        new AgentAction("on", java.util.Optional.empty(),
                                java.util.Optional.empty(), java.util.Optional.empty(),
                                java.util.Optional.empty(), java.util.Optional.empty()),
                        new AgentAction("monitor", java.util.Optional.of("20s"),
                                java.util.Optional.of("60s"), java.util.Optional.empty(),
                                java.util.Optional.empty(), java.util.Optional.empty())));
        assertThat(AgentDescription.lines(PcsMetadata.of(fence), false)).startsWith(
                "fence_x - Fences x").contains("Stonith options:",
                        "  monitor:", "    interval=60s", "    timeout=20s")
                .doesNotContain("  on:", "    interval=0s");
    }
}
