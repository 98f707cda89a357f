package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.fault.Faults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code replica 3 arbiter 1} volume on three nodes, gluster3 holding the arbiter: the
 * arbiter brick holds every name but no data; with a data node down, writes go on and the
 * node is healed from the other data copy once back; and when the only data copy up is
 * stale, the arbiter does not let it take a change alone.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FsArbiterTest {
    private static final Duration HEAL_PATIENCE = Duration.ofSeconds(120);
    /** ENOTCONN as the application reads it. */
    private static final String NOT_CONNECTED = "Transport endpoint is not connected";

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    @RegisterExtension
    final VolumeMounts mounts = new VolumeMounts(cluster);

    @Test
    void theArbiterHoldsNamesNotDataAndNeverLetsAStaleCopyWriteAlone(@TempDir Path dir)
            throws Exception {
        FuseRequirements.assumeMountable();
        PoolNodes pool = new PoolNodes(cluster);
        pool.startTogether("gluster1", "gluster2", "gluster3");
        pool.probeAll("gluster1", "gluster2", "gluster3");
        Path brick1 = dir.resolve("b1");
        Path brick2 = dir.resolve("b2");
        Path arbiter = dir.resolve("b3");
        assertThat(pool.ok("gluster1", "volume", "create", "gv0", "replica", "3", "arbiter",
                "1", pool.address("gluster1") + ":" + brick1, pool.address("gluster2") + ":"
                        + brick2,
                pool.address("gluster3") + ":" + arbiter, "force"))
                .contains("success");
        assertThat(pool.ok("gluster1", "volume", "info", "gv0"))
                .contains("Type: Replicate\n")
                .contains("Number of Bricks: 1 x (2 + 1) = 3\n")
                .contains("Brick3: " + pool.address("gluster3") + ":" + arbiter
                        + " (arbiter)\n");
        assertThat(pool.ok("gluster1", "volume", "start", "gv0")).contains("success");
        Path mnt = mounts.mount(pool, "gluster1", pool.address("gluster1") + ":/gv0",
                Files.createDirectories(dir.resolve("mnt"))).dir();

        SplittableRandom random = new SplittableRandom(20261205);
        Files.createDirectories(mnt.resolve("docs"));
        for (int i = 0; i < 20; i++) {
            Files.write(mnt.resolve("docs/f" + i), bytes(random, 1_000 + i));
        }
        Files.write(mnt.resolve("big"), bytes(random, 4 << 20));
        assertDataFree(arbiter, brick1);

        Faults.kill9(pool.process("gluster2"));
        Files.write(mnt.resolve("big"), bytes(random, 4 << 20));
        Files.write(mnt.resolve("docs/f3"), bytes(random, 5_000));
        Files.write(mnt.resolve("docs/new"), bytes(random, 700));
        pool.start("gluster2");
        awaitHealed(pool);
        assertThat(FsHealTest.differences(FsHealTest.tree(brick1), FsHealTest.tree(brick2)))
                .isEmpty();
        assertDataFree(arbiter, brick1);

        // gluster2 misses a change, then gluster1 goes before gluster2 is back: gluster2's
        // copy of f5 is stale and the arbiter says so.
        Faults.kill9(pool.process("gluster2"));
        byte[] kept = "what gluster1 alone holds".getBytes(StandardCharsets.UTF_8);
        Files.write(mnt.resolve("docs/f5"), kept);
        Faults.kill9(pool.process("gluster1"));
        pool.start("gluster2");
        Path stale = mnt.resolve("docs/f5");
        await("gluster2 and the arbiter answer").atMost(HEAL_PATIENCE).pollInterval(Duration
                .ofMillis(200)).until(() -> writes(mnt.resolve("docs/f7")));
        assertThat(Files.readAllBytes(brick2.resolve("docs/f5"))).isNotEqualTo(kept);
        assertThatThrownBy(() -> Files.write(stale, bytes(random, 10))).isInstanceOf(
                IOException.class).hasMessageContaining(NOT_CONNECTED);
        assertThatThrownBy(() -> Files.readAllBytes(stale)).isInstanceOf(IOException.class)
                .hasMessageContaining(NOT_CONNECTED);
        assertThat(Files.readAllBytes(brick1.resolve("docs/f5"))).isEqualTo(kept);
        assertThat(Files.size(arbiter.resolve("docs/f5"))).isZero();

        pool.start("gluster1");
        awaitHealed(pool);
        assertThat(Files.readAllBytes(brick2.resolve("docs/f5"))).isEqualTo(kept);
        assertThat(FsHealTest.differences(FsHealTest.tree(brick1), FsHealTest.tree(brick2)))
                .isEmpty();
        assertDataFree(arbiter, brick1);
        assertThat(Files.readAllBytes(stale)).isEqualTo(kept);
    }

    /** Whether a write to a file none of the failures concern is acknowledged. */
    private static boolean writes(Path file) {
        try {
            Files.write(file, "fresh on both".getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitHealed(PoolNodes pool) {
        await("heal info empty").atMost(HEAL_PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> pool.run("gluster1", "volume", "heal", "gv0", "statistics",
                        "heal-count").out().split("Number of entries: 0\n", -1).length == 4);
    }

    /** The arbiter holds every name of the data brick, and no byte of data. */
    private static void assertDataFree(Path arbiter, Path dataBrick) throws IOException {
        Map<String, String> names = shapes(arbiter);
        assertThat(names.keySet()).isEqualTo(shapes(dataBrick).keySet());
        assertThat(names).allSatisfy((name, shape) -> assertThat(shape).isIn("dir",
                "file 0"));
    }

    /** Every entry under {@code root} but bramble's own folder: a folder, or a file's size. */
    private static Map<String, String> shapes(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> !p.equals(root) && !root.relativize(p).startsWith(
                    ".bramble")).toList()) {
                entries.put(root.relativize(p).toString(), Files.isDirectory(p,
                        LinkOption.NOFOLLOW_LINKS) ? "dir" : "file " + Files.size(p));
            }
        }
        return entries;
    }

    private static byte[] bytes(SplittableRandom random, int size) {
        byte[] data = new byte[size];
        random.nextBytes(data);
        return data;
    }
}
