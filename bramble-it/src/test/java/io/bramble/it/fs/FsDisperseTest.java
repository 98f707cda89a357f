package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.fs.disperse.StripeLayout;
import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.fault.Faults;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 003's disperse volume end to end: {@code volume create ec disperse 3 redundancy 1} over
 * three nodes' bricks (2 data + 1 redundancy), started and mounted through gluster1. Files of
 * several MiB, some not a whole number of stripes, are written; gluster2 is killed (kill -9)
 * and every file reads back byte for byte (its data fragments decoded from the parity), more
 * is written, made and removed while it is away; it is started again, its node and gluster1's
 * heal it until {@code volume heal ec info} lists nothing on any brick, and then gluster3 is
 * killed: every file still reads back byte for byte from gluster1's and gluster2's fragments,
 * which proves the heal rebuilt them. The {@code user.} xattrs set and removed on a file and a
 * folder while gluster2 was away are, after the heal, the same on every brick. Each brick
 * holds a fragment file of {@link StripeLayout#fragmentSize} bytes for each file. Needs root
 * and /dev/fuse.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FsDisperseTest {
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** How long a node stays down or hung while the writer goes on. */
    private static final Duration DOWN = Duration.ofSeconds(4);
    private static final StripeLayout LAYOUT = new StripeLayout(2);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    @RegisterExtension
    final VolumeMounts mounts = new VolumeMounts(cluster);

    @Test
    void aDisperseVolumeReadsWithABrickDownAndHealsItsFragmentsWhenItIsBack(@TempDir Path dir)
            throws Exception {
        PoolNodes pool = new PoolNodes(cluster);
        List<String> nodes = List.of("gluster1", "gluster2", "gluster3");
        Path mnt = startVolume(pool, dir);

        SplittableRandom random = new SplittableRandom(20261205);
        Map<String, byte[]> files = new TreeMap<>();
        files.put("big", bytes(random, (6 << 20) + 333));
        files.put("whole", bytes(random, 3 << 20));
        files.put("small", bytes(random, 777));
        files.put("stripe", bytes(random, LAYOUT.stripeBytes()));
        files.put("empty", new byte[0]);
        Files.createDirectories(mnt.resolve("docs"));
        files.put("docs/notes", bytes(random, 100_001));
        files.put("docs/old", bytes(random, 5_000));
        writeAll(mnt, files);
        assertReadBack(mnt, files);
        setXattr(mnt.resolve("whole"), "colour", "red");
        setXattr(mnt.resolve("whole"), "shape", "round");
        setXattr(mnt.resolve("docs"), "colour", "red");

        Faults.kill9(pool.process("gluster2"));
        assertReadBack(mnt, files);
        // Applications' xattrs changed while gluster2 is away, on a file and a folder.
        setXattr(mnt.resolve("whole"), "colour", "blue");
        Files.getFileAttributeView(mnt.resolve("whole"), UserDefinedFileAttributeView.class)
                .delete("shape");
        setXattr(mnt.resolve("docs"), "tag", "kept");
        Map<String, Map<String, String>> xattrs = Map.of("whole", Map.of("colour", "blue"),
                "docs", Map.of("colour", "red", "tag", "kept"));
        files.put("big", bytes(random, (5 << 20) + 1));
        files.put("during", bytes(random, (2 << 20) + 4099));
        Files.createDirectories(mnt.resolve("new/inner"));
        files.put("new/inner/file", bytes(random, 1_000_003));
        files.remove("docs/old");
        Files.delete(mnt.resolve("docs/old"));
        byte[] appended = bytes(random, 12_345);
        Files.write(mnt.resolve("small"), appended, java.nio.file.StandardOpenOption.APPEND);
        files.put("small", concat(files.get("small"), appended));
        writeAll(mnt, Map.of("big", files.get("big"), "during", files.get("during"),
                "new/inner/file", files.get("new/inner/file")));
        assertReadBack(mnt, files);
        assertThat(pool.ok("gluster1", "volume", "heal", "ec", "info")).contains("/during");

        pool.start("gluster2");
        long back = System.nanoTime();
        await("heal info empty on every brick").atMost(PATIENCE).pollInterval(Duration
                .ofMillis(250)).until(
                        () -> pool.run("gluster1", "volume", "heal", "ec", "info")
                                .out().split("Status: Connected\nNumber of entries: 0\n",
                                        -1).length == 4);
        System.out.printf("disperse heal: heal info empty %.1f s after gluster2's node"
                + " listened again%n", (System.nanoTime() - back) / 1e9);
        for (String node : nodes) {
            Path brick = dir.resolve(node);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                assertThat(Files.size(brick.resolve(file.getKey()))).as("%s on %s's brick",
                        file.getKey(), node).isEqualTo(LAYOUT.fragmentSize(file.getValue().length));
            }
            assertThat(Files.exists(brick.resolve("docs/old"))).as("docs/old on %s", node)
                    .isFalse();
            for (Map.Entry<String, Map<String, String>> path : xattrs.entrySet()) {
                assertThat(userXattrs(brick.resolve(path.getKey()))).as("xattrs of %s on %s's"
                        + " brick", path.getKey(), node).isEqualTo(path.getValue());
            }
        }
        for (Map.Entry<String, Map<String, String>> path : xattrs.entrySet()) {
            assertThat(userXattrs(mnt.resolve(path.getKey()))).as(path.getKey()).isEqualTo(path
                    .getValue());
        }
        // A full heal walks gluster1's brick and finds nothing more to do.
        assertThat(pool.ok("gluster1", "volume", "heal", "ec", "full")).isEqualTo("Launching"
                + " heal operation to perform full self heal on volume ec has been successful"
                + " \nUse heal info commands to check status.\n");
        pool.process("gluster1").awaitLine("volume ec: heal from .*: 0 healed, 0 fragment bytes"
                + " rebuilt in .* ms \\(full\\); left: none");

        Faults.kill9(pool.process("gluster3"));
        assertReadBack(mnt, files);
    }

    /**
     * Starts gluster1..3, makes them a pool, creates and starts {@code ec} of {@code disperse
     * 3 redundancy 1} over a brick on each ({@code DIR/NODE}), and mounts it through gluster1.
     */
    private Path startVolume(PoolNodes pool, Path dir) throws Exception {
        return startVolume(pool, dir, List.of(""), "1 x (2 + 1) = 3\n", "Disperse");
    }

    /**
     * {@link #startVolume(PoolNodes, Path)} with a set of three bricks ({@code DIR/NODE} +
     * suffix, one on each node) per suffix, and the type and count {@code volume info} shows.
     */
    private Path startVolume(PoolNodes pool, Path dir, List<String> sets, String count,
            String type) throws Exception {
        FuseRequirements.assumeMountable();
        List<String> nodes = List.of("gluster1", "gluster2", "gluster3");
        pool.startTogether(nodes.toArray(String[]::new));
        pool.probeAll("gluster1", "gluster2", "gluster3");
        List<String> create = new java.util.ArrayList<>(List.of("volume", "create", "ec",
                "disperse", "3", "redundancy", "1"));
        for (String set : sets) {
            nodes.forEach(node -> create.add(brick(pool, dir, node) + set));
        }
        create.add("force"); // the bricks are on the root file system
        assertThat(pool.ok("gluster1", create.toArray(String[]::new))).isEqualTo("volume"
                + " create: ec: success: please start the volume to access data\n");
        assertThat(pool.ok("gluster1", "volume", "info", "ec")).contains("Type: " + type
                + "\n", "Number of Bricks: " + count);
        assertThat(pool.ok("gluster1", "volume", "start", "ec")).contains("success");
        return mounts.mount(pool, "gluster1", pool.address("gluster1") + ":/ec", Files
                .createDirectories(dir.resolve("mnt"))).dir();
    }

    /**
     * Two sets of 2 + 1 (a brick of each set on each node): every file's fragments are on the
     * three bricks of one set, files spread over both, and with a node killed every file still
     * reads back.
     */
    @Test
    void aDistributedDisperseVolumeSpreadsFilesOverItsSets(@TempDir Path dir) throws Exception {
        PoolNodes pool = new PoolNodes(cluster);
        Path mnt = startVolume(pool, dir, List.of("-a", "-b"), "2 x (2 + 1) = 6\n",
                "Distributed-Disperse");
        SplittableRandom random = new SplittableRandom(6);
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < 24; i++) {
            files.put("f" + i, bytes(random, 1_000 + 7_919 * i));
        }
        writeAll(mnt, files);
        int[] perSet = new int[2];
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            boolean onA = Files.exists(dir.resolve("gluster1-a").resolve(file.getKey()));
            perSet[onA ? 0 : 1]++;
            for (String node : List.of("gluster1", "gluster2", "gluster3")) {
                Path fragment = dir.resolve(node + (onA ? "-a" : "-b")).resolve(file.getKey());
                assertThat(Files.size(fragment)).as("%s on %s", file.getKey(), node).isEqualTo(
                        LAYOUT.fragmentSize(file.getValue().length));
                assertThat(Files.exists(dir.resolve(node + (onA ? "-b" : "-a")).resolve(file
                        .getKey()))).as("%s on the other set", file.getKey()).isFalse();
            }
        }
        assertThat(perSet).as("files per set").doesNotContain(0);
        Faults.kill9(pool.process("gluster3"));
        assertReadBack(mnt, files);
    }

    /**
     * A brick folder lost under its running node (removed, as a replaced disk leaves it):
     * the node stops serving it, every file still reads back; made anew and reset with
     * {@code volume reset-brick ... commit force}, it is filled again by the heal (every
     * folder, file and fragment), and with another node killed every file reads back.
     */
    @Test
    void aLostBrickIsResetAndRebuiltFromTheOthers(@TempDir Path dir) throws Exception {
        PoolNodes pool = new PoolNodes(cluster);
        Path mnt = startVolume(pool, dir);
        SplittableRandom random = new SplittableRandom(3);
        Map<String, byte[]> files = new TreeMap<>();
        Files.createDirectories(mnt.resolve("a/b"));
        files.put("a/b/deep", bytes(random, 2_000_001));
        files.put("top", bytes(random, 1 << 20));
        files.put("a/small", bytes(random, 10));
        writeAll(mnt, files);
        Path lost = dir.resolve("gluster2");
        io.bramble.testkit.exec.Exec.check(Duration.ofSeconds(30), "rm", "-rf", lost
                .toString());
        pool.process("gluster2").awaitLine("brick .*gluster2 is no longer served");
        assertReadBack(mnt, files);
        Files.createDirectories(lost);
        String brick = brick(pool, dir, "gluster2");
        await("the brick no longer served").atMost(PATIENCE).pollInterval(Duration.ofMillis(
                250)).until(
                        () -> pool.run("gluster1", "volume", "reset-brick", "ec", brick,
                                "start").exit() == 0);
        assertThat(pool.ok("gluster1", "volume", "reset-brick", "ec", brick, brick, "commit",
                "force")).isEqualTo("volume reset-brick: success: reset-brick commit force"
                        + " operation successful\n");
        await("heal info empty on every brick").atMost(PATIENCE).pollInterval(Duration
                .ofMillis(250)).until(
                        () -> pool.run("gluster1", "volume", "heal", "ec", "info")
                                .out().split("Status: Connected\nNumber of entries: 0\n",
                                        -1).length == 4);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            assertThat(Files.size(lost.resolve(file.getKey()))).as(file.getKey()).isEqualTo(
                    LAYOUT.fragmentSize(file.getValue().length));
        }
        Faults.kill9(pool.process("gluster1"));
        assertReadBack(mnt, files);
    }

    /**
     * A verifying writer ({@link ChaosWriter}) makes, overwrites, appends to, renames and
     * removes files through the mount while node 2 is killed and restarted, node 3 hung
     * (SIGSTOP) and resumed, and node 1 killed and restarted, each followed by the heal (heal
     * info empty). At the end every acknowledged change reads back byte for byte, and again
     * with node 1 killed (node 2's data fragments with node 3's parity).
     */
    @Test
    void everyAcknowledgedChangeSurvivesKillsHangsAndRestarts(@TempDir Path dir)
            throws Exception {
        PoolNodes pool = new PoolNodes(cluster);
        Path mnt = startVolume(pool, dir);
        ChaosWriter writer = new ChaosWriter(mnt, new SplittableRandom(20261206));
        Thread thread = Thread.ofPlatform().name("chaos-writer").start(writer);
        try {
            writer.phase("all up");
            Thread.sleep(DOWN.toMillis());
            writer.phase("node 2 killed");
            Faults.kill9(pool.process("gluster2"));
            Thread.sleep(DOWN.toMillis());
            pool.start("gluster2");
            awaitHealed(pool, writer, "node 2 restarted");
            writer.phase("node 3 hung");
            Faults.pause(pool.process("gluster3"));
            Thread.sleep(DOWN.toMillis());
            Faults.resume(pool.process("gluster3"));
            awaitHealed(pool, writer, "node 3 resumed");
            writer.phase("node 1 killed");
            Faults.kill9(pool.process("gluster1"));
            Thread.sleep(DOWN.toMillis());
            pool.start("gluster1");
            awaitHealed(pool, writer, "node 1 restarted");
        } finally {
            writer.stop();
            thread.join(60_000);
        }
        writer.report().forEach(System.out::println);
        awaitHealed(pool, writer, "end");
        assertThat(writer.acknowledgedCount()).as("acknowledged changes").isGreaterThan(20);
        assertAcknowledged(mnt, writer);
        Faults.kill9(pool.process("gluster1"));
        assertAcknowledged(mnt, writer);
    }

    private static void awaitHealed(PoolNodes pool, ChaosWriter writer, String what) {
        writer.phase(what);
        await(what + ": heal info empty on every brick").atMost(PATIENCE).pollInterval(
                Duration.ofMillis(250)).until(
                        () -> pool.run("gluster1", "volume", "heal", "ec",
                                "statistics", "heal-count").out()
                                .split("Number of entries: 0\n", -1).length == 4);
    }

    private static void assertAcknowledged(Path mnt, ChaosWriter writer) throws Exception {
        for (Map.Entry<String, String> file : writer.acknowledged().entrySet()) {
            Path path = mnt.resolve(file.getKey());
            assertThat(file.getValue() == null
                    ? !Files.exists(path)
                    : Sha1.of(Files.readAllBytes(path)).equals(file.getValue())).as(
                            "%s as last acknowledged", file.getKey())
                    .isTrue();
        }
    }

    /**
     * The shell lines of {@code posix-basics.txt} and {@code posix-more.txt}, as root and as a
     * second user, give the same transcript in the mount as in a local folder.
     */
    @Test
    void posixScriptsBehaveAsInALocalFolder(@TempDir Path dir) throws Exception {
        FuseRequirements.assumeProgram("setpriv", "util-linux");
        FuseRequirements.assumeProgram("setfattr", "attr");
        // The second user reaches the local folders through the test's folder.
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions
                .fromString("rwxr-xr-x"));
        Path mnt = startVolume(new PoolNodes(cluster), dir);
        for (String name : List.of("posix-basics.txt", "posix-more.txt")) {
            PosixScript script = PosixScript.load("/fs/" + name);
            String folder = name.replace(".txt", "");
            String local = script.runIn(Files.createDirectories(dir.resolve("local/" + folder)));
            String mount = script.runIn(Files.createDirectories(mnt.resolve(folder)));
            assertThat(mount).as(name).isEqualTo(local);
        }
    }

    private static String brick(PoolNodes pool, Path dir, String node) {
        return pool.address(node) + ":" + dir.resolve(node);
    }

    private static void writeAll(Path mnt, Map<String, byte[]> files) throws Exception {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(mnt.resolve(file.getKey()), file.getValue());
        }
    }

    private static void assertReadBack(Path mnt, Map<String, byte[]> files) throws Exception {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            assertThat(Files.readAllBytes(mnt.resolve(file.getKey()))).as(file.getKey())
                    .isEqualTo(file.getValue());
        }
    }

    private static void setXattr(Path path, String name, String value) throws Exception {
        Files.getFileAttributeView(path, UserDefinedFileAttributeView.class).write(name,
                ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** The {@code user.} xattrs of {@code path}, without the prefix, values as text. */
    private static Map<String, String> userXattrs(Path path) throws Exception {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(path,
                UserDefinedFileAttributeView.class);
        Map<String, String> held = new TreeMap<>();
        for (String name : view.list()) {
            ByteBuffer value = ByteBuffer.allocate(view.size(name));
            view.read(name, value);
            held.put(name, new String(value.array(), 0, value.position(),
                    StandardCharsets.UTF_8));
        }
        return held;
    }

    private static byte[] bytes(SplittableRandom random, int size) {
        byte[] data = new byte[size];
        random.nextBytes(data);
        return data;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
