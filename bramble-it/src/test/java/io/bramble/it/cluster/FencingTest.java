package io.bramble.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.fault.Faults;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A fence device in the live cluster: with {@code stonith-enabled} (the default) and a device
 * of bramble's lab agent that "powers off" a node by killing its {@code bramble node} and
 * every process it started ({@code kind=pid}), a node that hangs (SIGSTOP: cut off, its
 * resource still running as far as anyone knows) is fenced, and its resource starts on the
 * survivor once the device said the node is off, without waiting for the node's lease to run
 * out. The hung node is dead before the resource starts elsewhere.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FencingTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<String> NODES = List.of("gluster1", "gluster2");

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @Test
    void aHungNodeIsFencedAndItsResourceStartsOnTheSurvivor() {
        PoolNodes pool = withDeviceAndDummy();
        String first = FailoverTest.awaitRunningOn(pool, NODES, PATIENCE);
        String survivor = first.equals("gluster1") ? "gluster2" : "gluster1";
        String status = pool.ok(survivor, "status");
        assertThat(status).doesNotContain("No stonith devices")
                .contains("(stonith:fence_bramble_lab):").contains("Started");

        long hung = System.nanoTime();
        Faults.pause(pool.process(first));
        long end = hung + PATIENCE.toNanos();
        while (!FailoverTest.running(pool, survivor)) {
            assertThat(System.nanoTime()).as("d1 starts on " + survivor).isLessThan(end);
            PoolNodes.sleep(20);
        }
        long startedMs = (System.nanoTime() - hung) / 1_000_000;
        // Fenced first: the hung node and everything it started were dead by then.
        assertThat(pool.process(first).isAlive()).as(first + " fenced before d1 moved")
                .isFalse();
        System.out.println("d1 started on " + survivor + " " + startedMs + " ms after "
                + first + " hung, " + first + " fenced by the lab device");
        FailoverTest.awaitStatus(pool, survivor, "  * OFFLINE: [ " + first + ".local ]", PATIENCE);
        FailoverTest.awaitStatus(pool, survivor, "Started " + survivor + ".local", PATIENCE);
        assertThat(pool.ok(survivor, "status", "nodes")).startsWith("Pacemaker Nodes:\n"
                + " Online: " + survivor + ".local\n Standby:\n"
                + " Standby with resource(s) running:\n Maintenance:\n Offline: " + first
                + ".local\n");
        PoolNodes.Result self = pool.run(survivor, "stonith", "fence", survivor + ".local");
        assertThat(self.exit()).isEqualTo(1);
        assertThat(self.err()).startsWith("Error: unable to fence '" + survivor + ".local': it"
                + " is the node this command runs on");
        PoolNodes.Result unknown = pool.run(survivor, "stonith", "fence", "gluster9.local");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("Error: unable to fence 'gluster9.local'\n"
                + "no fence device can fence gluster9.local (none names it in its"
                + " pcmk_host_map or pcmk_host_list)\n");
    }

    /** pcs stonith fence: the node is powered off at once, and its resource moves. */
    @Test
    void aNodeFencedByHandIsOffAndItsResourceMoves() {
        PoolNodes pool = withDeviceAndDummy();
        String first = FailoverTest.awaitRunningOn(pool, NODES, PATIENCE);
        String survivor = first.equals("gluster1") ? "gluster2" : "gluster1";
        PoolNodes.Result fenced = pool.run(survivor, "stonith", "fence", first + ".local");
        assertThat(fenced.exit()).as(fenced.toString()).isZero();
        assertThat(fenced.out()).isEqualTo("Node: " + first + ".local fenced\n");
        assertThat(pool.process(first).isAlive()).isFalse();
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (!FailoverTest.running(pool, survivor)) {
            assertThat(System.nanoTime()).as("d1 starts on " + survivor).isLessThan(end);
            PoolNodes.sleep(20);
        }
    }

    /** Two nodes and a witness, a lab device for the nodes' process trees, and Dummy d1. */
    private PoolNodes withDeviceAndDummy() {
        PoolNodes pool = LiveCibTest.twoNodesAndAWitness(cluster);
        String map = "gluster1.local:" + pool.process("gluster1").pid() + ";gluster2.local:"
                + pool.process("gluster2").pid();
        pool.ok("gluster1", "stonith", "create", "lab", "fence_bramble_lab", "kind=pid",
                "pcmk_host_map=" + map);
        pool.ok("gluster1", "resource", "create", "d1", "ocf:heartbeat:Dummy", "op",
                "monitor", "interval=2s");
        return pool;
    }
}
