package io.bramble.it.fs;

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
 * {@code bramble demo fs} as a user runs it, as root: a real process with real nodes and a
 * real mount, on a 127.x.y.0/24 of this run's own. It plays to the end, every write of its
 * client works, and it leaves nothing mounted and no folder behind.
 */
class FsDemoTest {
    /** Three nodes, a mount and a node's restart on a busy two-core machine. */
    private static final Duration RUN_LIMIT = Duration.ofSeconds(180);
    private static final Pattern SUMMARY = Pattern.compile(
            "\nclient: (\\d+) writes, (\\d+) ok, 0 failed, longest gap \\d+ ms\n");
    private static final Pattern MOUNT_POINT = Pattern.compile("\n  mount +\\S+ on (\\S+) \\(");

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @Test
    void playsToTheEndWithoutAFailedWriteAndLeavesNothingBehind() {
        FuseRequirements.assumeMountable();
        SplittableRandom random = new SplittableRandom();
        String net = "127." + random.nextInt(100, 250) + "." + random.nextInt(1, 250);
        ManagedProcess demo = cluster.start("demo", "demo", "fs", "--net", net);
        int code = demo.awaitExit(RUN_LIMIT);
        String output = demo.log().text();

        assertThat(code).as(output).isZero();
        Matcher summary = SUMMARY.matcher(output);
        assertThat(summary.find()).as(output).isTrue();
        assertThat(summary.group(2)).isEqualTo(summary.group(1));
        assertThat(output).containsPattern("\n  mounted \\S+:/gv0 on \\S+ \\(Replicate, 2"
                + " bricks\\)\n");
        assertThat(output).contains("Step 1 of 2: node 2 dies", "Step 2 of 2: node 2 comes back",
                "-> the client's writes reach node 2's brick again", "-> node 2's copy is"
                        + " healed",
                "The pool's store records no stale copy of gv0.",
                "Every write worked while node 2 was down"
                        + " and back.");
        Matcher mount = MOUNT_POINT.matcher(output);
        assertThat(mount.find()).as(output).isTrue();
        Path mountPoint = Path.of(mount.group(1));
        assertThat(VolumeMounts.isMounted(mountPoint)).isFalse();
        assertThat(mountPoint.getParent()).doesNotExist();
    }
}
