package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code volume add-brick} and {@code volume rebalance NAME fix-layout start} on a replica 2
 * volume of two nodes and a witness ({@link ReplicaPair}), while a mount made before keeps
 * writing: the volume becomes Distributed-Replicate 2 x 2 = 4, the running mount takes the
 * new replica set on without a remount and its writer never sees an error, fix-layout spreads
 * the folders, and then new files in old and new folders land on both sets; every file reads
 * back byte for byte through the old mount and a new one. Seed 003's own line (one brick
 * added to a distribute volume) grows a second volume.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FsAddBrickTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    @RegisterExtension
    final VolumeMounts mounts = new VolumeMounts(cluster);

    @Test
    void aRunningMountFollowsTheNewBricksAndNewFilesSpread(@TempDir Path dir) throws Exception {
        ReplicaPair pair = ReplicaPair.start(cluster, mounts, dir);
        PoolNodes pool = pair.pool();
        String pi1 = pool.address("gluster1");
        String pi2 = pool.address("gluster2");
        Path mnt = pair.mnt();
        Map<String, byte[]> written = new ConcurrentHashMap<>();
        SplittableRandom random = new SplittableRandom(20261205);
        for (int d = 0; d < 3; d++) {
            for (int f = 0; f < 10; f++) {
                write(mnt, written, "docs/d" + d + "/f" + f, FsHealTest.bytes(random, 100 + 977
                        * f));
            }
        }
        long spaceBefore = Files.getFileStore(mnt).getTotalSpace();

        AtomicBoolean stop = new AtomicBoolean();
        List<String> writerErrors = new CopyOnWriteArrayList<>();
        Thread writer = Thread.ofPlatform().name("writer").start(() -> {
            SplittableRandom own = new SplittableRandom(7);
            for (int i = 0; !stop.get(); i++) {
                try {
                    write(mnt, written, "docs/d" + i % 3 + "/w" + i, FsHealTest.bytes(own,
                            1 + own.nextInt(40_000)));
                } catch (IOException | RuntimeException e) {
                    writerErrors.add("w" + i + ": " + e);
                }
            }
        });

        assertThat(pool.run("gluster1", "volume", "add-brick", "gv0", "replica", "2", pi1
                + ":" + dir.resolve("b3")).err()).isEqualTo("volume add-brick: failed:"
                        + " Incorrect number of bricks supplied 1 with count 2\n");
        assertThat(pool.ok("gluster1", "volume", "add-brick", "gv0", "replica", "2", pi1 + ":"
                + dir.resolve("b3"), pi2 + ":" + dir.resolve("b4"), "force")).isEqualTo(
                        "volume add-brick: success\n");
        assertThat(pool.ok("gluster2", "volume", "info", "gv0")).contains(
                "Type: Distributed-Replicate\n").contains("Number of Bricks: 2 x 2 = 4\n");
        await("the running mount takes the new replica set on").atMost(PATIENCE).until(
                () -> Files.getFileStore(mnt).getTotalSpace() >= 2 * spaceBefore - (1 << 20));
        for (Map.Entry<String, byte[]> file : Map.copyOf(written).entrySet()) {
            assertThat(Files.readAllBytes(mnt.resolve(file.getKey()))).as(file.getKey())
                    .isEqualTo(file.getValue());
        }
        assertThat(files(dir.resolve("b3"))).as("no file moves before fix-layout").isEmpty();

        assertThat(pool.ok("gluster1", "volume", "rebalance", "gv0", "fix-layout", "start"))
                .startsWith("volume rebalance: gv0: success: Rebalance on gv0 has been started"
                        + " successfully. Use rebalance status command to check status of the"
                        + " rebalance process.\nID: ");
        await("fix-layout completes").atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> pool.ok("gluster2", "volume", "rebalance", "gv0", "status")
                        .contains("fix-layout completed"));
        assertThat(pool.ok("gluster1", "volume", "rebalance", "gv0", "status")).contains(
                "localhost").endsWith("volume rebalance: gv0: success\n");
        assertThat(Files.isDirectory(dir.resolve("b3/docs/d1"))).isTrue();

        int[] next = {0};
        await("new files in an old folder spread over both sets").atMost(PATIENCE).until(
                () -> {
                    write(mnt, written, "docs/d1/n" + next[0]++, FsHealTest.bytes(random,
                            2000));
                    return !files(dir.resolve("b3/docs/d1")).isEmpty();
                });
        for (int f = 0; f < 20; f++) {
            write(mnt, written, "fresh/g" + f, FsHealTest.bytes(random, 500 + f));
        }
        assertThat(files(dir.resolve("b1/fresh"))).isNotEmpty();
        assertThat(files(dir.resolve("b3/fresh"))).isNotEmpty();
        stop.set(true);
        writer.join();
        assertThat(writerErrors).isEmpty();
        assertThat(FsHealTest.differences(FsHealTest.tree(dir.resolve("b3")), FsHealTest.tree(
                dir.resolve("b4")))).isEmpty();

        Path fresh = mounts.mount(pool, "gluster2", pi2 + ":/gv0", Files.createDirectories(dir
                .resolve("mnt/after"))).dir();
        readBack(written, mnt, fresh);

        // Seed 003's line: one brick added to a distribute volume.
        assertThat(pool.ok("gluster1", "volume", "create", "data1", pi1 + ":" + dir.resolve(
                "data1"), pi2 + ":" + dir.resolve("data1"), "force")).contains("success");
        assertThat(pool.ok("gluster1", "volume", "add-brick", "data1", pi1 + ":" + dir
                .resolve("data1b"), "force")).isEqualTo("volume add-brick: success\n");
        assertThat(pool.ok("gluster2", "volume", "info", "data1")).contains(
                "Type: Distribute\n").contains("Number of Bricks: 3\n");
    }

    /**
     * Every file of {@code written} reads back exactly through each mount, and the second
     * lists docs/d1's names once each.
     */
    static void readBack(Map<String, byte[]> written, Path mnt, Path fresh) throws IOException {
        for (Map.Entry<String, byte[]> file : written.entrySet()) {
            assertThat(Files.readAllBytes(mnt.resolve(file.getKey()))).as(file.getKey())
                    .isEqualTo(file.getValue());
            assertThat(Files.readAllBytes(fresh.resolve(file.getKey()))).as(file.getKey())
                    .isEqualTo(file.getValue());
        }
        try (Stream<Path> listed = Files.list(fresh.resolve("docs/d1"))) {
            assertThat(listed.count()).isEqualTo(written.keySet().stream().filter(
                    name -> name.startsWith("docs/d1/")).count());
        }
    }

    /** Writes {@code data} as {@code name} under {@code mnt}, making its folders, and notes it. */
    static void write(Path mnt, Map<String, byte[]> written, String name, byte[] data)
            throws IOException {
        Path file = mnt.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, data);
        written.put(name, data);
    }

    /** The regular files under {@code folder} on a brick (none when it is missing). */
    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> Files.isRegularFile(p) && !p.toString().contains(
                    "/.bramble")).toList();
        }
    }
}
