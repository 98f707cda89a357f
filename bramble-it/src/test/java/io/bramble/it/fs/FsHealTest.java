package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.fault.Faults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * Self-heal after a node's outage, as seed 000's users live it: a replica 2 volume, one node
 * killed, files overwritten, made, renamed, removed and changed through the mount while it is
 * down; once it is back, its brick is healed without anyone asking, both bricks hold the same
 * files byte for byte, and {@code volume heal NAME info} is empty.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FsHealTest {
    private static final int BIG_BYTES = 48 << 20;
    private static final int SMALL_FILES = 300;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    @RegisterExtension
    final VolumeMounts mounts = new VolumeMounts(cluster);

    @Test
    void aBrickThatMissedChangesIsHealedWithinSecondsOfComingBack(@TempDir Path dir)
            throws Exception {
        ReplicaPair volume = ReplicaPair.start(cluster, mounts, dir);
        PoolNodes pool = volume.pool();
        Path mnt = volume.mnt();
        SplittableRandom random = new SplittableRandom(20261205);
        Files.createDirectories(mnt.resolve("docs/old"));
        for (int i = 0; i < 20; i++) {
            Files.write(mnt.resolve("docs/f" + i), bytes(random, 1_000 + i));
        }
        Files.write(mnt.resolve("docs/old/keep"), bytes(random, 10));
        Files.write(mnt.resolve("big"), bytes(random, BIG_BYTES));

        Faults.kill9(pool.process("gluster2"));
        Files.write(mnt.resolve("big"), bytes(random, BIG_BYTES));
        Files.createDirectories(mnt.resolve("new/inner"));
        for (int i = 0; i < SMALL_FILES; i++) {
            Files.write(mnt.resolve("new/inner/s" + i), bytes(random, 100 + i));
        }
        Files.createSymbolicLink(mnt.resolve("new/link"), Path.of("inner/s1"));
        Files.move(mnt.resolve("docs/f0"), mnt.resolve("docs/renamed"));
        Files.delete(mnt.resolve("docs/f1"));
        Files.delete(mnt.resolve("docs/old/keep"));
        Files.delete(mnt.resolve("docs/old"));
        Files.setPosixFilePermissions(mnt.resolve("docs/f2"), PosixFilePermissions.fromString(
                "rw-------"));
        Files.write(mnt.resolve("docs/f3"), bytes(random, 5_000));
        assertThat(pool.ok("gluster1", "volume", "heal", "gv0", "info")).contains("/big");

        long back = System.nanoTime();
        pool.start("gluster2");
        await("heal info empty").atMost(Duration.ofSeconds(120)).pollInterval(Duration
                .ofMillis(200)).until(() -> healed(pool));
        double seconds = (System.nanoTime() - back) / 1e9;
        System.out.printf("heal: %d MiB and %d small files healed %.1f s after gluster2's"
                + " start%n", BIG_BYTES >> 20, SMALL_FILES, seconds);

        assertThat(differences(tree(volume.brick1()), tree(volume.brick2()))).isEmpty();
        assertThat(pool.ok("gluster1", "volume", "heal", "gv0", "info")).doesNotContainPattern(
                "(?m)^/");
        // Healed, the copy may serve alone: with gluster1 gone, a new mount through gluster2
        // reads what was written while gluster2 was down.
        pool.process("gluster1").awaitLine(java.util.regex.Pattern.compile(
                "copy 1 of replica set 0 is healed: it is no longer recorded stale"),
                Duration
                        .ofSeconds(30));
        Faults.kill9(pool.process("gluster1"));
        Path again = Files.createDirectories(dir.resolve("mnt-again"));
        mounts.mount(pool, "gluster2", pool.address("gluster2") + ":/gv0", again);
        assertThat(differences(tree(volume.brick1()), tree(again))).isEmpty();
    }

    /** Both bricks answered and neither lists a file. */
    private static boolean healed(PoolNodes pool) {
        String out = pool.run("gluster1", "volume", "heal", "gv0", "statistics", "heal-count")
                .out();
        return out.split("Number of entries: 0\n", -1).length == 3;
    }

    static byte[] bytes(SplittableRandom random, int size) {
        byte[] data = new byte[size];
        random.nextBytes(data);
        return data;
    }

    /** The entries that differ between two trees, each with both sides. */
    static Map<String, String> differences(Map<String, String> a, Map<String, String> b) {
        Map<String, String> differ = new TreeMap<>();
        java.util.Set<String> names = new java.util.TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String name : names) {
            if (!java.util.Objects.equals(a.get(name), b.get(name))) {
                differ.put(name, a.get(name) + " | " + b.get(name));
            }
        }
        return differ;
    }

    /**
     * Every entry under {@code root} but bramble's own folder: type, mode, size, data. Not
     * times: each brick stamps a write with its own clock, so copies of a file written while
     * both were up differ by the moment between their writes.
     */
    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !p.equals(root) && !root.relativize(p).startsWith(".bramble"))
                    .forEach(p -> entries.put(root.relativize(p).toString(), describe(p)));
        }
        return entries;
    }

    private static String describe(Path path) {
        try {
            if (Files.isSymbolicLink(path)) {
                return "link " + Files.readSymbolicLink(path);
            }
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path,
                    LinkOption.NOFOLLOW_LINKS));
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                return "dir " + mode;
            }
            return "file " + mode + " " + Files.size(path) + " " + Sha1.of(Files.readAllBytes(
                    path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
