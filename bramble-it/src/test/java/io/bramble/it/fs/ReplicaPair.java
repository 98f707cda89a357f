package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The failure tests' volume: nodes gluster1 and gluster2 with witness1 for the pool's
 * majority, {@code gv0} of replica 2 on bricks {@code DIR/b1} and {@code DIR/b2}, started and
 * mounted on {@code DIR/mnt} through gluster1.
 */
record ReplicaPair(PoolNodes pool, Path brick1, Path brick2, VolumeMounts.Mounted mounted) {
    static ReplicaPair start(LocalCluster cluster, VolumeMounts mounts, Path dir)
            throws Exception {
        return start(new PoolNodes(cluster), mounts, dir);
    }

    /** The same, with nodes of {@code pool}, given their {@link PoolNodes#arguments} already. */
    static ReplicaPair start(PoolNodes pool, VolumeMounts mounts, Path dir) throws Exception {
        FuseRequirements.assumeMountable();
        pool.startTogether("gluster1", "gluster2", "witness1");
        pool.probeAll("gluster1", "gluster2", "witness1");
        Path brick1 = dir.resolve("b1");
        Path brick2 = dir.resolve("b2");
        assertThat(pool.ok("gluster1", "volume", "create", "gv0", "replica", "2", pool.address(
                "gluster1") + ":" + brick1, pool.address("gluster2") + ":" + brick2, "force"))
                .contains("success");
        assertThat(pool.ok("gluster1", "volume", "start", "gv0")).contains("success");
        VolumeMounts.Mounted mounted = mounts.mount(pool, "gluster1", pool.address("gluster1")
                + ":/gv0", Files.createDirectories(dir.resolve("mnt")));
        return new ReplicaPair(pool, brick1, brick2, mounted);
    }

    Path mnt() {
        return mounted.dir();
    }
}
