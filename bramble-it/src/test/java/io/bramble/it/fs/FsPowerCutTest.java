package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.fault.Faults;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A power cut of the whole cluster: files written and fsynced through a replica 2 mount,
 * then every node and the client killed at once (kill -9); once the nodes are started again,
 * a new mount reads every file back with the checksum it was written with, and the pool
 * still knows the volume.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class FsPowerCutTest {
    private static final int FILES = 40;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    @RegisterExtension
    final VolumeMounts mounts = new VolumeMounts(cluster);

    @Test
    void everyFsyncedFileIsThereAfterAllNodesDieAtOnce(@TempDir Path dir) throws Exception {
        ReplicaPair volume = ReplicaPair.start(cluster, mounts, dir);
        PoolNodes pool = volume.pool();
        Path mnt = volume.mnt();
        VolumeMounts.Mounted mounted = volume.mounted();

        SplittableRandom random = new SplittableRandom(20261205);
        Map<String, String> written = new LinkedHashMap<>();
        Files.createDirectories(mnt.resolve("docs/deep"));
        for (int i = 0; i < FILES; i++) {
            String name = (i % 3 == 0 ? "docs/deep/" : i % 3 == 1 ? "docs/" : "") + "f" + i;
            byte[] data = new byte[random.nextInt(1, 300_000)];
            random.nextBytes(data);
            writeSynced(mnt.resolve(name), data);
            written.put(name, Sha1.of(data));
        }

        for (String node : List.of("gluster1", "gluster2", "witness1")) {
            Faults.kill9(pool.process(node));
        }
        mounted.client().destroyForcibly();
        mounts.close();

        pool.startTogether("gluster1", "gluster2", "witness1");
        // A node's copy of the store answers from its log once the pool has a leader again.
        await("gv0 known again").atMost(Duration.ofSeconds(60)).until(() -> pool.run(
                "gluster2", "volume", "info", "gv0").out().contains("Status: Started"));
        Path again = Files.createDirectories(dir.resolve("mnt-again"));
        mounts.mount(pool, "gluster2", pool.address("gluster2") + ":/gv0", again);
        for (Map.Entry<String, String> file : written.entrySet()) {
            assertThat(Sha1.of(Files.readAllBytes(again.resolve(file.getKey())))).as(file.getKey())
                    .isEqualTo(file.getValue());
        }
        // Both copies took every write: nothing is marked for heal.
        assertThat(pool.ok("gluster1", "volume", "heal", "gv0", "statistics", "heal-count"))
                .doesNotContain("Number of entries: 1").contains("Number of entries: 0");
    }

    private static void writeSynced(Path file, byte[] data) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

}
