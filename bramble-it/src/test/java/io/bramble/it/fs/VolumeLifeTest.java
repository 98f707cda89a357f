package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 004's volume on two nodes, as typed there ({@code volume create gv0 replica 2
 * transport tcp HOST1:PATH HOST2:PATH}), through its whole life: the same {@code info} on
 * both members, start, {@code status} answered by each brick's own node, Gluster's question
 * before a stop, stop and delete in script mode.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class VolumeLifeTest {
    private static final Pattern VOLUME_ID = Pattern.compile(
            "Volume ID: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n");

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @Test
    void seed004sReplicaVolumeFromCreateToDelete(@TempDir Path bricks, @TempDir Path bin)
            throws Exception {
        PoolNodes pool = new PoolNodes(cluster);
        pool.start("gluster1");
        pool.start("gluster2");
        pool.probeAll("gluster1", "gluster2");
        String b1 = "gluster1.local:" + bricks.resolve("gluster1/data/brick1/gv0");
        String b2 = "gluster2.local:" + bricks.resolve("gluster2/data/brick1/gv0");
        String[] create = {"volume", "create", "gv0", "replica", "2", "transport", "tcp", b1,
                b2};

        // The test's folders are on the root file system: refused as Gluster refuses it,
        // and nothing is made.
        PoolNodes.Result refused = pool.run("gluster1", create);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("volume create: gv0: failed: The brick " + b1
                + " is being created in the root partition. It is recommended that you don't"
                + " use the system's root partition for storage backend. Or use 'force' at"
                + " the end of the command if you want to override this behavior.\n");
        assertThat(bricks.resolve("gluster1")).doesNotExist();

        assertThat(pool.ok("gluster1", plus(create, "force"))).isEqualTo(
                "volume create: gv0: success: please start the volume to access data\n");
        // gluster2's brick was checked and made by gluster2's node.
        pool.process("gluster2").awaitLine("brick folder .*/gluster2/data/brick1/gv0 is ready");
        assertThat(bricks.resolve("gluster2/data/brick1/gv0")).isEmptyDirectory();

        String info = pool.ok("gluster1", "volume", "info");
        assertThat(VOLUME_ID.matcher(info).replaceFirst("Volume ID: ID\n")).isEqualTo(" \n"
                + "Volume Name: gv0\n"
                + "Type: Replicate\n"
                + "Volume ID: ID\n"
                + "Status: Created\n"
                + "Snapshot Count: 0\n"
                + "Number of Bricks: 1 x 2 = 2\n"
                + "Transport-type: tcp\n"
                + "Bricks:\n"
                + "Brick1: " + b1 + "\n"
                + "Brick2: " + b2 + "\n"
                + "Options Reconfigured:\n"
                + "nfs.disable: on\n");
        assertThat(pool.ok("gluster2", "volume", "info", "gv0")).isEqualTo(info);

        assertThat(pool.ok("gluster2", "volume", "start", "gv0")).isEqualTo(
                "volume start: gv0: success\n");
        assertThat(pool.ok("gluster1", "volume", "info", "gv0")).contains("Status: Started\n");
        // Each brick's line comes from the node that holds it: its own pid.
        List<String> lines = pool.ok("gluster1", "volume", "status", "gv0").replace(
                "\n" + "-".repeat(78), "").lines().toList();
        assertThat(lines.getFirst()).isEqualTo("Status of volume: gv0");
        String status = String.join("\n", lines);
        for (String node : List.of("gluster1", "gluster2")) {
            assertThat(status).containsPattern("Y       " + pool.process(node).pid() + " *\n");
        }
        assertThat(status).endsWith("Task Status of Volume gv0\nThere are no active volume"
                + " tasks\n ");
        assertThat(pool.ok("gluster2", "volume", "status", "gv0", "detail")).contains(
                "Online               : Y").contains("File System          : ");

        // Gluster's question, answered on the terminal: no keeps it started, yes stops it.
        GlusterLink gluster = new GlusterLink(bin, pool);
        String question = "Stopping volume will make its data inaccessible. Do you want to"
                + " continue? (y/n) ";
        PoolNodes.Result kept = gluster.run("gluster1", "n\n", "volume", "stop", "gv0");
        assertThat(kept.exit()).isZero();
        assertThat(kept.out()).isEqualTo(question);
        assertThat(pool.ok("gluster2", "volume", "info", "gv0")).contains("Status: Started\n");
        PoolNodes.Result stopped = gluster.run("gluster1", "y\n", "volume", "stop", "gv0");
        assertThat(stopped.out()).isEqualTo(question + "volume stop: gv0: success\n");
        assertThat(pool.run("gluster2", "volume", "status", "gv0").err()).isEqualTo(
                "Volume gv0 is not started\n");

        // gluster's global option before the command, as scripts write it.
        PoolNodes.Result deleted = pool.run("gluster2", "--mode=script", "volume", "delete",
                "gv0");
        assertThat(deleted.out()).isEqualTo("volume delete: gv0: success\n");
        assertThat(deleted.err()).contains("  gluster1.local: rm -rf " + bricks.resolve(
                "gluster1/data/brick1/gv0") + "\n");
        assertThat(pool.ok("gluster1", "volume", "list")).isEqualTo(
                "No volumes present in cluster\n");
    }

    private static String[] plus(String[] words, String word) {
        String[] longer = java.util.Arrays.copyOf(words, words.length + 1);
        longer[words.length] = word;
        return longer;
    }
}
