package io.bramble.it.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.testkit.cluster.LocalCluster;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Probes at the same moment leave one membership that every node agrees on. */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class PoolConcurrencyTest {
    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @Test
    void probesAndDetachesAtOnceLeaveOneMembershipAllAgreeOn() {
        PoolNodes pool = new PoolNodes(cluster);
        for (int n = 1; n <= 4; n++) {
            pool.start("gluster" + n);
        }
        pool.probeAll("gluster1", "gluster2");
        var first = CompletableFuture.supplyAsync(() -> pool.run("gluster1", "peer", "probe",
                "gluster3.local"));
        var second = CompletableFuture.supplyAsync(() -> pool.run("gluster2", "peer", "probe",
                "gluster4.local"));
        assertThat(first.join().exit()).as("%s", first.join()).isZero();
        assertThat(second.join().exit()).as("%s", second.join()).isZero();
        for (String name : List.of("gluster1", "gluster2", "gluster3", "gluster4")) {
            pool.awaitStatus(name, s -> s.startsWith("Number of Peers: 3\n")
                    && !s.contains("Disconnected"), Duration.ofSeconds(20));
        }
        // Two detaches at once, from two members: both go, and the two left agree.
        var third = CompletableFuture.supplyAsync(() -> pool.run("gluster1", "peer", "detach",
                "gluster3.local"));
        var fourth = CompletableFuture.supplyAsync(() -> pool.run("gluster2", "peer", "detach",
                "gluster4.local"));
        assertThat(third.join().exit()).as("%s", third.join()).isZero();
        assertThat(fourth.join().exit()).as("%s", fourth.join()).isZero();
        for (String name : List.of("gluster1", "gluster2")) {
            pool.awaitStatus(name, s -> s.startsWith("Number of Peers: 1\n")
                    && !s.contains("Disconnected"), Duration.ofSeconds(20));
        }
        pool.ok("gluster2", "pool", "set", "voters", "two");
        assertThat(pool.ok("gluster1", "pool", "list").lines()).hasSize(3);
    }

    @Test
    void twoPoolsProbingOneFreshNodeAtOnceOnlyOneGetsIt() {
        PoolNodes pool = new PoolNodes(cluster);
        for (int n = 1; n <= 4; n++) {
            pool.start("gluster" + n);
        }
        pool.start("witness2");
        pool.probeAll("gluster1", "gluster2");
        pool.probeAll("gluster3", "gluster4");
        var a = CompletableFuture.supplyAsync(() -> pool.run("gluster1", "peer", "probe",
                "witness2.local"));
        var b = CompletableFuture.supplyAsync(() -> pool.run("gluster3", "peer", "probe",
                "witness2.local"));
        int successes = (a.join().exit() == 0 ? 1 : 0) + (b.join().exit() == 0 ? 1 : 0);
        assertThat(successes).as("%s / %s", a.join(), b.join()).isEqualTo(1);
        String winner = a.join().exit() == 0 ? "gluster1" : "gluster3";
        String loser = winner.equals("gluster1") ? "gluster3" : "gluster1";
        assertThat(pool.ok(winner, "peer", "status")).contains("witness2.local");
        assertThat(pool.ok(loser, "peer", "status")).doesNotContain("witness2.local");
        pool.awaitStatus("witness2", s -> s.startsWith("Number of Peers: 2\n")
                && s.contains(winner + ".local"), Duration.ofSeconds(20));
    }
}
