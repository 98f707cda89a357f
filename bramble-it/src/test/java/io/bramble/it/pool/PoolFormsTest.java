package io.bramble.it.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.testkit.cluster.LocalCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Seed 000 recipe 2, steps 2 to 4, and seed 003's probe and pool list, as typed. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PoolFormsTest {
    private static final Pattern UUID_LINE = Pattern.compile(
            "Uuid: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @Test
    void fourNodesFormAPoolAsSeed000Does() {
        PoolNodes pool = new PoolNodes(cluster);
        for (int n = 1; n <= 4; n++) {
            pool.start("gluster" + n);
        }
        pool.probeAll("gluster1", "gluster2", "gluster3", "gluster4");

        String status = pool.ok("gluster1", "peer", "status");
        assertThat(status).startsWith("Number of Peers: 3\n\nHostname: gluster2.local\n");
        assertThat(status.lines().filter(l -> l.startsWith("Hostname: ")).toList())
                .containsExactly("Hostname: gluster2.local", "Hostname: gluster3.local",
                        "Hostname: gluster4.local");
        assertThat(status.lines().filter(l -> UUID_LINE.matcher(l).matches())).hasSize(3);
        assertThat(status.lines().filter(l -> l.equals("State: Peer in Cluster (Connected)")))
                .hasSize(3);

        // Seed 000's pitfall: gluster2 knew gluster1 only by its address. Here it knows
        // gluster1's own name at once, and probing it back is harmless. gluster2 learns of
        // gluster4 through the pool and connects to it a moment later: wait for that, so
        // the two views compared below are of a settled pool.
        pool.awaitStatus("gluster2", PoolNodes.shows("gluster4.local", "Connected"),
                Duration.ofSeconds(20));
        String fromTwo = pool.ok("gluster2", "peer", "status");
        assertThat(fromTwo).startsWith("Number of Peers: 3\n\nHostname: gluster1.local\n");
        assertThat(pool.ok("gluster2", "peer", "probe", "gluster1.local"))
                .startsWith("peer probe: success. ");
        assertThat(pool.ok("gluster2", "peer", "status")).isEqualTo(fromTwo);

        // The same node has the same UUID in every view.
        String uuidOfOne = pool.ok("gluster3", "pool", "list").lines()
                .filter(l -> l.contains("gluster1.local")).findFirst().orElseThrow()
                .split("\t")[0];
        assertThat(pool.ok("gluster1", "pool", "list")).contains(uuidOfOne
                + "\tlocalhost\tConnected\n");
    }

    @Test
    void aSelfProbeOrAnUnreachableHostChangesNothing() {
        PoolNodes pool = new PoolNodes(cluster);
        pool.start("gluster1");
        pool.start("gluster2");
        pool.probeAll("gluster1", "gluster2");
        String before = pool.ok("gluster1", "pool", "list");
        for (String self : List.of("gluster1.local", "gluster1", "localhost",
                pool.address("gluster1"))) {
            assertThat(pool.ok("gluster1", "peer", "probe", self))
                    .isEqualTo("peer probe: success. Probe on localhost not needed\n");
        }
        assertThat(pool.ok("gluster1", "peer", "probe", "gluster2.local"))
                .startsWith("peer probe: success. Host gluster2.local port ")
                .endsWith(" already in peer list\n");
        assertThat(pool.ok("gluster1", "pool", "list")).isEqualTo(before);
        assertThat(pool.ok("gluster2", "peer", "status")).contains("Number of Peers: 1\n");

        // gluster3 runs no node: one line, exit 1, nothing changed.
        PoolNodes.Result result = pool.run("gluster1", "peer", "probe", "gluster3.local");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("peer probe: failed: Probe returned with Transport"
                + " endpoint is not connected\n");
        assertThat(pool.ok("gluster1", "pool", "list")).isEqualTo(before);
    }

    @Test
    void detachRemovesAMemberAndItForgetsThePool() {
        PoolNodes pool = new PoolNodes(cluster);
        pool.start("gluster1");
        pool.start("gluster2");
        pool.start("gluster3");
        pool.probeAll("gluster1", "gluster2", "gluster3");
        // Detached while it is down, gluster3 learns it when it returns.
        io.bramble.testkit.fault.Faults.kill9(pool.process("gluster3"));
        pool.awaitStatus("gluster1", PoolNodes.shows("gluster3.local", "Disconnected"),
                java.time.Duration.ofSeconds(10));
        assertThat(pool.run("gluster1", "peer", "detach", "gluster3.local").err())
                .contains("is not connected");
        assertThat(pool.ok("gluster1", "peer", "detach", "gluster3.local", "force"))
                .isEqualTo("peer detach: success\n");
        assertThat(pool.ok("gluster1", "peer", "status")).contains("Number of Peers: 1\n");
        pool.start("gluster3");
        pool.process("gluster3").awaitLine("left the pool: detached by gluster");
        pool.awaitStatus("gluster3", s -> s.equals("Number of Peers: 0\n"),
                java.time.Duration.ofSeconds(10));
        // A detached node is fresh again: another pool may take it.
        pool.start("gluster4");
        pool.probeAll("gluster4", "gluster3");
        // The store's voters followed the detach: two are left, so one alone has no majority.
        io.bramble.testkit.fault.Faults.kill9(pool.process("gluster2"));
        pool.awaitStatus("gluster1", PoolNodes.shows("gluster2.local", "Disconnected"),
                java.time.Duration.ofSeconds(10));
        assertThat(pool.run("gluster1", "pool", "set", "a", "b").err()).isEqualTo("pool set:"
                + " failed: the pool has no majority: 1 of 2 members reachable, a change needs"
                + " 2\n");
    }

    @Test
    void remoteHostAndSigterm() {
        PoolNodes pool = new PoolNodes(cluster);
        pool.start("gluster1");
        pool.start("gluster2");
        pool.start("gluster3");
        pool.probeAll("gluster1", "gluster2");
        String remote = pool.address("gluster2") + ":" + pool.port();
        String list = pool.ok("gluster1", "pool", "list", "--remote-host", remote);
        assertThat(list).contains("\tgluster1.local\tConnected\n");
        assertThat(list).isEqualTo(pool.ok("gluster2", "pool", "list"));
        PoolNodes.Result stranger = pool.run("gluster3", "pool", "list", "--remote-host",
                remote);
        assertThat(stranger.exit()).isEqualTo(1);
        assertThat(stranger.err()).contains("is in no pool");

        // SIGTERM stops a node cleanly, and its peers see it go at once.
        pool.process("gluster2").stop();
        pool.process("gluster2").awaitLine("Z stopped$");
        pool.awaitStatus("gluster1", PoolNodes.shows("gluster2.local", "Disconnected"),
                java.time.Duration.ofSeconds(2));
    }

    /** Seed 003: 'gluster peer probe gluster2' and 'gluster pool list', bramble as gluster. */
    @Test
    void theGlusterNameRunsSeed003sCommands(@TempDir Path bin) throws Exception {
        PoolNodes pool = new PoolNodes(cluster);
        pool.start("gluster1");
        pool.start("gluster2");
        Path launcher = Path.of("..", "bin", "bramble").toAbsolutePath().normalize();
        Path gluster = Files.createSymbolicLink(bin.resolve("gluster"), launcher);
        assertThat(gluster(gluster, pool, "gluster1", "peer", "probe", "gluster2"))
                .isEqualTo("peer probe: success. \n");
        String list = gluster(gluster, pool, "gluster2", "pool", "list");
        assertThat(list.lines().toList()).hasSize(3);
        assertThat(list).startsWith("UUID\t\t\t\t\tHostname\tState\n")
                .contains("\tgluster1.local\tConnected\n").endsWith("\tlocalhost\tConnected\n");
    }

    private static String gluster(Path gluster, PoolNodes pool, String on, String... args)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(gluster.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("BRAMBLE_SKIP_BUILD", "1");
        env.put("BRAMBLE_STATE_DIR", pool.stateDir(on).toString());
        env.put("JDK_JAVA_OPTIONS", "-Djdk.net.hosts.file=" + pool.hostsFile());
        builder.redirectErrorStream(false);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        String err = new String(process.getErrorStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("gluster %s: %s", String.join(" ", args), err)
                .isZero();
        return out;
    }
}
