package io.bramble.it.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.cli.Main;
import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 000's supercomputer on a pool of three nodes: {@code compute start} runs a master and
 * three workers, the Monte-Carlo Pi job runs through {@code compute submit}, {@code compute
 * status} shows the workers and the finished application, a node stopped with SIGTERM
 * stops its Spark daemons, {@code compute stop} leaves no Spark process. The third node has
 * no Maven repository to copy Spark's jars from, so it takes them from another member.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ComputePoolTest {
    static final Pattern ESTIMATE = Pattern.compile(
            "Spark estimated Pi at ([0-9.]+) in ([0-9.]+) seconds using ([0-9]+) partitions");
    static final String PI_CLASS = io.bramble.compute.submit.PiJob.CLASS;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @TempDir
    Path temp;

    @Test
    void threeNodesRunSeed000sPiJobAndStopCleanly() throws Exception {
        SparkNodes nodes = new SparkNodes(cluster, 3, temp, System.nanoTime());
        Path noRepository = SparkNodes.emptyFolder(temp, "no-maven-repository");
        nodes.startAll(Map.of(3, Map.of("BRAMBLE_MAVEN_REPO", noRepository.toString(),
                "BRAMBLE_MAVEN_REMOTE", "none")));
        nodes.formPool();
        int masterPort = nodes.freePort();
        int uiPort = nodes.freePort();
        int workerUiPort = nodes.freePort();

        long startedNs = System.nanoTime();
        PoolNodes.Result start = nodes.run(2, "compute", "start", "--master",
                nodes.address(1), "--workers", "all", "--worker-cores", "1",
                "--worker-memory", "1g", "--port", Integer.toString(masterPort),
                "--webui-port", Integer.toString(uiPort), "--worker-webui-port",
                Integer.toString(workerUiPort));
        assertThat(start.exit()).as("%s", start).isZero();
        assertThat(start.out()).contains("spark://" + nodes.address(1) + ":" + masterPort);

        String status = awaitStatus(nodes, "Workers: 3 alive, 3 cores");
        long startMs = (System.nanoTime() - startedNs) / 1_000_000;
        assertThat(status).contains("Master: spark://" + nodes.address(1) + ":" + masterPort
                + " on spark1.local (ALIVE)")
                .contains("Web UI: http://" + nodes.address(1) + ":" + uiPort + "/");
        for (int n = 1; n <= 3; n++) {
            // A member shows by the name it was probed with: node 1 probed the others'
            // addresses.
            String shown = n == 1 ? "spark1\\.local" : nodes.address(n).replace(".", "\\.");
            assertThat(status).containsPattern("(?m)^  " + shown + " +ALIVE +cores 1 ");
        }
        assertThat(nodes.process(3).log().text()).contains("of Spark's jars from pool member");

        // A worker that dies is started again by its node and registers anew.
        ProcessHandle worker = sparkDaemons(nodes, 2).stream()
                .filter(p -> p.info().commandLine().orElse("").contains(".worker.Worker"))
                .findFirst().orElseThrow();
        long killedNs = System.nanoTime();
        worker.destroyForcibly();
        nodes.process(2).awaitLine("compute: restarted Spark's worker");
        String again = awaitStatus(nodes, "Workers: 3 alive, 3 cores", " DEAD ");
        long restartMs = (System.nanoTime() - killedNs) / 1_000_000;

        PoolNodes.Result greedy = submit(nodes, 1, "--total-executor-cores", "4", "--class",
                PI_CLASS, piJar(temp).toString());
        assertThat(greedy.exit()).isEqualTo(1);
        assertThat(greedy.err()).startsWith("compute submit: --total-executor-cores 4 is more"
                + " cores than the pool's workers have (3);").hasLineCount(1);
        PoolNodes.Result large = submit(nodes, 1, "--executor-memory", "2g", "--class",
                PI_CLASS, piJar(temp).toString());
        assertThat(large.exit()).isEqualTo(1);
        assertThat(large.err()).startsWith("compute submit: executors of 2048 MiB"
                + " (--executor-memory 2g) fit in no worker: the largest offers 1024 MiB;")
                .hasLineCount(1);

        long submittedNs = System.nanoTime();
        PoolNodes.Result pi = submit(nodes, 1, "--class", PI_CLASS, "--conf",
                "spark.ui.enabled=false", piJar(temp).toString(), "6", "3000000");
        long submitMs = (System.nanoTime() - submittedNs) / 1_000_000;
        assertThat(pi.exit()).as("%s", pi).isZero();
        Matcher estimate = ESTIMATE.matcher(pi.out());
        assertThat(estimate.find()).as("%s", pi.out()).isTrue();
        assertThat(Double.parseDouble(estimate.group(1))).isCloseTo(Math.PI,
                org.assertj.core.data.Offset.offset(0.01));
        assertThat(estimate.group(3)).isEqualTo("6");

        // The application's exit code and messages are the command's.
        PoolNodes.Result refused = submit(nodes, 1, "--class", PI_CLASS, piJar(temp).toString(),
                "0");
        assertThat(refused.exit()).as("%s", refused).isEqualTo(2);
        assertThat(refused.err()).contains("MonteCarloPi: expected 1 to");

        String after = nodes.run(3, "compute", "status").out();
        System.out.printf("compute start to 3 workers: %d ms; a killed worker back: %d ms;"
                + " submit of the Pi job: %d ms%n%s%n%s%n", startMs, restartMs, submitMs,
                estimate.group(), after);
        assertThat(after).containsPattern("(?m)^Finished applications: 1$")
                .containsPattern("(?m)^Workers: 3 alive, 3 cores$")
                .containsPattern("(?m)^  app-\\S+ +MonteCarloPi +FINISHED ");

        // A node that stops (SIGTERM) stops its Spark daemons first.
        List<ProcessHandle> third = sparkDaemons(nodes, 3);
        assertThat(third).isNotEmpty();
        nodes.process(3).stop();
        assertThat(third).noneMatch(ProcessHandle::isAlive);

        PoolNodes.Result stop = nodes.run(2, "compute", "stop");
        assertThat(stop.exit()).as("%s", stop).isZero();
        assertThat(stop.out()).isEqualTo("compute stop: success: Spark stopped on 2 members\n");
        assertThat(stop.err()).contains(nodes.address(3) + " did not answer");
        for (int n = 1; n <= 2; n++) {
            assertThat(sparkProcesses(nodes, n)).as("Spark processes under spark%d", n)
                    .isEmpty();
        }
        PoolNodes.Result late = submit(nodes, 2, "--class", PI_CLASS, piJar(temp).toString());
        assertThat(late.exit()).isEqualTo(1);
        assertThat(late.err()).isEqualTo("compute submit: Spark is not running on this pool;"
                + " start it with 'bramble compute start'\n");
    }

    @Test
    void badSubmissionsAreOneLineErrors() throws Exception {
        SparkNodes nodes = new SparkNodes(cluster, 1, temp, System.nanoTime());
        nodes.startAll(Map.of());
        PoolNodes.Result missing = submit(nodes, 1, "--class", PI_CLASS,
                temp.resolve("nowhere.jar").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere.jar: no such file;").hasLineCount(1);

        Path python = Files.writeString(temp.resolve("pi-spark.py"), "print(1)\n");
        PoolNodes.Result pythonApp = submit(nodes, 1, python.toString(), "24");
        if (!pythonHasPyspark()) {
            assertThat(pythonApp.exit()).isEqualTo(1);
            assertThat(pythonApp.err()).contains("pip install pyspark==4.2.0")
                    .hasLineCount(1);
        }
        PoolNodes.Result master = submit(nodes, 1, "--master", "local", piJar(temp).toString());
        assertThat(master.exit()).isEqualTo(2);
        assertThat(master.err()).contains("--master is the pool's").hasLineCount(1);
    }

    static String awaitStatus(SparkNodes nodes, String... wanted) {
        List<String> last = new ArrayList<>(List.of(""));
        try {
            Awaitility.await().atMost(java.time.Duration.ofSeconds(120))
                    .pollInterval(java.time.Duration.ofMillis(500))
                    .until(() -> {
                        PoolNodes.Result result = nodes.run(2, "compute", "status");
                        last.set(0, result.out() + result.err());
                        return result.exit() == 0 && java.util.Arrays.stream(wanted)
                                .allMatch(result.out()::contains);
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("compute status never showed " + java.util.Arrays.toString(
                    wanted) + "; last:\n"
                    + last.getFirst(), e);
        }
        return last.getFirst();
    }

    /** Runs {@code compute submit ARGS} against node {@code n} in this JVM. */
    static PoolNodes.Result submit(SparkNodes nodes, int n, String... args) {
        List<String> line = new ArrayList<>(List.of("compute", "submit", "--state-dir",
                nodes.stateDir(n).toString()));
        line.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(line.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new PoolNodes.Result(exit, out.toString(), err.toString());
    }

    /** Java processes running Spark's classes under node {@code n}'s process. */
    static List<String> sparkProcesses(SparkNodes nodes, int n) {
        return sparkDaemons(nodes, n).stream().map(p -> p.info().commandLine().orElse(""))
                .toList();
    }

    static List<ProcessHandle> sparkDaemons(SparkNodes nodes, int n) {
        return nodes.process(n).handle().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("org.apache.spark"))
                .toList();
    }

    private static boolean pythonHasPyspark() throws InterruptedException {
        try {
            return new ProcessBuilder("python3", "-c", "import pyspark")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** bramble-spark's jar, which holds the Pi job (made in {@code temp} if need be). */
    static Path piJar(Path temp) throws IOException {
        return io.bramble.compute.submit.PiJob.jar(temp);
    }
}
