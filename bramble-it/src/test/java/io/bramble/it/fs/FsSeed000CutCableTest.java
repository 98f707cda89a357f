package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.exec.Exec;
import io.bramble.testkit.fault.Faults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 000's unplugged cable (its steps 8 to 12), each Pi a machine of its own in a network
 * lab: {@code volume create vol0 replica 2} over gluster1..4 (the seed's {@code stripe 2
 * replica 2} without the stripes, which {@link FsSeed000StripeTest} has: two replica pairs,
 * files spread over them), mounted on gluster1. In the seed every Pi held a stripe of every file; here a file
 * lives on one pair, and both names hash onto the root's first pair, so gluster3 and gluster4
 * are listed first: the unplugged node holds a copy of what is copied in, as in the seed. A
 * kernel image is copied in; gluster4's cable is pulled and
 * {@code peer status} shows it Disconnected; the image still reads the same; a second image
 * is copied in; the cable goes back in. Gluster4's brick then gets the second image at its
 * real size, by the heal, where the seed's users waited about five minutes; the test prints
 * how long it took. The seed compares the sha1sums of its Pis' real kernel images; here the
 * images are random bytes of their sizes, and what is read is compared with what was written.
 * Needs root, the ip command and /dev/fuse (skipped otherwise).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FsSeed000CutCableTest {
    /** The size of the seed's /boot/kernel.img. */
    private static final int KERNEL_BYTES = 4_056_224;
    /** The size of the seed's /boot/kernel7.img. */
    private static final int KERNEL7_BYTES = 4_032_544;
    private static final String VOLUME = "vol0";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    @RegisterExtension
    final VolumeMounts mounts = new VolumeMounts(cluster);

    @Test
    void theUnpluggedNodesBrickGetsTheFileCopiedMeanwhileOncePluggedIn(@TempDir Path dir)
            throws Exception {
        FsLab lab = FsLab.open(cluster, mounts, dir, 4, false);
        List<String> nodes = List.of("gluster3", "gluster4", "gluster1", "gluster2");
        String status = lab.cli("gluster1", "peer", "status");
        assertThat(status).startsWith("Number of Peers: 3\n");
        assertThat(status.split("State: Peer in Cluster \\(Connected\\)", -1)).hasSize(4);
        lab.createVolume(VOLUME, 2, nodes);
        assertThat(lab.cli("gluster1", "volume", "info", VOLUME)).contains(
                "Type: Distributed-Replicate\n", "Number of Bricks: 2 x 2 = 4\n");
        Path mnt = lab.mount("gluster1", "gluster1", VOLUME, dir.resolve("mnt"));

        // Step 8: cp /boot/kernel.img /mnt/, the same bytes read back.
        Path boot = Files.createDirectories(dir.resolve("boot"));
        Path kernel = image(boot.resolve("kernel.img"), KERNEL_BYTES, 8);
        Path kernel7 = image(boot.resolve("kernel7.img"), KERNEL7_BYTES, 11);
        Exec.check(COMMAND_TIMEOUT, "cp", kernel.toString(), mnt + "/");
        assertThat(Files.size(mnt.resolve("kernel.img"))).isEqualTo(KERNEL_BYTES);
        assertThat(sha1sum(mnt.resolve("kernel.img"))).isEqualTo(sha1sum(kernel));
        // Step 9: ls -la /srv/vol0/ on the pair holding it.
        for (String node : List.of("gluster3", "gluster4")) {
            assertThat(BrickListing.of(lab.brick(node, VOLUME)).entry("kernel.img").sizeBytes())
                    .as("kernel.img on %s's brick", node).isEqualTo(KERNEL_BYTES);
        }

        // Step 10: gluster4's cable pulled; the pool sees it gone, the image reads the same.
        Faults.linkDown(lab.host("gluster4"));
        await("peer status on gluster1 to show gluster4 Disconnected").atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100)).until(() -> lab.cli("gluster1", "peer",
                        "status"), PoolNodes.shows(lab.address("gluster4"), "Disconnected"));
        assertThat(sha1sum(mnt.resolve("kernel.img"))).isEqualTo(sha1sum(kernel));

        // Step 11: cp /boot/kernel7.img /mnt/ while gluster4 is away; gluster3 takes it alone.
        Exec.check(COMMAND_TIMEOUT, "cp", kernel7.toString(), mnt + "/");
        assertThat(Files.size(mnt.resolve("kernel7.img"))).isEqualTo(KERNEL7_BYTES);
        assertThat(sha1sum(mnt.resolve("kernel7.img"))).isEqualTo(sha1sum(kernel7));
        Path onGluster3 = lab.brick("gluster3", VOLUME).resolve("kernel7.img");
        Path onGluster4 = lab.brick("gluster4", VOLUME).resolve("kernel7.img");
        assertThat(Files.size(onGluster3)).as("kernel7.img on gluster3's brick, %s",
                BrickListing.of(lab.brick("gluster3", VOLUME)).text()).isEqualTo(KERNEL7_BYTES);
        assertThat(Files.exists(onGluster4) && Files.size(onGluster4) == KERNEL7_BYTES).as(
                "kernel7.img whole on gluster4's brick while its cable is out").isFalse();

        // Step 12: the cable back in; gluster4's brick gets kernel7.img at its real size.
        long pluggedNanos = System.nanoTime();
        Faults.linkUp(lab.host("gluster4"));
        await("kernel7.img whole on gluster4's brick").atMost(PATIENCE).pollInterval(Duration
                .ofMillis(100))
                .until(() -> Files.exists(onGluster4) && Files.size(onGluster4) == KERNEL7_BYTES
                        && sha1sum(onGluster4).equals(sha1sum(kernel7)));
        long healedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pluggedNanos);
        System.out.printf("seed 000, cable of gluster4 plugged in again: kernel7.img (%d bytes)"
                + " whole on its brick after %d ms (the seed's users waited about five"
                + " minutes)%n", KERNEL7_BYTES, healedMs);
        await("heal info empty").atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(
                () -> lab.healInfoEmpty("gluster1", VOLUME, nodes.size()));
        assertThat(BrickListing.of(lab.brick("gluster4", VOLUME)).entry("kernel7.img")
                .sizeBytes()).isEqualTo(KERNEL7_BYTES);
        assertThat(sha1sum(mnt.resolve("kernel.img"))).isEqualTo(sha1sum(kernel));
    }

    /** A stand-in for one of the seed's kernel images: random bytes of its size. */
    private static Path image(Path file, int sizeBytes, long seed) throws IOException {
        byte[] data = new byte[sizeBytes];
        new SplittableRandom(seed).nextBytes(data);
        return Files.write(file, data);
    }

    /** {@code sha1sum FILE}, as the seed's users check their copies. */
    private static String sha1sum(Path file) {
        String line = Exec.check(COMMAND_TIMEOUT, "sha1sum", file.toString()).output();
        return line.substring(0, line.indexOf(' '));
    }
}
