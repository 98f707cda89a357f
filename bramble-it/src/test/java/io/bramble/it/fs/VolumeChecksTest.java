package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Gluster's refusals with real nodes: a host outside the pool, two bricks of a replica set
 * on one member (named two ways), and what a disk of its own needs (no force); then the
 * volume options.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class VolumeChecksTest {
    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    private Path shm;

    @AfterEach
    void removeBricks() throws IOException {
        if (shm != null) {
            try (Stream<Path> paths = Files.walk(shm)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A folder on /dev/shm, a file system of its own: bricks there need no force. */
    private Path offRoot() throws IOException {
        Path dev = Path.of("/dev/shm");
        assumeTrue(Files.isWritable(dev), "no writable /dev/shm");
        shm = Files.createTempDirectory(dev, "bramble-it-");
        return shm;
    }

    @Test
    void glustersRefusalsAndTheOptions() throws IOException {
        Path disk = offRoot();
        PoolNodes pool = new PoolNodes(cluster);
        pool.start("gluster1");
        pool.start("gluster2");
        pool.probeAll("gluster1", "gluster2");
        String one = "gluster1.local:" + disk.resolve("one/gv0");
        String two = "gluster2.local:" + disk.resolve("two/gv0");

        // gluster3 is in the hosts file but not in the pool (seed 004 never probes).
        PoolNodes.Result stranger = pool.run("gluster1", "volume", "create", "gv0", "replica",
                "2", one, "gluster3.local:" + disk.resolve("three/gv0"));
        assertThat(stranger.exit()).isEqualTo(1);
        assertThat(stranger.err()).isEqualTo("volume create: gv0: failed: Host gluster3.local"
                + " is not in 'Peer in Cluster' state\n");

        // gluster1 by name and by address is one member.
        String[] sameMember = {"volume", "create", "gv0", "replica", "2", one,
                pool.address("gluster1") + ":" + disk.resolve("one/other")};
        assertThat(pool.run("gluster2", sameMember).err()).isEqualTo("volume create: gv0:"
                + " failed: Multiple bricks of a replicate volume are present on the same"
                + " server. This setup is not optimal. Bricks should be on different nodes to"
                + " have best fault tolerant configuration. Use 'force' at the end of the"
                + " command if you want to override this behavior.\n");
        assertThat(disk.resolve("one")).doesNotExist();

        // Off the root file system, a replica pair needs no force.
        assertThat(pool.ok("gluster2", "volume", "create", "gv0", "replica", "2", one, two))
                .isEqualTo("volume create: gv0: success: please start the volume to access"
                        + " data\n");
        assertThat(pool.run("gluster1", "volume", "create", "gv1", one + "/inside").err())
                .isEqualTo("volume create: gv1: failed: Brick: " + one + "/inside not"
                        + " available. Brick may be containing or be contained by an existing"
                        + " brick.\n");
        PoolNodes.Result usage = pool.run("gluster1", "volume", "create", "gv1", "replica", "3",
                one + "2", two + "2");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).startsWith("number of bricks is not a multiple of replica"
                + " count\nUsage: volume create <NEW-VOLNAME>");

        // Options: set on one member, seen on the other; an unknown one gets suggestions.
        assertThat(pool.ok("gluster1", "volume", "set", "gv0", "cluster.quorum-type", "fixed",
                "cluster.quorum-count", "2")).isEqualTo("volume set: success\n");
        assertThat(pool.ok("gluster2", "volume", "get", "gv0", "cluster.quorum-count"))
                .isEqualTo("Option                                  Value"
                        + " ".repeat(35) + "\n"
                        + "------                                  -----"
                        + " ".repeat(35) + "\n"
                        + "cluster.quorum-count                    2"
                        + " ".repeat(39) + "\n");
        assertThat(pool.ok("gluster2", "volume", "get", "gv0", "all")).contains(
                "\ncluster.quorum-type                     fixed ").contains(
                        "\nnetwork.ping-timeout                    1.5 (DEFAULT)");
        PoolNodes.Result unknown = pool.run("gluster2", "volume", "set", "gv0",
                "cluster.quorum-typ", "auto");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("volume set: failed: option : cluster.quorum-typ"
                + " does not exist\nDid you mean cluster.quorum-type?\n");
        assertThat(pool.run("gluster2", "volume", "set", "gv0", "cluster.quorum-count", "3")
                .err()).isEqualTo("volume set: failed: '3' is not a valid value for"
                        + " cluster.quorum-count: expected a count from 1 to the replica count,"
                        + " 2\n");
        assertThat(pool.ok("gluster1", "volume", "info", "gv0")).endsWith(
                "Options Reconfigured:\ncluster.quorum-count: 2\ncluster.quorum-type: fixed\n"
                        + "nfs.disable: on\n");
        assertThat(pool.ok("gluster2", "volume", "reset", "gv0", "quorum-count")).isEqualTo(
                "volume reset: success: reset volume successful\n");
        assertThat(pool.ok("gluster1", "volume", "get", "gv0", "cluster.quorum-count"))
                .contains("\ncluster.quorum-count                    (null) (DEFAULT)");
    }
}
