package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.exec.Exec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A brick's folder deleted under its running node (rm -rf), on replica 2 with a witness,
 * while a client writes and reads back the date: the node stops serving that brick (volume
 * status shows it offline), the client goes on with the other copy, and no empty folder is
 * made and served in its place. A folder then made anew by hand is not served either, until
 * {@code volume reset-brick ... commit force} makes it a brick again and the other copy's
 * heal worker fills it.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FsBrickFolderGoneTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    @RegisterExtension
    final VolumeMounts mounts = new VolumeMounts(cluster);

    @Test
    void aDeletedBrickFolderIsNoLongerServedAndWritesGoOn(@TempDir Path dir) throws Exception {
        ReplicaPair volume = ReplicaPair.start(cluster, mounts, dir);
        PoolNodes pool = volume.pool();
        Path brick2 = volume.brick2();
        Path mnt = volume.mnt();

        DateLoop loop = new DateLoop(mnt.resolve("date.txt"));
        loop.phase("both up");
        loop.start();
        try {
            await("5 rounds").atMost(PATIENCE).until(() -> loop.rounds("both up").size() >= 5);
            loop.phase("folder 2 deleted");
            Exec.check(Duration.ofSeconds(30), "rm", "-rf", brick2.toString());
            pool.process("gluster2").awaitLine("brick .*b2 is no longer served");
            await("10 rounds").atMost(PATIENCE).until(() -> loop.rounds("folder 2 deleted")
                    .size() >= 10);
        } finally {
            loop.stop();
        }
        System.out.printf("brick folder deleted: %d rounds, longest gap between successful"
                + " writes %d ms%n", loop.rounds().size(), loop.longestGapMs());
        assertThat(loop.rounds()).allMatch(DateLoop.Round::clean);
        String status = pool.ok("gluster1", "volume", "status", "gv0");
        assertThat(status.replace("\n", "")).containsPattern("b2 +N/A +N/A +N ");
        assertThat(brick2).doesNotExist();

        // A folder made anew by hand holds none of the volume's files: it is not served until
        // reset-brick makes it a brick again, from the other copy.
        Files.createDirectories(brick2);
        pool.process("gluster2").awaitLine(Pattern.compile("brick .*b2 did not start \\(its"
                + " folder .* holds no brick"), PATIENCE);
        assertThat(pool.ok("gluster1", "volume", "status", "gv0").replace("\n", ""))
                .containsPattern("b2 +N/A +N/A +N ");
        String b2 = pool.address("gluster2") + ":" + brick2;
        assertThat(pool.ok("gluster1", "volume", "reset-brick", "gv0", b2, "start")).isEqualTo(
                "volume reset-brick: success: reset-brick start operation successful\n");
        assertThat(pool.ok("gluster1", "volume", "reset-brick", "gv0", b2, b2, "commit",
                "force")).isEqualTo("volume reset-brick: success: reset-brick commit force"
                        + " operation successful\n");
        await("brick 2 made again").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> FsHealTest.differences(FsHealTest.tree(volume.brick1()), FsHealTest
                        .tree(brick2)).isEmpty()
                        && pool.run("gluster1", "volume", "heal", "gv0",
                                "statistics", "heal-count").out().split("Number of entries: 0\n",
                                        -1).length == 3);
        assertThat(pool.ok("gluster1", "volume", "status", "gv0").replace("\n", ""))
                .doesNotContainPattern("b2 +N/A +N/A +N ");
        assertThat(Files.readString(mnt.resolve("date.txt"))).isEqualTo(Files.readString(brick2
                .resolve("date.txt")));
    }
}
