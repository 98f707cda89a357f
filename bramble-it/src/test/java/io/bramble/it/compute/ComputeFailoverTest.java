package io.bramble.it.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the master's {@code bramble node}: its Spark daemons end with it, another member
 * runs the master, recovering the old one's state from the pool's store, and the remaining
 * workers carry on with it without being started again.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ComputeFailoverTest {
    private static final Pattern MASTER = Pattern.compile(
            "(?m)^Master: spark://(\\S+):[0-9]+ on (\\S+) \\(ALIVE\\)$");

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path temp;

    @Test
    void theMasterMovesWhenItsNodeIsKilled() throws Exception {
        SparkNodes nodes = new SparkNodes(cluster, 3, temp, System.nanoTime());
        nodes.startAll(Map.of());
        nodes.formPool();
        PoolNodes.Result start = nodes.run(1, "compute", "start", "--worker-cores", "1",
                "--worker-memory", "1g", "--port", Integer.toString(nodes.freePort()),
                "--webui-port", Integer.toString(nodes.freePort()), "--worker-webui-port",
                Integer.toString(nodes.freePort()));
        assertThat(start.exit()).as("%s", start).isZero();
        ComputePoolTest.awaitStatus(nodes, "Workers: 3 alive, 3 cores",
                " on spark1.local (ALIVE)");

        // An application runs across the failover: its driver is here, in this JVM's child.
        String jar = ComputePoolTest.piJar(temp).toString();
        CompletableFuture<PoolNodes.Result> pi = CompletableFuture.supplyAsync(
                () -> ComputePoolTest.submit(nodes, 2, "--class", ComputePoolTest.PI_CLASS,
                        "--conf", "spark.ui.enabled=false", jar, "60", "6000000000"));
        ComputePoolTest.awaitStatus(nodes, "Running applications: 1", "MonteCarloPi");

        // The master's node copies Spark's recovery files to the store each second: give the
        // last worker's registration that second, so that every worker is recovered.
        PoolNodes.sleep(2_000);
        Set<Long> survivors = new HashSet<>();
        for (int n = 2; n <= 3; n++) {
            ComputePoolTest.sparkDaemons(nodes, n).forEach(p -> survivors.add(p.pid()));
        }
        List<ProcessHandle> left = ComputePoolTest.sparkDaemons(nodes, 1);
        assertThat(left).as("spark1's master and worker").hasSizeGreaterThanOrEqualTo(2);
        long killedNs = System.nanoTime();
        nodes.process(1).crash(); // kill -9 of bramble node alone: its daemons must follow it
        CompletableFuture<Long> ended = CompletableFuture.allOf(left.stream()
                .map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                .thenApply(x -> (System.nanoTime() - killedNs) / 1_000_000);
        String moved = ComputePoolTest.awaitStatus(nodes, "(ALIVE)", "Workers: 2 alive,"
                + " 2 cores");
        long movedMs = (System.nanoTime() - killedNs) / 1_000_000;
        System.out.printf("spark1's Spark daemons ended %d ms after kill -9 of its node%n",
                ended.orTimeout(30, TimeUnit.SECONDS).join());
        assertThat(left).noneMatch(ProcessHandle::isAlive);
        Matcher master = MASTER.matcher(moved);
        assertThat(master.find()).as(moved).isTrue();
        assertThat(master.group(1)).isIn(nodes.address(2), nodes.address(3));
        int heir = master.group(1).equals(nodes.address(2)) ? 2 : 3;
        assertThat(nodes.process(heir).log().text()).contains("compute: the master's member"
                + " spark1.local is gone; this member runs Spark's master now").contains(
                        "compute: Spark's master starts from 3 recovered worker and"
                                + " application records of the master before it");
        for (int n = 2; n <= 3; n++) {
            List<ProcessHandle> workers = ComputePoolTest.sparkDaemons(nodes, n).stream()
                    .filter(p -> p.info().commandLine().orElse("").contains(
                            "deploy.worker.Worker"))
                    .toList();
            assertThat(workers).as("spark%d's worker", n).isNotEmpty()
                    .allMatch(p -> survivors.contains(p.pid()));
        }
        System.out.printf("kill -9 of the master's node to a new master with 2 workers: %d"
                + " ms%n%s%n", movedMs, moved);

        PoolNodes.Result done = pi.orTimeout(180, TimeUnit.SECONDS).join();
        assertThat(done.exit()).as("%s", done).isZero();
        Matcher estimate = ComputePoolTest.ESTIMATE.matcher(done.out());
        assertThat(estimate.find()).as("%s", done.out()).isTrue();
        assertThat(Double.parseDouble(estimate.group(1))).isCloseTo(Math.PI,
                org.assertj.core.data.Offset.offset(0.01));
        String finished = nodes.run(heir, "compute", "status").out();
        System.out.printf("the application across the failover: %s%n%s%n", estimate.group(),
                finished);
        assertThat(finished).as("the new master saw it end").containsPattern(
                "(?m)^  app-\\S+ +MonteCarloPi +FINISHED ");

        PoolNodes.Result stop = nodes.run(heir, "compute", "stop");
        assertThat(stop.exit()).as("%s", stop).isZero();
        assertThat(stop.out()).isEqualTo("compute stop: success: Spark stopped on 2 members\n");
        assertThat(stop.err()).isEqualTo("note: spark1.local did not answer; each stops its"
                + " Spark daemons once it is back in the pool\n");
        for (int n = 2; n <= 3; n++) {
            assertThat(ComputePoolTest.sparkProcesses(nodes, n)).isEmpty();
        }
    }
}
