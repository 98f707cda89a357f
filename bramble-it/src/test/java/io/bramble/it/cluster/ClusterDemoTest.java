package io.bramble.it.cluster;

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
 * {@code bramble demo cluster} as a user runs it, without root: a real process with three real
 * nodes on a 127.x.y.0/24 of this run's own. The site answers from one node, then from the
 * other after a standby and after a pulled power cable, the web server never runs on both,
 * and nothing is left behind.
 */
class ClusterDemoTest {
    /** Three nodes, two moves and two web servers' JVMs on a busy two-core machine. */
    private static final Duration RUN_LIMIT = Duration.ofSeconds(240);
    private static final Pattern MOVE = Pattern.compile("\n  -> (standby|power loss) +the site"
            + " answered from (node[12]) [0-9.]+ (?:ms|s) after, \\d+ requests failed"
            + " meanwhile\n");
    private static final Pattern LOGS = Pattern.compile("\n  logs +(\\S+)\n");

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @Test
    void movesTheSiteByStandbyAndByPowerLossAndNeverRunsItTwice() {
        SplittableRandom random = new SplittableRandom();
        String net = "127." + random.nextInt(100, 250) + "." + random.nextInt(1, 250);
        ManagedProcess demo = cluster.start("demo", "demo", "cluster", "--net", net);
        int code = demo.awaitExit(RUN_LIMIT);
        String output = demo.log().text();

        assertThat(code).as(output).isZero();
        assertThat(output).contains("$ bramble peer probe node2\n  peer probe: success.",
                "    * Online: [ node1 node2 ]\n", "The web server never ran on two nodes at"
                        + " once.",
                "The site moved at each step and never ran twice.");
        Matcher move = MOVE.matcher(output);
        assertThat(move.find()).as(output).isTrue();
        assertThat(move.group(1)).isEqualTo("standby");
        String afterStandby = move.group(2);
        assertThat(output).contains("Step 1 of 2: " + other(afterStandby) + " in standby");
        assertThat(move.find()).as(output).isTrue();
        assertThat(move.group(1)).isEqualTo("power loss");
        assertThat(move.group(2)).isEqualTo(other(afterStandby));
        assertThat(output).containsPattern("\n    \\* OFFLINE: \\[ " + afterStandby + " \\]\n");
        Matcher logs = LOGS.matcher(output);
        assertThat(logs.find()).as(output).isTrue();
        assertThat(Path.of(logs.group(1))).doesNotExist();
    }

    private static String other(String node) {
        return node.equals("node1") ? "node2" : "node1";
    }
}
