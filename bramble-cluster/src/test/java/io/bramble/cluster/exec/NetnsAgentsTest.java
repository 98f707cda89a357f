package io.bramble.cluster.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.cluster.agent.AgentName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stock agents that change the network, run in a network namespace of their own: the agent
 * is reached through a one-line wrapper that enters the namespace, everything else (the
 * environment, exit codes, timeouts) as for any agent. Needs root.
 */
class NetnsAgentsTest {
    @TempDir
    Path root;
    private String namespace;

    @BeforeEach
    void namespace() throws Exception {
        assumeTrue(TestAgents.isRoot(), "network namespaces need root (ip netns)");
        assumeTrue(Files.isExecutable(TestAgents.STOCK_OCF.resolve("heartbeat/IPaddr2")),
                "needs Debian's resource-agents package (ocf:heartbeat:IPaddr2)");
        namespace = "bramble-agent-" + ProcessHandle.current().pid();
        sh("ip netns add " + namespace);
        inNamespace("ip link set lo up && ip link add v0 type veth peer name v1"
                + " && ip addr add 10.99.0.1/24 dev v0 && ip link set v0 up"
                + " && ip link set v1 up");
    }

    @AfterEach
    void removeNamespace() throws Exception {
        if (namespace != null) {
            sh("ip netns pids " + namespace + " | xargs -r kill -9; ip netns del " + namespace);
        }
    }

    @Test
    void ipaddr2PutsTheAddressOnAndTakesItOff() throws Exception {
        wrap("IPaddr2");
        LocalAgentRunner runner = TestAgents.runner(root);
        ActionRequest start = ActionRequest.of("ClusterIP", AgentName.ocf("test", "IPaddr2"),
                "start", 20_000, Map.of("ip", "10.99.0.50", "cidr_netmask", "24",
                        "nic", "v0"));
        assertThat(runner.run(start.withAction("monitor")).rc()).isEqualTo(7);
        ActionResult started = runner.run(start);
        assertThat(started.rc()).as(started.output()).isZero();
        assertThat(inNamespace("ip -4 addr show dev v0")).contains("inet 10.99.0.50/24");
        assertThat(runner.run(start.withAction("monitor").withInterval(10_000)).rc())
                .isZero();
        assertThat(runner.run(start.withAction("stop")).rc()).isZero();
        assertThat(inNamespace("ip -4 addr show dev v0")).doesNotContain("10.99.0.50");
        assertThat(runner.run(start.withAction("monitor").withInterval(10_000)).rc())
                .isEqualTo(7);
    }

    @Test
    void ipaddr2RefusesAnAddressThatIsNoAddress() throws Exception {
        wrap("IPaddr2");
        ActionRequest start = ActionRequest.of("ClusterIP", AgentName.ocf("test", "IPaddr2"),
                "start", 20_000, Map.of("ip", "10.99.0.500", "cidr_netmask", "24"));
        ActionResult result = TestAgents.runner(root).run(start);
        Outcome outcome = Outcome.of(start, result);
        assertThat(outcome.kind()).as(result.output()).isEqualTo(Outcome.Kind.FAILED);
        assertThat(outcome.recovery()).contains(Recovery.FATAL);
        assertThat(result.exitReason()).isPresent();
    }

    @Test
    void nginxServesInsideTheNamespace() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nginx")),
                "needs Debian's nginx package");
        wrap("nginx");
        Path site = Files.createDirectories(root.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<h1> Running on web1</h1>\n");
        Path config = root.resolve("nginx.conf");
        // The test's folder is private to root, so the workers run as root to read it.
        Files.writeString(config, "user root;\npid " + root.resolve("nginx.pid") + ";\n"
                + "error_log " + root.resolve("error.log") + ";\n"
                + "events {}\n"
                + "http {\n  access_log " + root.resolve("access.log") + ";\n"
                + "  server {\n    listen 10.99.0.1:8080;\n    root " + site + ";\n  }\n}\n");
        LocalAgentRunner runner = TestAgents.runner(root);
        ActionRequest start = ActionRequest.of("WebSite", AgentName.ocf("test", "nginx"),
                "start", 60_000, Map.of("configfile", config.toString()));
        assertThat(runner.run(start.withAction("monitor")).rc()).isEqualTo(7);
        ActionResult started = runner.run(start);
        assertThat(started.rc()).as(started.output()).isZero();
        assertThat(inNamespace("curl -sS http://10.99.0.1:8080/"))
                .isEqualTo("<h1> Running on web1</h1>\n");
        assertThat(runner.run(start.withAction("monitor").withInterval(10_000)).rc())
                .isZero();
        assertThat(runner.run(start.withAction("stop")).rc()).isZero();
        assertThat(runner.run(start.withAction("monitor").withInterval(10_000)).rc())
                .isEqualTo(7);
        assertThat(sh("ip netns pids " + namespace)).isEmpty();
    }

    /** Writes {@code test/TYPE}: the stock heartbeat agent run inside the namespace. */
    private void wrap(String type) throws IOException {
        TestAgents.write(root, type, "exec ip netns exec " + namespace + " "
                + TestAgents.STOCK_OCF.resolve("heartbeat").resolve(type) + " \"$@\"\n");
    }

    private String inNamespace(String command) throws Exception {
        return sh("ip netns exec " + namespace + " sh -c '" + command + "'");
    }

    static String sh(String command) throws Exception {
        Process p = new ProcessBuilder(List.of("sh", "-c", command)).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError(command + " failed: " + out);
        }
        return out;
    }

}
