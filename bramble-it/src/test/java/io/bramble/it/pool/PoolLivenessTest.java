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

/** A member killed, restarted, frozen and thawed: what the others see, and how soon. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PoolLivenessTest {
    /** What users are promised: a change shows on the others within a second. */
    private static final Duration PROMISE = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @Test
    void killedRestartedFrozenAndThawed() {
        PoolNodes pool = new PoolNodes(cluster);
        pool.start("gluster1");
        pool.start("gluster2");
        pool.start("gluster3");
        pool.probeAll("gluster1", "gluster2", "gluster3");
        pool.ok("gluster1", "pool", "set", "color", "blue");
        pool.awaitStatus("gluster2", shows("gluster3.local", "Connected"), PATIENCE);

        Faults.kill9(pool.process("gluster3"));
        long onOne = pool.awaitStatus("gluster1", shows("gluster3.local", "Disconnected"),
                PATIENCE);
        long onTwo = pool.awaitStatus("gluster2", shows("gluster3.local", "Disconnected"),
                PATIENCE);
        System.out.printf("kill -9 seen as Disconnected after %d ms on gluster1, %d ms"
                + " after that on gluster2%n", onOne, onTwo);
        assertThat(onOne + onTwo).isLessThan(PROMISE.toMillis());

        pool.start("gluster3");
        pool.process("gluster3").awaitLine("rejoining pool");
        long back = pool.awaitStatus("gluster1", shows("gluster3.local", "Connected"),
                PATIENCE);
        System.out.printf("restarted gluster3 Connected %d ms after it rejoined%n", back);
        assertThat(back).isLessThan(3 * PROMISE.toMillis());
        assertThat(pool.ok("gluster3", "pool", "get", "color")).isEqualTo("color: blue\n");
        pool.awaitStatus("gluster3", s -> s.contains("Hostname: gluster1.local")
                && s.contains("Hostname: gluster2.local") && !s.contains("Disconnected"),
                PATIENCE);

        Faults.pause(pool.process("gluster2"));
        long frozen = pool.awaitStatus("gluster1", shows("gluster2.local", "Disconnected"),
                PATIENCE);
        Faults.resume(pool.process("gluster2"));
        long thawed = pool.awaitStatus("gluster1", shows("gluster2.local", "Connected"),
                PATIENCE);
        System.out.printf("SIGSTOP seen after %d ms, SIGCONT after %d ms%n", frozen, thawed);
        assertThat(frozen).isLessThan(PROMISE.toMillis());
        assertThat(thawed).isLessThan(PROMISE.toMillis());
    }
}
