package io.bramble.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.fault.Faults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A resource of the live cluster runs on one node of two (plus a witness) and moves to the
 * other when its node is killed, never running on both: kill -9 of {@code bramble node} alone
 * leaves the resource to the node's keeper, which stops it. Dummy's state file
 * ({@code HA_RSCTMP}, under each node's state directory) says where it runs.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FailoverTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<String> NODES = List.of("gluster1", "gluster2");

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @Test
    void aResourceRunsOnOneNodeAndMovesWhenThatNodeIsKilled() {
        PoolNodes pool = LiveCibTest.twoNodesAndAWitness(cluster);
        pool.ok("gluster1", "property", "set", "stonith-enabled=false");
        pool.ok("gluster1", "resource", "create", "d1", "ocf:heartbeat:Dummy", "op",
                "monitor", "interval=2s");

        String first = awaitRunningOn(pool, NODES, PATIENCE);
        String survivor = first.equals("gluster1") ? "gluster2" : "gluster1";
        awaitStatus(pool, survivor, "Started " + first + ".local", PATIENCE);
        long quietEnd = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < quietEnd) {
            assertThat(running(pool, survivor)).as("d1 also on " + survivor).isFalse();
            PoolNodes.sleep(20);
        }

        long killed = System.nanoTime();
        Faults.kill9(pool.process(first));
        // The killed daemon's keeper stops d1 there, long before the survivor may start it.
        awaitStopped(pool, first, PATIENCE);
        System.out.println("d1 stopped on " + first + " by its keeper " + (System.nanoTime()
                - killed) / 1_000_000 + " ms after kill -9 of its bramble node");
        assertThat(awaitRunningOn(pool, NODES, PATIENCE)).isEqualTo(survivor);
        System.out.println("d1 started on " + survivor + " "
                + (System.nanoTime() - killed) / 1_000_000 + " ms after kill -9 of " + first);
        awaitStatus(pool, survivor, "Started " + survivor + ".local", PATIENCE);
        String status = pool.ok(survivor, "status");
        System.out.println(status);
        assertThat(status).contains("  * Current DC: " + survivor + ".local (version unknown)"
                + " - partition with quorum\n").contains("  * Online: [ " + survivor
                        + ".local ]\n")
                .contains("  * OFFLINE: [ " + first + ".local ]\n")
                .containsPattern("  \\* Last change:  \\w{3} .* \\d{4} via bramble on"
                        + " gluster1\\.local\n");
    }

    /**
     * A monitor that finds the resource gone restarts it and shows in status as crm_mon shows
     * it, with the agent's answer, until a cleanup forgets it.
     */
    @Test
    void aFailedMonitorIsAFailedResourceActionUntilACleanup() throws Exception {
        PoolNodes pool = LiveCibTest.twoNodesAndAWitness(cluster);
        pool.ok("gluster1", "property", "set", "stonith-enabled=false");
        pool.ok("gluster1", "resource", "create", "d1", "ocf:heartbeat:Dummy", "op",
                "monitor", "interval=2s", "meta", "resource-stickiness=100");
        String first = awaitRunningOn(pool, NODES, PATIENCE);
        String other = first.equals("gluster1") ? "gluster2" : "gluster1";
        awaitStatus(pool, other, "Started " + first + ".local", PATIENCE);

        Files.delete(stateFile(pool, first)); // Dummy's monitor now answers "not running"
        // the reason is Dummy's own (ocf_exit_reason)
        String failed = "  * d1 2s-interval monitor on " + first + ".local returned 'not running'"
                + " (No process state file found) at ";
        awaitStatus(pool, other, failed, PATIENCE);
        assertThat(awaitRunningOn(pool, NODES, PATIENCE)).as("restarted where it ran")
                .isEqualTo(first);
        String status = pool.ok(other, "status");
        assertThat(status).contains("\n\nFailed Resource Actions:\n" + failed)
                .containsPattern("found\\) at \\w{3} \\w{3} [ \\d]\\d"
                        + " \\d{2}:\\d{2}:\\d{2} \\d{4}( after \\d+ms)?\n");
        System.out.println(status);
        String full = pool.ok(other, "status", "--full");
        assertThat(full).contains("\nMigration Summary:\n  * Node: " + first + ".local (")
                .containsPattern("\n    \\* d1: migration-threshold=1000000 fail-count=1"
                        + " last-failure='[^']+'\n")
                .containsPattern("\n  \\* d1_monitor_2000 on " + first + "\\.local 'not"
                        + " running' \\(7\\): call=\\d+, status='complete', exitreason='No"
                        + " process state file found', last-rc-change='[^']+', queued=\\d+ms,"
                        + " exec=\\d+ms\n")
                .endsWith("\nTickets:\n");
        System.out.println(full);

        pool.ok(other, "resource", "cleanup", "d1");
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (pool.ok(other, "status").contains("Failed Resource Actions")) {
            assertThat(System.nanoTime()).as("the failure is forgotten").isLessThan(end);
            PoolNodes.sleep(100);
        }
    }

    @Test
    void standbyMovesTheResourceToTheOtherNode() {
        PoolNodes pool = LiveCibTest.twoNodesAndAWitness(cluster);
        pool.ok("gluster2", "property", "set", "stonith-enabled=false");
        pool.ok("gluster2", "resource", "create", "d1", "ocf:heartbeat:Dummy");
        String first = awaitRunningOn(pool, NODES, PATIENCE);
        String other = first.equals("gluster1") ? "gluster2" : "gluster1";

        pool.ok(other, "cluster", "standby", first + ".local");
        awaitStopped(pool, first, PATIENCE);
        assertThat(awaitRunningOn(pool, NODES, PATIENCE)).isEqualTo(other);
        awaitStatus(pool, first, "Node " + first + ".local: standby", PATIENCE);
        awaitStatus(pool, first, "Started " + other + ".local", PATIENCE);
    }

    @Test
    void moveTakesTheResourceToTheNodeNamedAndLeavesNoConstraintBehind() {
        PoolNodes pool = LiveCibTest.twoNodesAndAWitness(cluster);
        pool.ok("gluster1", "property", "set", "stonith-enabled=false");
        pool.ok("gluster1", "resource", "create", "d1", "ocf:heartbeat:Dummy");
        String first = awaitRunningOn(pool, NODES, PATIENCE);
        String other = first.equals("gluster1") ? "gluster2" : "gluster1";

        PoolNodes.Result move = pool.run(first, "resource", "move", "d1", other + ".local");
        assertThat(move.exit()).as(move.toString()).isZero();
        assertThat(move.err()).isEqualTo("Location constraint to move resource 'd1' has been"
                + " created\nWaiting for the cluster to apply configuration changes...\n"
                + "Location constraint created to move resource 'd1' has been removed\n"
                + "Waiting for the cluster to apply configuration changes...\n"
                + "resource 'd1' is running on node '" + other + ".local'\n");
        assertThat(running(pool, other)).isTrue();
        assertThat(running(pool, first)).isFalse();
        assertThat(pool.ok(other, "constraint")).doesNotContain("cli-");
        assertThat(pool.ok(other, "status")).doesNotContain("WARNINGS");

        PoolNodes.Result nowhere = pool.run(first, "resource", "move", "d1", "gluster9.local");
        assertThat(nowhere.exit()).isEqualTo(1);
        assertThat(nowhere.err()).isEqualTo("Error: Node 'gluster9.local' does not appear to"
                + " exist in configuration\n");
    }

    static void awaitStopped(PoolNodes pool, String node, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (running(pool, node)) {
            assertThat(NODES.stream().filter(n -> running(pool, n)).count())
                    .as("d1 runs on at most one node").isLessThanOrEqualTo(1);
            assertThat(System.nanoTime()).as("d1 stops on " + node).isLessThan(end);
            PoolNodes.sleep(20);
        }
    }

    /** Dummy's state file of d1 on {@code node}: there while it runs there. */
    static boolean running(PoolNodes pool, String node) {
        return Files.exists(stateFile(pool, node));
    }

    static Path stateFile(PoolNodes pool, String node) {
        return pool.stateDir(node).resolve("cluster/rsctmp/Dummy-d1.state");
    }

    /** Polls every 20 ms; the node d1 runs on, failing when it runs on two at once. */
    static String awaitRunningOn(PoolNodes pool, List<String> nodes,
            Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<String> on = nodes.stream().filter(n -> running(pool, n)).toList();
            assertThat(on).as("d1 runs on at most one node").hasSizeLessThanOrEqualTo(1);
            if (!on.isEmpty()) {
                return on.getFirst();
            }
            PoolNodes.sleep(20);
        }
        throw new AssertionError("d1 did not start on " + nodes + " in " + timeout + "; status:\n"
                + pool.run(nodes.getFirst(), "status"));
    }

    static void awaitStatus(PoolNodes pool, String on, String text, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            PoolNodes.Result status = pool.run(on, "status");
            last = status.out() + status.err();
            if (status.out().contains(text)) {
                return;
            }
            PoolNodes.sleep(100);
        }
        throw new AssertionError("status on " + on + " never showed '" + text + "'; last:\n"
                + last);
    }
}
