package io.bramble.it.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.process.ManagedProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code bramble demo compute} as a user runs it: a real process with three real nodes on a
 * 127.x.y.0/24 of this run's own. The Pi job runs, the master's node is killed, another node
 * runs the master and the job runs again; nothing is left behind.
 */
class ComputeDemoTest {
    /** Three nodes, their jar caches filled, seven Spark JVMs on a busy two-core machine. */
    private static final Duration RUN_LIMIT = Duration.ofSeconds(480);
    private static final Pattern ESTIMATE = Pattern.compile("\n  Spark estimated Pi at"
            + " ([0-9.]+) in [0-9.]+ seconds using 24 partitions\n");
    private static final Pattern MOVED = Pattern.compile("\n  -> the master runs on (\\S+)"
            + " with both workers [0-9.]+ s after the power loss\n");
    private static final Pattern LOGS = Pattern.compile("\n  logs +(\\S+)\n");

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @Test
    void runsThePiJobMovesTheMasterAndRunsItAgain() {
        SplittableRandom random = new SplittableRandom();
        String net = "127." + random.nextInt(100, 250) + "." + random.nextInt(1, 250);
        ManagedProcess demo = cluster.start("demo", "demo", "compute", "--net", net);
        int code = demo.awaitExit(RUN_LIMIT);
        String output = demo.log().text();

        assertThat(code).as(output).isZero();
        assertThat(output).contains("  peer probe: success.", "Workers: 3 alive, 3 cores",
                "Pi was estimated on the pool before and after its master's node lost its"
                        + " power");
        Matcher estimate = ESTIMATE.matcher(output);
        for (int run = 1; run <= 2; run++) {
            assertThat(estimate.find()).as("estimate %d in %s", run, output).isTrue();
            assertThat(Double.parseDouble(estimate.group(1))).isCloseTo(Math.PI,
                    org.assertj.core.data.Offset.offset(0.01));
        }
        Matcher moved = MOVED.matcher(output);
        assertThat(moved.find()).as(output).isTrue();
        assertThat(moved.group(1)).isIn(net + ".152", net + ".153");
        Matcher logs = LOGS.matcher(output);
        assertThat(logs.find()).as(output).isTrue();
        assertThat(Path.of(logs.group(1))).doesNotExist();
    }
}
