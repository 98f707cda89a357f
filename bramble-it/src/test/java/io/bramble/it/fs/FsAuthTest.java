package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A volume's {@code auth.allow} and {@code auth.reject}, applied by its bricks as Gluster's
 * are: gluster3, a member of the pool holding no brick (as seed 001's client), mounts only
 * while the lists admit its address, and loses its bricks when they stop admitting it; the
 * nodes that hold the bricks always mount, heal and answer commands. On loopback every
 * client reaches the bricks from 127.0.0.1.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FsAuthTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    @RegisterExtension
    final VolumeMounts mounts = new VolumeMounts(cluster);

    @Test
    void onlyAdmittedClientsMountAndARejectDropsThemAtOnce(@TempDir Path dir) throws Exception {
        FuseRequirements.assumeMountable();
        PoolNodes pool = new PoolNodes(cluster);
        pool.startTogether("gluster1", "gluster2", "gluster3");
        pool.probeAll("gluster1", "gluster2", "gluster3");
        String pi1 = pool.address("gluster1");
        assertThat(pool.ok("gluster1", "volume", "create", "gv0", "replica", "2", pi1 + ":" + dir
                .resolve("b1"), pool.address("gluster2") + ":" + dir.resolve("b2"), "force"))
                .contains("success");
        assertThat(pool.ok("gluster1", "volume", "set", "gv0", "auth.allow", "192.0.2.*,moses-lan"))
                .isEqualTo("volume set: success\n");
        assertThat(pool.ok("gluster1", "volume", "start", "gv0")).contains("success");

        String refused = mounts.mountFails(pool, "gluster3", pi1 + ":/gv0", Files
                .createDirectories(dir.resolve("mnt/moses-refused")));
        assertThat(refused).contains("volume gv0 does not admit this client: brick ")
                .contains("connecting from 127.0.0.1, by the volume's auth.allow"
                        + " (192.0.2.*,moses-lan) and auth.reject ((null))")
                .contains("'gluster volume set gv0 auth.allow ADDRESS,...' admits it");

        // The servers are not held to the lists: pi1 mounts, and writes reach both copies.
        Path servers = mounts.mount(pool, "gluster1", pi1 + ":/gv0", Files.createDirectories(dir
                .resolve("mnt/pi1"))).dir();
        Files.writeString(servers.resolve("hello"), "from pi1\n");
        assertThat(Files.readString(dir.resolve("b1/hello"))).isEqualTo("from pi1\n");
        assertThat(Files.readString(dir.resolve("b2/hello"))).isEqualTo("from pi1\n");

        pool.ok("gluster1", "volume", "set", "gv0", "auth.allow", "127.0.0.*");
        await().atMost(PATIENCE).until(() -> ruleReached(pool, "gluster2", "127.0.0.*"));
        Path moses = mounts.mount(pool, "gluster3", pi1 + ":/gv0", Files.createDirectories(dir
                .resolve("mnt/moses"))).dir();
        assertThat(Files.readString(moses.resolve("hello"))).isEqualTo("from pi1\n");

        // auth.reject wins over auth.allow; moses's connections are closed and not let back.
        pool.ok("gluster1", "volume", "set", "gv0", "auth.reject", "127.0.0.1");
        Files.writeString(servers.resolve("after"), "written after the reject\n");
        await().atMost(PATIENCE).until(() -> unreadable(moses.resolve("after")));
        assertThat(Files.readString(servers.resolve("after"))).isEqualTo(
                "written after the reject\n");

        pool.ok("gluster1", "volume", "reset", "gv0", "auth.reject");
        await().atMost(PATIENCE).until(() -> !unreadable(moses.resolve("after")));
        assertThat(Files.readString(moses.resolve("after"))).isEqualTo(
                "written after the reject\n");
    }

    /** Whether node {@code name}'s copy of the volume's record has auth.allow {@code value}. */
    private static boolean ruleReached(PoolNodes pool, String name, String value) {
        return pool.ok(name, "volume", "get", "gv0", "auth.allow").contains(value);
    }

    private static boolean unreadable(Path file) {
        try {
            Files.readString(file);
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
