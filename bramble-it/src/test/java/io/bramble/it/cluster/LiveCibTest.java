package io.bramble.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** pcs's words without {@code -f} change the pool's CIB, which every member then shows. */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class LiveCibTest {
    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    /** gluster1, gluster2 and witness1 started and in one pool. */
    static PoolNodes twoNodesAndAWitness(LocalCluster cluster) {
        PoolNodes pool = new PoolNodes(cluster);
        pool.startTogether("gluster1", "gluster2", "witness1");
        pool.probeAll("gluster1", "gluster2", "witness1");
        return pool;
    }

    @Test
    void aResourceCreatedOnOneMemberIsInTheConfigurationOnTheOther() {
        PoolNodes pool = twoNodesAndAWitness(cluster);

        pool.ok("gluster1", "property", "set", "stonith-enabled=false");
        pool.ok("gluster1", "resource", "create", "d1", "ocf:heartbeat:Dummy",
                "op", "monitor", "interval=10s");
        assertThat(pool.ok("gluster2", "resource", "config")).contains(
                "Resource: d1 (class=ocf provider=heartbeat type=Dummy)");
        assertThat(pool.ok("gluster2", "property", "config")).contains(
                "stonith-enabled: false");

        PoolNodes.Result again = pool.run("gluster2", "resource", "create", "d1",
                "ocf:heartbeat:Dummy");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("Error: 'd1' already exists");
        assertThat(pool.run("witness1", "resource", "config").exit())
                .as("a witness keeps no CIB").isNotZero();
    }

    /**
     * A node is known in the cluster by the name the pool records for it: probed by its
     * address, gluster2 (which calls itself gluster2.local) is that address in the CIB, in its
     * leases and in status, and runs resources.
     */
    @Test
    void aNodeProbedByAddressRunsResourcesUnderThatAddress() {
        PoolNodes pool = new PoolNodes(cluster);
        pool.startTogether("gluster1", "gluster2", "witness1");
        String address = pool.address("gluster2");
        assertThat(pool.ok("gluster1", "peer", "probe", address)).isEqualTo(
                "peer probe: success. \n");
        pool.probeAll("gluster1", "witness1");

        pool.ok("gluster1", "property", "set", "stonith-enabled=false");
        pool.ok("gluster1", "resource", "create", "d1", "ocf:heartbeat:Dummy");
        pool.ok("gluster1", "constraint", "location", "d1", "prefers", address);
        String started = "* d1\t(ocf:heartbeat:Dummy):\t Started " + address + "\n";
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String status = pool.run("gluster1", "status").out();
        while (!status.contains(started) && System.nanoTime() < end) {
            PoolNodes.sleep(200);
            status = pool.run("gluster1", "status").out();
        }
        assertThat(status).contains("  * Online: [ gluster1.local " + address + " ]\n",
                started);
        assertThat(pool.stateDir("gluster2").resolve("cluster/rsctmp/Dummy-d1.state"))
                .exists();
    }
}
