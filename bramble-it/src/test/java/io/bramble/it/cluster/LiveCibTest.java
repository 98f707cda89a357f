package io.bramble.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
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
}
