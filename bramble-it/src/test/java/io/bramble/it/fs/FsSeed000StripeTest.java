package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.exec.Exec;
import io.bramble.testkit.fault.Faults;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 000's volume as its users made it, each Pi a machine of its own in a network lab:
 * {@code volume create vol0 stripe 2 replica 2} over gluster1..4 (replica pairs gluster1 +
 * gluster2 and gluster3 + gluster4, each file striped over the two pairs in blocks of
 * 128 KiB), started and mounted on gluster1. The seed's kernel.img (4,056,224 bytes, random
 * here) copied in leaves 2,090,144 bytes on each brick of the first pair and 1,966,080 on each
 * of the second, as Gluster's did; its sha1sum through the mount is the original's, and the
 * pairs' pieces dealt back block by block are the file. Then the seed's steps 10 to 12 on
 * this volume: gluster4's cable pulled, kernel7.img (4,032,544 bytes) copied in and read back
 * the same, the cable back in: the heal of the second pair gives gluster4 its piece
 * (1,966,080 bytes, gluster3's), with nothing of stripe in the heal. Needs root, the ip
 * command and /dev/fuse (skipped otherwise).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FsSeed000StripeTest {
    /** The size of the seed's /boot/kernel.img. */
    private static final int KERNEL_BYTES = 4_056_224;
    /** The size of the seed's /boot/kernel7.img. */
    private static final int KERNEL7_BYTES = 4_032_544;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int BLOCK_BYTES = 128 * 1024;
    private static final String VOLUME = "vol0";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    @RegisterExtension
    final VolumeMounts mounts = new VolumeMounts(cluster);

    @Test
    void filesAreStripedOverTheReplicaPairsAsGlusterDidAndHealedPerPair(@TempDir Path dir)
            throws Exception {
        FsLab lab = FsLab.open(cluster, mounts, dir, 4, false);
        List<String> nodes = List.of("gluster1", "gluster2", "gluster3", "gluster4");
        List<String> create = new ArrayList<>(List.of("volume", "create", VOLUME, "stripe", "2",
                "replica", "2"));
        for (String node : nodes) {
            create.add(lab.address(node) + ":" + lab.brick(node, VOLUME));
        }
        create.add("force");
        assertThat(lab.cli("gluster1", create.toArray(String[]::new))).isEqualTo(
                "volume create: vol0: success: please start the volume to access data\n");
        assertThat(lab.cli("gluster1", "volume", "start", VOLUME)).isEqualTo(
                "volume start: vol0: success\n");
        assertThat(lab.cli("gluster1", "volume", "info", VOLUME)).contains(
                "Type: Striped-Replicate\n", "Number of Bricks: 1 x 2 x 2 = 4\n");
        Path mnt = lab.mount("gluster1", "gluster1", VOLUME, dir.resolve("mnt"));

        byte[] kernel = new byte[KERNEL_BYTES];
        new SplittableRandom(8).nextBytes(kernel);
        Path image = Files.write(Files.createDirectories(dir.resolve("boot")).resolve(
                "kernel.img"), kernel);
        Exec.check(COMMAND_TIMEOUT, "cp", image.toString(), mnt + "/");
        assertThat(Files.size(mnt.resolve("kernel.img"))).isEqualTo(KERNEL_BYTES);
        assertThat(sha1sum(mnt.resolve("kernel.img"))).isEqualTo(sha1sum(image));

        for (String node : nodes) {
            long expected = node.equals("gluster1") || node.equals("gluster2")
                    ? 2_090_144
                    : 1_966_080;
            assertThat(BrickListing.of(lab.brick(node, VOLUME)).entry("kernel.img").sizeBytes())
                    .as("kernel.img on %s's brick", node).isEqualTo(expected);
        }
        byte[] first = Files.readAllBytes(lab.brick("gluster1", VOLUME).resolve("kernel.img"));
        byte[] second = Files.readAllBytes(lab.brick("gluster3", VOLUME).resolve(
                "kernel.img"));
        assertThat(Files.readAllBytes(lab.brick("gluster2", VOLUME).resolve("kernel.img")))
                .isEqualTo(first);
        assertThat(Files.readAllBytes(lab.brick("gluster4", VOLUME).resolve("kernel.img")))
                .isEqualTo(second);
        assertThat(interleaved(first, second)).isEqualTo(kernel);

        // Steps 10 to 12: gluster4's cable out, kernel7.img copied in, the cable back in.
        Faults.linkDown(lab.host("gluster4"));
        await("peer status on gluster1 to show gluster4 Disconnected").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100)).until(() -> lab.cli("gluster1", "peer",
                        "status"), PoolNodes.shows(lab.address("gluster4"), "Disconnected"));
        byte[] kernel7 = new byte[KERNEL7_BYTES];
        new SplittableRandom(11).nextBytes(kernel7);
        Path image7 = Files.write(dir.resolve("boot").resolve("kernel7.img"), kernel7);
        Exec.check(COMMAND_TIMEOUT, "cp", image7.toString(), mnt + "/");
        assertThat(sha1sum(mnt.resolve("kernel7.img"))).isEqualTo(sha1sum(image7));
        Path onGluster3 = lab.brick("gluster3", VOLUME).resolve("kernel7.img");
        Path onGluster4 = lab.brick("gluster4", VOLUME).resolve("kernel7.img");
        assertThat(Files.size(onGluster3)).isEqualTo(1_966_080);
        assertThat(Files.size(lab.brick("gluster1", VOLUME).resolve("kernel7.img")))
                .isEqualTo(2_066_464);
        Faults.linkUp(lab.host("gluster4"));
        await("kernel7.img's piece whole on gluster4's brick").atMost(PATIENCE).pollInterval(
                Duration.ofMillis(100)).until(
                        () -> Files.exists(onGluster4) && Files.size(
                                onGluster4) == 1_966_080 && sha1sum(onGluster4).equals(sha1sum(
                                        onGluster3)));
        await("heal info empty").atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(
                () -> lab.healInfoEmpty("gluster1", VOLUME, nodes.size()));
        assertThat(sha1sum(mnt.resolve("kernel7.img"))).isEqualTo(sha1sum(image7));
        assertThat(sha1sum(mnt.resolve("kernel.img"))).isEqualTo(sha1sum(image));
    }

    /** Blocks taken in turn from each piece: block b is in piece b mod 2, at b div 2. */
    private static byte[] interleaved(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[][] pieces = {first, second};
        for (int block = 0;; block++) {
            byte[] piece = pieces[block % 2];
            int from = block / 2 * BLOCK_BYTES;
            if (from >= piece.length) {
                return out.toByteArray();
            }
            out.write(piece, from, Math.min(BLOCK_BYTES, piece.length - from));
        }
    }

    /** {@code sha1sum FILE}, as the seed's users check their copies. */
    private static String sha1sum(Path file) {
        String line = Exec.check(COMMAND_TIMEOUT, "sha1sum", file.toString()).output();
        return line.substring(0, line.indexOf(' '));
    }
}
