package io.bramble.cluster.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.cluster.agent.AgentName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node's agents put together, with real processes, threads and timers. */
class NodeAgentsTest {
    @TempDir
    Path root;

    @Test
    void runsDummyWithARecurringMonitorUntilItsStop() {
        assumeTrue(Files.isExecutable(TestAgents.STOCK_OCF.resolve("heartbeat/Dummy")),
                "needs Debian's resource-agents package (ocf:heartbeat:Dummy)");
        List<ExecutionEvent> events = new CopyOnWriteArrayList<>();
        try (NodeAgents node = NodeAgents.start("node1", root, events::add, 4)) {
            AgentName dummy = node.catalog().resolve("ocf:heartbeat:Dummy").name();
            ActionRequest start = ActionRequest.of("d1", dummy, "start", 20_000, Map.of());
            node.executor().submit(start);
            node.executor().submit(start.withAction("monitor").withInterval(200));
            await().atMost(Duration.ofSeconds(30)).until(() -> events.stream()
                    .filter(e -> e.key().equals("d1_monitor_200")).count() >= 3);
            node.executor().submit(start.withAction("stop"));
            await().atMost(Duration.ofSeconds(30)).until(() -> events.stream()
                    .anyMatch(e -> e.key().equals("d1_stop_0")));
        }
        assertThat(events.getFirst().key()).isEqualTo("d1_start_0");
        assertThat(events).filteredOn(e -> e.key().equals("d1_monitor_200"))
                .allMatch(e -> e.rc() == 0 || e.outcome().kind() == Outcome.Kind.CANCELLED);
        assertThat(events.getLast().outcome().text()).isEqualTo("ok");
        assertThat(events).anyMatch(e -> e.outcome().kind() == Outcome.Kind.CANCELLED);
        assertThat(root.resolve("rsctmp/Dummy-d1.state")).doesNotExist();
    }

    @Test
    void describesAShortNameAsPcs() {
        assumeTrue(Files.isExecutable(TestAgents.STOCK_OCF.resolve("heartbeat/IPaddr2")),
                "needs Debian's resource-agents package (ocf:heartbeat:IPaddr2)");
        try (NodeAgents node = NodeAgents.start("node1", root, e -> {
        }, 1)) {
            assertThat(node.describe("IPaddr2", false)).startsWith(
                    "Assumed agent name 'ocf:heartbeat:IPaddr2' (deduced from 'IPaddr2')",
                    "ocf:heartbeat:IPaddr2 - Manages virtual IPv4 and IPv6 addresses (Linux "
                            + "specific version)");
            assertThat(node.describe("vip-loopback", false)).contains("Resource options:");
        }
    }
}
