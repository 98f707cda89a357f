package io.bramble.it.fs;

import static io.bramble.it.fs.FsAddBrickTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code volume remove-brick NAME BRICK start}, {@code status} and {@code commit} on a
 * distribute volume of three bricks over two nodes, with files written through a mount before
 * and just after the start: the run completes, its status shows Gluster's table with files
 * moved and no failure, the removed brick is left without a data file, and every file reads
 * back exactly through the mount made before (which follows the removal) and a new one.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FsRemoveBrickTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int FILES = 60;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    @RegisterExtension
    final VolumeMounts mounts = new VolumeMounts(cluster);

    @Test
    void everyFileLeavesTheRemovedBrickAndStaysReadable(@TempDir Path dir) throws Exception {
        FuseRequirements.assumeMountable();
        PoolNodes pool = new PoolNodes(cluster);
        pool.startTogether("gluster1", "gluster2", "witness1");
        pool.probeAll("gluster1", "gluster2", "witness1");
        String pi1 = pool.address("gluster1");
        String pi2 = pool.address("gluster2");
        String removed = pi2 + ":" + dir.resolve("b2");
        assertThat(pool.ok("gluster1", "volume", "create", "gv0", pi1 + ":" + dir.resolve("b1"),
                removed, pi1 + ":" + dir.resolve("b3"), "force")).contains("success");
        assertThat(pool.ok("gluster1", "volume", "start", "gv0")).contains("success");
        Path mnt = mounts.mount(pool, "gluster1", pi1 + ":/gv0", Files.createDirectories(dir
                .resolve("mnt1"))).dir();
        Map<String, byte[]> written = new ConcurrentHashMap<>();
        SplittableRandom random = new SplittableRandom(20261206);
        for (int f = 0; f < FILES; f++) {
            write(mnt, written, "docs/d" + f % 3 + "/f" + f, FsHealTest.bytes(random, 100 + 997
                    * f));
        }
        assertThat(FsRebalanceTest.dataFiles(dir.resolve("b2"))).as("files start on the brick")
                .isNotEmpty();

        assertThat(pool.ok("gluster1", "volume", "remove-brick", "gv0", removed, "start"))
                .startsWith("volume remove-brick start: success\nID: ");
        String stopped = pool.ok("gluster2", "volume", "remove-brick", "gv0", removed, "stop");
        assertThat(stopped.lines().findFirst().orElseThrow().strip()).startsWith(
                "Node Rebalanced-files");
        assertThat(stopped).endsWith("'remove-brick' process may be in the middle of a file"
                + " migration.\nThe process will be fully stopped once the migration of the"
                + " file is complete.\nPlease check remove-brick process for completion before"
                + " doing any further brick related tasks on the volume.\n");
        assertThat(pool.run("gluster1", "--mode=script", "volume", "remove-brick", "gv0",
                removed, "commit").err())
                .isEqualTo("volume remove-brick commit: failed: remove-brick not started"
                        + " for volume gv0.\n");
        await("the stopped run ends").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> pool.run("gluster1", "volume", "remove-brick", "gv0", removed,
                        "start").exit() == 0);
        for (int f = 0; f < 20; f++) {
            write(mnt, written, "docs/d" + f % 3 + "/new" + f, FsHealTest.bytes(random, 50
                    + 311 * f));
        }
        assertThat(pool.run("gluster2", "volume", "rebalance", "gv0", "start").err())
                .contains("A remove-brick task on volume gv0 is not yet committed.");
        await("the migration completes").atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> pool.ok("gluster2", "volume", "remove-brick", "gv0", removed,
                        "status").contains(" completed "));
        FsRebalanceTest.checkMovedWithoutFailure(pool.ok("gluster1", "volume", "remove-brick",
                "gv0", removed, "status"));
        assertThat(FsRebalanceTest.dataFiles(dir.resolve("b2"))).as("every file moved off")
                .isEmpty();
        for (Map.Entry<String, byte[]> file : written.entrySet()) {
            assertThat(Files.readAllBytes(mnt.resolve(file.getKey()))).as("before commit: "
                    + file.getKey()).isEqualTo(file.getValue());
        }

        assertThat(pool.ok("gluster1", "--mode=script", "volume", "remove-brick", "gv0",
                removed, "commit")).isEqualTo("volume remove-brick commit: success\nCheck the"
                        + " removed bricks to ensure all files are migrated.\nIf files with"
                        + " data are found on the brick path, copy them via a gluster mount"
                        + " point before re-purposing the removed brick. \n");
        String info = pool.ok("gluster2", "volume", "info", "gv0");
        assertThat(info).contains("Number of Bricks: 2\n").doesNotContain(removed);
        assertThat(pool.run("gluster1", "volume", "remove-brick", "gv0", removed, "status")
                .err()).contains("Incorrect brick " + removed + " for volume gv0");
        write(mnt, written, "docs/d1/after", "after".getBytes(StandardCharsets.UTF_8));
        Path fresh = mounts.mount(pool, "gluster2", pi2 + ":/gv0", Files.createDirectories(dir
                .resolve("mnt2"))).dir();
        FsAddBrickTest.readBack(written, mnt, fresh);
        assertThat(FsRebalanceTest.dataFiles(dir.resolve("b2"))).as("nothing placed there"
                + " since").isEmpty();
    }
}
