package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.fault.Faults;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hung brick node (SIGSTOP, as a machine that stops answering without closing its
 * connections) under a client that writes and reads back the date every 200 ms, on replica
 * 2 with a witness: the client drops the silent brick at {@code network.ping-timeout} and
 * every round goes on to the other copy, then on to both once the node resumes. The stall
 * the application saw is printed. Needs root and /dev/fuse (skipped otherwise).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FsHungBrickTest {
    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    @RegisterExtension
    final VolumeMounts mounts = new VolumeMounts(cluster);

    @Test
    void writesGoOnWhileOneCopysNodeIsHung(@TempDir Path dir) throws Exception {
        ReplicaPair volume = ReplicaPair.start(cluster, mounts, dir);
        PoolNodes pool = volume.pool();
        Path mnt = volume.mnt();

        DateLoop loop = new DateLoop(mnt.resolve("date.txt"));
        loop.phase("both up");
        loop.start();
        try {
            Thread.sleep(3_000);
            loop.phase("gluster2 hung");
            Faults.pause(pool.process("gluster2"));
            Thread.sleep(8_000);
            loop.phase("gluster2 resumed");
            Faults.resume(pool.process("gluster2"));
            Thread.sleep(4_000);
        } finally {
            loop.stop();
        }
        for (String phase : List.of("both up", "gluster2 hung", "gluster2 resumed")) {
            System.out.println(phase + ": " + loop.rounds(phase));
        }
        System.out.printf("hung brick: %d rounds, longest gap between successful writes %d"
                + " ms%n", loop.rounds().size(), loop.longestGapMs());
        assertThat(loop.rounds()).allMatch(DateLoop.Round::clean);
    }
}
