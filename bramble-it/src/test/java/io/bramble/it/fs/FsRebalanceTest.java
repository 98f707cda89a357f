package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static io.bramble.it.fs.FsAddBrickTest.write;
import static org.awaitility.Awaitility.await;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code volume rebalance NAME start force} on a distribute volume of two nodes grown by a
 * third brick, while a mount made before keeps rewriting files and reading each back: the run
 * completes, its status shows Gluster's table with files rebalanced, files now live on the new
 * brick, each file's data are on exactly one brick, the writer never saw an error or a wrong
 * byte, and every file reads back exactly through the old mount and a new one.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FsRebalanceTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int FILES = 60;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    @RegisterExtension
    final VolumeMounts mounts = new VolumeMounts(cluster);

    @Test
    void filesMoveToTheNewBrickWhileAMountWritesAndNothingIsLost(@TempDir Path dir)
            throws Exception {
        FuseRequirements.assumeMountable();
        PoolNodes pool = new PoolNodes(cluster);
        pool.startTogether("gluster1", "gluster2", "witness1");
        pool.probeAll("gluster1", "gluster2", "witness1");
        String pi1 = pool.address("gluster1");
        String pi2 = pool.address("gluster2");
        assertThat(pool.ok("gluster1", "volume", "create", "gv0", pi1 + ":" + dir.resolve("b1"),
                pi2 + ":" + dir.resolve("b2"), "force")).contains("success");
        assertThat(pool.ok("gluster1", "volume", "start", "gv0")).contains("success");
        Path mnt = mounts.mount(pool, "gluster1", pi1 + ":/gv0", Files.createDirectories(dir
                .resolve("mnt"))).dir();
        Map<String, byte[]> written = new ConcurrentHashMap<>();
        SplittableRandom random = new SplittableRandom(20261206);
        for (int f = 0; f < FILES; f++) {
            write(mnt, written, "docs/d" + f % 3 + "/f" + f, FsHealTest.bytes(random, 100 + 997
                    * f));
        }
        long spaceBefore = Files.getFileStore(mnt).getTotalSpace();
        assertThat(pool.ok("gluster1", "volume", "add-brick", "gv0", pi1 + ":" + dir.resolve(
                "b3"), "force")).isEqualTo("volume add-brick: success\n");
        await("the running mount takes the new brick on").atMost(PATIENCE).until(
                () -> Files.getFileStore(mnt).getTotalSpace() >= spaceBefore * 3 / 2);

        AtomicBoolean stop = new AtomicBoolean();
        List<String> writerErrors = new CopyOnWriteArrayList<>();
        AtomicInteger rounds = new AtomicInteger();
        Thread writer = Thread.ofPlatform().name("writer").start(() -> {
            SplittableRandom own = new SplittableRandom(7);
            while (!stop.get()) {
                String name = "docs/d" + own.nextInt(3) + "/f" + own.nextInt(FILES);
                String at = "round " + rounds.getAndIncrement() + " " + name;
                try {
                    byte[] data = FsHealTest.bytes(own, 1 + own.nextInt(20_000));
                    synchronized (written) {
                        if (!written.containsKey(name)) {
                            continue;
                        }
                        write(mnt, written, name, data);
                    }
                    if (!Arrays.equals(Files.readAllBytes(mnt.resolve(name)), data)) {
                        writerErrors.add(at + ": read back other bytes");
                    }
                } catch (IOException | RuntimeException e) {
                    writerErrors.add(at + ": " + e);
                }
            }
        });

        assertThat(pool.ok("gluster1", "volume", "rebalance", "gv0", "start", "force"))
                .startsWith("volume rebalance: gv0: success: Rebalance on gv0 has been started"
                        + " successfully. Use rebalance status command to check status of the"
                        + " rebalance process.\nID: ");
        await("the rebalance completes").atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> pool.ok("gluster2", "volume", "rebalance", "gv0", "status")
                        .contains(" completed "));
        checkMovedWithoutFailure(pool.ok("gluster1", "volume", "rebalance", "gv0", "status"));
        await("the writer rewrites files after the run").atMost(PATIENCE).until(
                () -> rounds.get() > 50);
        stop.set(true);
        writer.join();
        assertThat(writerErrors).isEmpty();

        assertThat(dataFiles(dir.resolve("b3"))).as("files moved to the new brick")
                .isNotEmpty();
        List<String> everywhere = new ArrayList<>();
        for (String brick : List.of("b1", "b2", "b3")) {
            for (Path file : dataFiles(dir.resolve(brick))) {
                everywhere.add(dir.resolve(brick).relativize(file).toString());
            }
        }
        assertThat(everywhere).as("each file's data on one brick").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(written.keySet());
        Path fresh = mounts.mount(pool, "gluster2", pi2 + ":/gv0", Files.createDirectories(dir
                .resolve("mnt/after"))).dir();
        FsAddBrickTest.readBack(written, mnt, fresh);
    }

    /**
     * Checks that {@code status} is Gluster's table of a run that moves files, whose row for
     * this node shows files moved and no failure.
     */
    static void checkMovedWithoutFailure(String status) {
        assertThat(status.lines().findFirst().orElseThrow().strip()).isEqualTo(
                "Node Rebalanced-files          size       scanned      failures       skipped"
                        + "               status  run time in h:m:s");
        String row = status.lines().filter(l -> l.contains("localhost")).findFirst()
                .orElseThrow();
        String[] columns = row.strip().split(" +");
        assertThat(Long.parseLong(columns[1])).as(status).isPositive();
        assertThat(columns[4]).as("failures in " + status).isEqualTo("0");
    }

    /** A brick's files that hold data, not pointers (mode 01000), outside bramble's folder. */
    static List<Path> dataFiles(Path brick) throws IOException {
        if (!Files.isDirectory(brick)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(brick)) {
            return walk.filter(p -> Files.isRegularFile(p) && !p.toString().contains(
                    "/.bramble") && !pointer(p)).toList();
        }
    }

    private static boolean pointer(Path file) {
        try {
            return Files.getPosixFilePermissions(file).isEmpty() && Files.size(file) == 0
                    && ((Integer) Files.getAttribute(file, "unix:mode") & 01000) != 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
