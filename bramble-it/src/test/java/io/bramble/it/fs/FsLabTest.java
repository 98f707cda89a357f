package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.testkit.cluster.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The file system's chaos lab: three storage nodes and a client, each a machine of its own
 * (a network namespace on one switch), real {@code bramble node} processes and a real
 * {@code bramble mount} on the client. A verifying writer changes files through the mount
 * while the faults of {@link LabFault} follow each other on the bricks' nodes in turn: kill
 * -9, SIGSTOP, a pulled cable, a cut between the client and that node only, a restart. After
 * each the run waits for the heal (heal info empty, and for replica 2 no copy recorded stale)
 * and for the writer's changes to be taken again. At the end every acknowledged change is
 * there, byte for byte, every brick holds the same files and heal info is empty. Run for
 * replica 3 on the three nodes, and replica 2 on two of them, the third a member of the pool
 * only, whose store breaks the ties. What the writer saw is printed per fault.
 * {@code -Dbramble.it.chaos.rounds=N} runs N rounds of the faults (default 1). Needs root,
 * the ip command and /dev/fuse (skipped otherwise).
 */
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class FsLabTest {
    private static final String VOLUME = "gv0";
    private static final int STORAGE_NODES = 3;
    private static final Duration DOWN = Duration.ofSeconds(4);
    private static final Duration HEAL_PATIENCE = Duration.ofSeconds(90);
    /** Changes the writer must get acknowledged after a heal before the next fault. */
    private static final int CHANGES_AFTER_HEAL = 5;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    @RegisterExtension
    final VolumeMounts mounts = new VolumeMounts(cluster);

    @ParameterizedTest(name = "replica {0}")
    @ValueSource(ints = {3, 2})
    void everyAcknowledgedChangeSurvivesTheFaults(int replica, @TempDir Path dir)
            throws Exception {
        long startNanos = System.nanoTime();
        FsLab lab = FsLab.open(cluster, mounts, dir, STORAGE_NODES, true);
        List<String> bricks = IntStream.rangeClosed(1, replica).mapToObj(FsLab::storage)
                .toList();
        lab.createVolume(VOLUME, replica, bricks);
        Path mnt = lab.mount(FsLab.CLIENT, FsLab.storage(1), VOLUME, dir.resolve("mnt"));
        long faultsNanos = System.nanoTime();
        ChaosWriter writer = new ChaosWriter(mnt, new SplittableRandom(20261205L + replica));
        Thread thread = Thread.ofPlatform().name("lab-writer").start(writer);
        int faults = 0;
        List<String> heals = new ArrayList<>();
        try {
            writer.phase("all up");
            Thread.sleep(DOWN.toMillis());
            int rounds = Integer.getInteger("bramble.it.chaos.rounds", 1);
            for (int round = 1; round <= rounds; round++) {
                for (LabFault fault : LabFault.values()) {
                    String node = bricks.get(faults++ % bricks.size());
                    String what = "r" + round + " " + fault.describe(node);
                    writer.phase(what);
                    fault.inject(lab, node);
                    Thread.sleep(DOWN.toMillis());
                    fault.restore(lab, node);
                    long healedMs = awaitHealed(lab, writer, what, observer(node), replica);
                    heals.add(String.format("heal after %-44s %5d ms", what, healedMs));
                }
            }
        } finally {
            writer.stop();
            thread.join(60_000);
        }
        writer.report().forEach(System.out::println);
        heals.forEach(System.out::println);
        awaitHealed(lab, null, "end", FsLab.storage(1), replica);
        System.out.printf("lab replica %d: %d faults, %d changes acknowledged; set-up %d s,"
                + " faults and heals %d s%n", replica, faults, writer.acknowledgedCount(),
                TimeUnit.NANOSECONDS.toSeconds(faultsNanos - startNanos),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - faultsNanos));

        Map<String, String> first = FsHealTest.tree(lab.brick(bricks.getFirst(), VOLUME));
        for (String other : bricks.subList(1, bricks.size())) {
            assertThat(FsHealTest.differences(first, FsHealTest.tree(lab.brick(other, VOLUME))))
                    .as("files the bricks of %s and %s do not agree on", bricks.getFirst(),
                            other)
                    .isEmpty();
        }
        for (Map.Entry<String, String> file : writer.acknowledged().entrySet()) {
            Path path = mnt.resolve(file.getKey());
            if (file.getValue() == null) {
                assertThat(path).as("%s, removed", file.getKey()).doesNotExist();
            } else {
                assertThat(Sha1.of(Files.readAllBytes(path))).as("%s as last acknowledged",
                        file.getKey()).isEqualTo(file.getValue());
            }
        }
        assertThat(writer.acknowledgedCount()).as("acknowledged changes").isGreaterThan(
                faults * CHANGES_AFTER_HEAL);
        assertThat(lab.healInfoEmpty(FsLab.storage(1), VOLUME, bricks.size())).as(
                "heal info empty").isTrue();
    }

    /** A storage node other than {@code faulted}, to ask about the heal. */
    private static String observer(String faulted) {
        return faulted.equals(FsLab.storage(1)) ? FsLab.storage(2) : FsLab.storage(1);
    }

    /**
     * Waits for heal info to be empty; for replica 2, also for the record that a copy is stale
     * to be taken back, as every storage node's copy of the pool's store shows it (a copy
     * recorded stale may not take changes alone, so a fault of the other copy before that
     * refuses them); while the writer runs, for its changes to be taken again. Returns the
     * milliseconds until healed, the writer's changes not counted.
     */
    private static long awaitHealed(FsLab lab, ChaosWriter writer, String what, String on,
            int replica) {
        long startNanos = System.nanoTime();
        long acknowledgedBefore = writer == null ? 0 : writer.acknowledgedCount();
        await(what + ": heal info empty").atMost(HEAL_PATIENCE).pollInterval(Duration.ofMillis(
                250)).until(() -> lab.healInfoEmpty(on, VOLUME, replica));
        if (replica == 2) {
            await(what + ": no copy recorded stale").atMost(HEAL_PATIENCE).pollInterval(Duration
                    .ofMillis(250))
                    .until(() -> IntStream.rangeClosed(1, STORAGE_NODES).mapToObj(n -> lab
                            .staleCopy(FsLab.storage(n), VOLUME, 0)).allMatch("none"::equals));
        }
        long healedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        if (writer != null) {
            await(what + ": changes acknowledged again").atMost(HEAL_PATIENCE).until(
                    () -> writer.acknowledgedCount() >= acknowledgedBefore + CHANGES_AFTER_HEAL);
        }
        return healedMs;
    }
}
