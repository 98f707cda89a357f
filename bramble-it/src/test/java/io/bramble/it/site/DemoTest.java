package io.bramble.it.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.exec.Signals;
import io.bramble.testkit.fault.Faults;
import io.bramble.testkit.process.ManagedProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bramble demo} as a user runs it, a real process with real children, each run on a
 * 127.x.y.0/24 of its own so that it cannot meet another test's (or the user's) demo.
 */
class DemoTest {
    /** Four JVMs, health checks and four steps on a busy two-core machine. */
    private static final Duration RUN_LIMIT = Duration.ofSeconds(240);
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    private final SplittableRandom random = new SplittableRandom();

    /** A 127.x.y of this run's own, away from the kit's 127.0.0.x and the demo's default. */
    private String net() {
        return "127." + random.nextInt(100, 250) + "." + random.nextInt(1, 250);
    }

    @Test
    void playsEveryStepOfTheRecipeAndExitsZero() {
        ManagedProcess demo = cluster.start("demo", "demo", "--quick", "--net", net());
        int code = demo.awaitExit(RUN_LIMIT);
        String output = demo.log().text();
        assertThat(code).as(output).isZero();
        assertThat(output).contains("The site is up", "Step 1 of 4: web1 dies",
                "Step 2 of 4: web1 comes back", "Step 3 of 4: lb1 dies",
                "Step 4 of 4: lb1 comes back", "web1 DOWN, web2 UP", "web1 UP, web2 UP",
                "lb2: VI_1: BACKUP -> MASTER", "Every step behaved.");
        assertThat(output).containsPattern("lb1 comes back +lb1 answers again after .* 0 "
                + "failed +ok");
    }

    @Test
    void ctrlCStopsEverythingTheDemoStarted() {
        ManagedProcess demo = cluster.start("demo", "demo", "--quick", "--net", net());
        demo.awaitLine("The site is up");
        List<ProcessHandle> children = demo.handle().descendants().toList();
        assertThat(children).hasSize(4);

        Signals.send(demo.pid(), "INT");

        demo.awaitExit(GENEROUS);
        assertThat(children).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void theChildrenEndWhenTheDemoIsKilled(@TempDir Path dir) {
        // A demo killed with -9 cannot remove its folder: give it one that the test removes.
        ManagedProcess demo = cluster.start("demo", "demo", "--quick", "--net", net(), "--dir",
                dir.toString());
        demo.awaitLine("The site is up");
        List<ProcessHandle> children = demo.handle().descendants().toList();
        assertThat(children).hasSize(4);

        Faults.kill9(demo);

        Awaitility.await("the demo's children to end on their own").atMost(GENEROUS).until(
                () -> children.stream().noneMatch(ProcessHandle::isAlive));
    }
}
