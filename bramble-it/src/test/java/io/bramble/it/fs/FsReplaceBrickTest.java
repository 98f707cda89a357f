package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code volume replace-brick NAME SOURCE NEW commit force} on a replica 2 volume: gluster2's
 * brick moves to gluster3 while a client keeps its mount; the new brick is filled from
 * gluster1's copy by its heal worker (folders, files, a 6 MiB file, what the client writes
 * after the replace), gluster2 stops serving the old one, and a mount made after it reads
 * everything back.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FsReplaceBrickTest {
    private static final Duration HEAL_PATIENCE = Duration.ofSeconds(120);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    @RegisterExtension
    final VolumeMounts mounts = new VolumeMounts(cluster);

    @Test
    void theNewBrickIsFilledFromTheOtherCopyWhileTheClientGoesOn(@TempDir Path dir)
            throws Exception {
        FuseRequirements.assumeMountable();
        PoolNodes pool = new PoolNodes(cluster);
        pool.startTogether("gluster1", "gluster2", "gluster3");
        pool.probeAll("gluster1", "gluster2", "gluster3");
        String pi1 = pool.address("gluster1");
        String oldBrick = pool.address("gluster2") + ":" + dir.resolve("b2");
        String newBrick = pool.address("gluster3") + ":" + dir.resolve("b3");
        assertThat(pool.ok("gluster1", "volume", "create", "gv0", "replica", "2", pi1 + ":"
                + dir.resolve("b1"), oldBrick, "force")).contains("success");
        assertThat(pool.ok("gluster1", "volume", "start", "gv0")).contains("success");
        Path mnt = mounts.mount(pool, "gluster1", pi1 + ":/gv0", Files.createDirectories(dir
                .resolve("mnt/before"))).dir();
        SplittableRandom random = new SplittableRandom(20261205);
        for (int d = 0; d < 3; d++) {
            Path folder = Files.createDirectories(mnt.resolve("docs/d" + d));
            for (int f = 0; f < 10; f++) {
                Files.write(folder.resolve("f" + f), FsHealTest.bytes(random, 100 + 977 * f));
            }
        }
        byte[] big = FsHealTest.bytes(random, 6 << 20);
        Files.write(mnt.resolve("big"), big);

        assertThat(pool.run("gluster1", "volume", "replace-brick", "gv0", oldBrick, newBrick,
                "start").err()).contains("volume replace-brick <VOLNAME> <SOURCE-BRICK>"
                        + " <NEW-BRICK> {commit force}");
        assertThat(pool.run("gluster1", "volume", "replace-brick", "gv0", newBrick, oldBrick,
                "commit", "force").err()).isEqualTo("volume replace-brick: failed: brick: "
                        + newBrick + " does not exist in volume: gv0\n");
        assertThat(pool.ok("gluster1", "volume", "replace-brick", "gv0", oldBrick, newBrick,
                "commit", "force")).isEqualTo("volume replace-brick: success: replace-brick"
                        + " commit force operation successful\n");
        assertThat(pool.ok("gluster2", "volume", "info", "gv0")).contains("Brick2: "
                + newBrick + "\n").doesNotContain(oldBrick);

        // The client mounted before goes on with gluster1's copy; what it writes is healed
        // to the new brick too.
        Files.writeString(mnt.resolve("docs/after"), "written after the replace\n");
        await("the new brick healed").atMost(HEAL_PATIENCE).pollInterval(Duration.ofMillis(
                200)).until(() -> healed(pool));
        assertThat(FsHealTest.differences(FsHealTest.tree(dir.resolve("b1")), FsHealTest.tree(
                dir.resolve("b3")))).isEmpty();
        assertThat(Files.readAllBytes(dir.resolve("b3/big"))).isEqualTo(big);
        assertThat(Files.readString(dir.resolve("b3/docs/after"))).isEqualTo(
                "written after the replace\n");
        assertThat(pool.ok("gluster1", "volume", "status", "gv0")).doesNotContain(oldBrick);

        Path fresh = mounts.mount(pool, "gluster3", pool.address("gluster3") + ":/gv0", Files
                .createDirectories(dir.resolve("mnt/after"))).dir();
        assertThat(Files.readAllBytes(fresh.resolve("big"))).isEqualTo(big);
        assertThat(Files.readString(fresh.resolve("docs/after"))).isEqualTo(
                "written after the replace\n");
    }

    private static boolean healed(PoolNodes pool) {
        return pool.run("gluster1", "volume", "heal", "gv0", "info").out().split(
                "Number of entries: 0\n", -1).length == 3;
    }
}
