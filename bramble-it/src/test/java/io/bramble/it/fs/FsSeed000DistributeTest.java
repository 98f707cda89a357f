package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.exec.Exec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 000's volume without its stripes ({@link FsSeed000StripeTest} has them): four bricks
 * on two nodes and no replica, a Distribute volume. Files copied through the mount, 200 small ones and the
 * seed's kernel.img, land each on exactly one brick, and the mount lists each once; renamed,
 * they stay readable.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FsSeed000DistributeTest {
    private static final int SMALL_FILES = 200;
    /** The size of the seed's /boot/kernel.img. */
    private static final int KERNEL_BYTES = 4_056_224;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    @RegisterExtension
    final VolumeMounts mounts = new VolumeMounts(cluster);

    @Test
    void eachFileLivesOnOneBrickAndStaysReadableWhenRenamed(@TempDir Path dir)
            throws Exception {
        FuseRequirements.assumeMountable();
        PoolNodes pool = new PoolNodes(cluster);
        pool.startTogether("gluster1", "gluster2");
        pool.probeAll("gluster1", "gluster2");
        List<Path> bricks = List.of(dir.resolve("gluster1/srv/vol0a"), dir.resolve(
                "gluster2/srv/vol0a"), dir.resolve("gluster1/srv/vol0b"),
                dir.resolve(
                        "gluster2/srv/vol0b"));
        List<String> create = new ArrayList<>(List.of("volume", "create", "vol0"));
        for (int i = 0; i < bricks.size(); i++) {
            create.add("gluster" + (i % 2 + 1) + ".local:" + bricks.get(i));
        }
        create.add("force");
        // In the test JVM, not through a gluster link: each link command starts a JVM, and
        // the other seeds' tests cover the link.
        assertThat(pool.ok("gluster1", create.toArray(String[]::new))).isEqualTo("volume create:"
                + " vol0: success: please start the volume to access data\n");
        assertThat(pool.ok("gluster1", "volume", "start", "vol0")).isEqualTo("volume start:"
                + " vol0: success\n");
        assertThat(pool.ok("gluster2", "volume", "info", "vol0")).contains("Type: Distribute\n",
                "Number of Bricks: 4\n");

        Path mnt = Files.createDirectories(dir.resolve("mnt"));
        mounts.mount(pool, "gluster1", "gluster1.local:/vol0", mnt);
        Map<String, byte[]> files = sourceFiles();
        Path source = Files.createDirectories(dir.resolve("source"));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(source.resolve(file.getKey()), file.getValue());
        }
        Exec.check(COMMAND_TIMEOUT, "cp", "-r", source + "/.", mnt.toString());
        assertThat(sha1(mnt.resolve("kernel.img"))).isEqualTo(sha1(source.resolve(
                "kernel.img")));

        List<BrickListing> listings = bricks.stream().map(BrickListing::of).toList();
        for (String name : files.keySet()) {
            assertThat(listings.stream().filter(l -> l.entries().containsKey(name)).count())
                    .as("bricks holding %s:\n%s", name, listings).isEqualTo(1);
        }
        TreeSet<String> union = new TreeSet<>();
        listings.forEach(l -> union.addAll(l.entries().keySet()));
        assertThat(union).isEqualTo(new TreeSet<>(files.keySet()));
        assertThat(listings).as("every brick takes a share").allMatch(l -> !l.entries()
                .isEmpty());
        assertListedOnce(mnt, files.keySet());

        Map<String, byte[]> renamed = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String name = "renamed-" + file.getKey();
            Files.move(mnt.resolve(file.getKey()), mnt.resolve(name));
            renamed.put(name, file.getValue());
        }
        assertListedOnce(mnt, renamed.keySet());
        for (Map.Entry<String, byte[]> file : renamed.entrySet()) {
            assertThat(Files.readAllBytes(mnt.resolve(file.getKey()))).as(file.getKey())
                    .isEqualTo(file.getValue());
        }
        // A name that hashes to another brick than its data's gets a pointer there; the data
        // still live on exactly one brick.
        List<BrickListing> after = bricks.stream().map(BrickListing::of).toList();
        for (String name : renamed.keySet()) {
            assertThat(after.stream().filter(l -> l.entries().containsKey(name) && !l.entry(
                    name).isPointer()).count()).as("bricks holding the data of %s:\n%s", name,
                            after)
                    .isEqualTo(1);
        }
    }

    /** 200 small files of different sizes and a kernel.img, of random bytes. */
    private static Map<String, byte[]> sourceFiles() {
        SplittableRandom random = new SplittableRandom(0);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < SMALL_FILES; i++) {
            String text = "file " + i + "\n" + "x".repeat(random.nextInt(4096));
            files.put(String.format("file-%03d.txt", i), text.getBytes(StandardCharsets.UTF_8));
        }
        byte[] kernel = new byte[KERNEL_BYTES];
        random.nextBytes(kernel);
        files.put("kernel.img", kernel);
        return files;
    }

    /** {@code ls -1} of the mount shows every name once and nothing else. */
    private static void assertListedOnce(Path mnt, java.util.Collection<String> names) {
        List<String> listed = Exec.check(COMMAND_TIMEOUT, "ls", "-1", mnt.toString()).output()
                .lines().toList();
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(names);
    }

    private static String sha1(Path file) {
        String line = Exec.check(COMMAND_TIMEOUT, "sha1sum", file.toString()).output();
        return line.substring(0, line.indexOf(' '));
    }
}
