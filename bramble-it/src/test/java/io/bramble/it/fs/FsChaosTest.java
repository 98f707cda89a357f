package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.fault.Faults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded chaos run on a replica 2 volume: a verifying writer ({@link ChaosWriter}) makes,
 * overwrites, appends to, renames and removes files through the mount (each change fsynced,
 * each acknowledged one logged with its checksum) while faults follow each other: node 2
 * killed and restarted, node 2 hung (SIGSTOP) and resumed, node 1 killed and restarted. After
 * each fault the run waits for the heal, the stale record taken back and the writer's changes
 * taken again. At the end every acknowledged change is there, byte for byte, both bricks hold
 * the same files and heal info is empty. What the writer saw is printed per
 * fault. {@code -Dbramble.it.chaos.rounds=N} runs more rounds of the three faults (default 1).
 */
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class FsChaosTest {
    private static final Duration DOWN = Duration.ofSeconds(4);
    private static final Duration HEAL_PATIENCE = Duration.ofSeconds(90);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    @RegisterExtension
    final VolumeMounts mounts = new VolumeMounts(cluster);

    @Test
    void everyAcknowledgedChangeSurvivesKillsHangsAndRestarts(@TempDir Path dir)
            throws Exception {
        ReplicaPair volume = ReplicaPair.start(cluster, mounts, dir);
        PoolNodes pool = volume.pool();
        ChaosWriter writer = new ChaosWriter(volume.mnt(), new SplittableRandom(20261205));
        Thread thread = Thread.ofPlatform().name("chaos-writer").start(writer);
        List<String> report = new ArrayList<>();
        try {
            writer.phase("both up");
            Thread.sleep(DOWN.toMillis());
            int rounds = Integer.getInteger("bramble.it.chaos.rounds", 1);
            for (int round = 1; round <= rounds; round++) {
                writer.phase("round " + round + ": node 2 killed");
                long releases = released(pool, "gluster1");
                Faults.kill9(pool.process("gluster2"));
                Thread.sleep(DOWN.toMillis());
                pool.start("gluster2");
                awaitHealed(pool, writer, "node 2 restarted", "gluster1", releases);

                writer.phase("round " + round + ": node 2 hung");
                releases = released(pool, "gluster1");
                Faults.pause(pool.process("gluster2"));
                Thread.sleep(DOWN.toMillis());
                Faults.resume(pool.process("gluster2"));
                awaitHealed(pool, writer, "node 2 resumed", "gluster1", releases);

                writer.phase("round " + round + ": node 1 killed");
                releases = released(pool, "gluster2");
                Faults.kill9(pool.process("gluster1"));
                Thread.sleep(DOWN.toMillis());
                pool.start("gluster1");
                awaitHealed(pool, writer, "node 1 restarted", "gluster2", releases);
            }
        } finally {
            writer.stop();
            thread.join(60_000);
        }
        report.addAll(writer.report());
        report.forEach(System.out::println);
        awaitHealed(pool, writer, "end", null, 0);

        Map<String, String> differ = FsHealTest.differences(FsHealTest.tree(volume.brick1()),
                FsHealTest.tree(volume.brick2()));
        assertThat(differ).as("files the two bricks do not agree on").isEmpty();
        for (Map.Entry<String, String> file : writer.acknowledged().entrySet()) {
            Path path = volume.mnt().resolve(file.getKey());
            assertThat(file.getValue() == null
                    ? !Files.exists(path)
                    : Sha1.of(Files.readAllBytes(
                            path)).equals(file.getValue()))
                    .as("%s as last acknowledged", file
                            .getKey())
                    .isTrue();
        }
        assertThat(writer.acknowledgedCount()).as("acknowledged changes").isGreaterThan(20);
    }

    /**
     * Waits for heal info to be empty; with {@code releasing}, also for that node (the one
     * holding the copy that took the changes) to take back the record that the other copy is
     * stale (more often than {@code releasedBefore}, counted before the fault), and for the
     * writer's changes to be taken again: with two copies, a copy recorded stale may not take
     * changes alone, so a fault before that refuses them.
     */
    private static void awaitHealed(PoolNodes pool, ChaosWriter writer, String what,
            String releasing, long releasedBefore) {
        writer.phase(what);
        await(what + ": heal info empty on both bricks").atMost(HEAL_PATIENCE).pollInterval(
                Duration.ofMillis(250)).until(() -> {
                    String out = pool.run("gluster1", "volume", "heal", "gv0", "statistics",
                            "heal-count").out();
                    return out.split("Number of entries: 0\n", -1).length == 3;
                });
        if (releasing != null) {
            await(what + ": stale record taken back").atMost(HEAL_PATIENCE).until(() -> released(
                    pool, releasing) > releasedBefore);
            await(what + ": changes acknowledged again").atMost(HEAL_PATIENCE).until(
                    () -> writer.okIn(what) >= 5);
        }
    }

    /** How many times {@code node} has logged taking back a stale record. */
    private static long released(PoolNodes pool, String node) {
        return pool.process(node).log().text().lines().filter(l -> l.contains(
                "is no longer recorded stale")).count();
    }
}
