package io.bramble.cluster.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeCheckTest {
    @Test
    void unknownAttributeNamesTheAllowedOnes() throws IOException {
        AttributeCheck check = AttributeCheck.of(AgentDescriptionTest.widget(),
                Map.of("size", "3", "szie", "4"), false);
        assertThat(check.errors()).containsExactly("invalid resource option 'szie', allowed "
                + "options are: 'color', 'colour', 'size', 'speed', use --force to override");
    }

    @Test
    void severalUnknownAndMissingRequired() throws IOException {
        AttributeCheck check = AttributeCheck.of(AgentDescriptionTest.widget(),
                Map.of("a", "b", "c", "d"), false);
        assertThat(check.errors()).containsExactly(
                "invalid resource options: 'a', 'c', allowed options are: 'color', 'colour', "
                        + "'size', 'speed', use --force to override",
                "required resource option 'size' is missing, use --force to override");
    }

    @Test
    void forceTurnsErrorsIntoWarnings() throws IOException {
        AttributeCheck check = AttributeCheck.of(AgentDescriptionTest.widget(), Map.of(), true);
        assertThat(check.ok()).isTrue();
        assertThat(check.warnings()).containsExactly("required resource option 'size' is "
                + "missing");
    }

    @Test
    void anAgentWithoutParametersAllowsNone() {
        AgentMetadata lsb = new AgentMetadata(AgentName.of("lsb", "network"), "1.0", "", "",
                List.of(), List.of());
        assertThat(AttributeCheck.of(lsb, Map.of("foo", "bar"), false).errors())
                .containsExactly("invalid resource option 'foo', there are no options "
                        + "allowed, use --force to override");
    }

    @Test
    void traceParametersAreAllowedForHeartbeatAgents() throws IOException {
        AgentMetadata heartbeat = PcsMetadata.of(new AgentMetadata(
                AgentName.ocf("heartbeat", "Widget"), "1.0", "", "",
                AgentDescriptionTest.widget().parameters(), List.of()));
        assertThat(AttributeCheck.of(heartbeat, Map.of("size", "1", "trace_ra", "1"), false)
                .ok()).isTrue();
    }
}
