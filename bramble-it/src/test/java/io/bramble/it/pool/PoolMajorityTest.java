package io.bramble.it.pool;

import static io.bramble.it.pool.PoolNodes.shows;
import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.fault.Faults;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Changes need a majority; without one they fail at once, and reads still answer. */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class PoolMajorityTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Long enough for gRPC to wait seconds between attempts to reach a member. */
    private static final long ABSENCE_MS = 15_000;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @Test
    void withoutAMajorityChangesFailAtOnceAndReturnWithIt() {
        PoolNodes pool = new PoolNodes(cluster);
        pool.start("gluster1");
        pool.start("gluster2");
        pool.start("gluster3");
        pool.probeAll("gluster1", "gluster2", "gluster3");
        pool.ok("gluster2", "pool", "set", "color", "blue");

        Faults.kill9(pool.process("gluster2"));
        Faults.kill9(pool.process("gluster3"));
        pool.awaitStatus("gluster1", s -> !s.contains("(Connected)"), PATIENCE);
        long start = System.nanoTime();
        PoolNodes.Result refused = pool.run("gluster1", "pool", "set", "color", "red");
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("pool set: failed: the pool has no majority: 1 of 3"
                + " members reachable, a change needs 2\n");
        assertThat(tookMs).as("refused at once").isLessThan(1_000);
        assertThat(pool.run("gluster1", "peer", "detach", "gluster3.local", "force").err())
                .contains("no majority");
        assertThat(pool.ok("gluster1", "pool", "get", "color")).isEqualTo("color: blue\n");

        pool.start("gluster2");
        pool.awaitStatus("gluster1", shows("gluster2.local", "Connected"), PATIENCE);
        assertThat(pool.ok("gluster1", "pool", "set", "color", "red")).contains("color = red");
        assertThat(pool.ok("gluster2", "pool", "get", "color")).isEqualTo("color: red\n");
    }

    @Test
    void twoNodesAndAWitnessSurviveTheLossOfEither() {
        PoolNodes pool = new PoolNodes(cluster);
        pool.start("gluster1");
        pool.start("gluster2");
        pool.start("witness1", "--witness");
        pool.probeAll("gluster1", "gluster2");
        assertThat(pool.run("gluster1", "peer", "status").err())
                .contains("two members and no witness");
        pool.probeAll("gluster1", "witness1");
        assertThat(pool.run("gluster1", "peer", "status").err()).isEmpty();

        Faults.kill9(pool.process("gluster2"));
        pool.awaitStatus("gluster1", shows("gluster2.local", "Disconnected"), PATIENCE);
        assertThat(pool.ok("gluster1", "pool", "set", "color", "blue")).contains("color =");

        pool.start("gluster2");
        pool.awaitStatus("gluster1", shows("gluster2.local", "Connected"), PATIENCE);
        pool.awaitStatus("gluster2", shows("witness1.local", "Connected"), PATIENCE);
        Faults.kill9(pool.process("gluster1"));
        pool.awaitStatus("gluster2", shows("gluster1.local", "Disconnected"), PATIENCE);
        assertThat(pool.ok("gluster2", "pool", "set", "color", "green")).contains("color =");
        assertThat(pool.ok("gluster2", "pool", "get", "color")).isEqualTo("color: green\n");
        // Pool options are the pool's own records, which a witness keeps (StoreStateTest
        // shows it keeps no value of any other record).
        assertThat(pool.ok("witness1", "pool", "get", "color")).isEqualTo("color: green\n");
    }

    /**
     * A member away long enough for the others to space their calls to it seconds apart is
     * brought up to date as soon as it is back: the leader calls it again at once, so a member
     * that has just come back is ready to take over from the leader.
     */
    @Test
    void aMemberBackAfterALongAbsenceCatchesUpAtOnce() throws InterruptedException {
        PoolNodes pool = new PoolNodes(cluster);
        pool.start("gluster1");
        pool.start("gluster2");
        pool.start("witness1", "--witness");
        pool.probeAll("gluster1", "gluster2", "witness1");
        pool.ok("gluster1", "pool", "set", "color", "blue");
        pool.awaitStatus("gluster2", shows("witness1.local", "Connected"), PATIENCE);

        Faults.kill9(pool.process("gluster2"));
        pool.awaitStatus("gluster1", shows("gluster2.local", "Disconnected"), PATIENCE);
        pool.ok("gluster1", "pool", "set", "color", "green");
        Thread.sleep(ABSENCE_MS);

        pool.start("gluster2");
        pool.awaitStatus("gluster1", shows("gluster2.local", "Connected"), PATIENCE);
        long start = System.nanoTime();
        long deadline = start + PATIENCE.toNanos();
        while (!pool.run("gluster2", "pool", "get", "color").out().equals("color: green\n")) {
            assertThat(System.nanoTime()).as("gluster2 caught up").isLessThan(deadline);
            Thread.sleep(20);
        }
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("gluster2 caught up %d ms after it was seen again%n", tookMs);
        assertThat(tookMs).isLessThan(1_500);
    }
}
