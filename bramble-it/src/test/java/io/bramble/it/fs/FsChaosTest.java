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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded chaos run on a replica 2 volume: a verifying writer makes, overwrites, appends to,
 * renames and removes files through the mount (each change fsynced, each acknowledged one
 * logged with its checksum) while faults follow each other: node 2 killed and restarted,
 * node 2 hung (SIGSTOP) and resumed, node 1 killed and restarted. After each fault the run
 * waits for the heal, the stale record taken back and the writer's changes taken again. At the end every acknowledged change is there, byte for byte, both
 * bricks hold the same files and heal info is empty. What the writer saw is printed per
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
        Writer writer = new Writer(volume.mnt(), new SplittableRandom(20261205));
        Thread thread = Thread.ofPlatform().name("chaos-writer").start(writer);
        List<String> report = new ArrayList<>();
        try {
            writer.phase("both up");
            Thread.sleep(DOWN.toMillis());
            int rounds = Integer.getInteger("bramble.it.chaos.rounds", 1);
            for (int round = 1; round <= rounds; round++) {
                writer.phase("round " + round + ": node 2 killed");
                Faults.kill9(pool.process("gluster2"));
                Thread.sleep(DOWN.toMillis());
                pool.start("gluster2");
                awaitHealed(pool, writer, "node 2 restarted", "gluster1");

                writer.phase("round " + round + ": node 2 hung");
                Faults.pause(pool.process("gluster2"));
                Thread.sleep(DOWN.toMillis());
                Faults.resume(pool.process("gluster2"));
                awaitHealed(pool, writer, "node 2 resumed", "gluster1");

                writer.phase("round " + round + ": node 1 killed");
                Faults.kill9(pool.process("gluster1"));
                Thread.sleep(DOWN.toMillis());
                pool.start("gluster1");
                awaitHealed(pool, writer, "node 1 restarted", "gluster2");
            }
        } finally {
            writer.stop();
            thread.join(60_000);
        }
        report.addAll(writer.report());
        report.forEach(System.out::println);
        awaitHealed(pool, writer, "end", null);

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
     * stale, and for the writer's changes to be taken again: with two copies, a copy recorded
     * stale may not take changes alone, so a fault before that refuses them.
     */
    private static void awaitHealed(PoolNodes pool, Writer writer, String what,
            String releasing) {
        long releasedBefore = releasing == null ? 0 : released(pool, releasing);
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

    /**
     * Changes files through the mount, one at a time, each fsynced: what was acknowledged is
     * remembered with its checksum (null for a removed name); a change that failed leaves its
     * file's fate open, and the file is no longer checked.
     */
    static final class Writer implements Runnable {
        private final Path mnt;
        private final SplittableRandom random;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final Map<String, String> acknowledged = new TreeMap<>();
        private final Map<String, byte[]> contents = new TreeMap<>();
        private final Map<String, int[]> perPhase = new LinkedHashMap<>();
        private final Map<String, Long> longestGap = new LinkedHashMap<>();
        private volatile String phase = "start";
        private long acknowledgedCount;
        private int next;

        Writer(Path mnt, SplittableRandom random) {
            this.mnt = mnt;
            this.random = random;
        }

        void phase(String name) {
            phase = name;
        }

        void stop() {
            stopped.set(true);
        }

        synchronized Map<String, String> acknowledged() {
            return new TreeMap<>(acknowledged);
        }

        synchronized int okIn(String name) {
            int[] counts = perPhase.get(name);
            return counts == null ? 0 : counts[0];
        }

        synchronized long acknowledgedCount() {
            return acknowledgedCount;
        }

        synchronized List<String> report() {
            List<String> lines = new ArrayList<>();
            perPhase.forEach((name, counts) -> lines.add(String.format("chaos %-32s %4d ok"
                    + " %3d failed, longest gap %5d ms", name, counts[0], counts[1],
                    longestGap
                            .get(name))));
            return lines;
        }

        @Override
        public void run() {
            long lastOk = System.nanoTime();
            while (!stopped.get()) {
                String now = phase;
                boolean ok = change();
                long t = System.nanoTime();
                synchronized (this) {
                    int[] counts = perPhase.computeIfAbsent(now, p -> new int[2]);
                    counts[ok ? 0 : 1]++;
                    longestGap.merge(now, (t - lastOk) / 1_000_000, Math::max);
                }
                if (ok) {
                    lastOk = t;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** One change; true when acknowledged. */
        private boolean change() {
            List<String> names;
            synchronized (this) {
                names = new ArrayList<>(contents.keySet());
            }
            int roll = random.nextInt(100);
            String name = names.isEmpty() || roll < 30
                    ? "f" + next++
                    : names.get(random
                            .nextInt(names.size()));
            try {
                if (roll < 55) {
                    byte[] data = new byte[random.nextInt(1, 64 << 10)];
                    random.nextBytes(data);
                    write(mnt.resolve(name), data, false);
                    done(name, data);
                } else if (roll < 75) {
                    byte[] more = new byte[random.nextInt(1, 8 << 10)];
                    random.nextBytes(more);
                    write(mnt.resolve(name), more, true);
                    byte[] before = contents.getOrDefault(name, new byte[0]);
                    byte[] after = new byte[before.length + more.length];
                    System.arraycopy(before, 0, after, 0, before.length);
                    System.arraycopy(more, 0, after, before.length, more.length);
                    done(name, after);
                } else if (roll < 88) {
                    String to = "r" + next++;
                    Files.move(mnt.resolve(name), mnt.resolve(to), StandardCopyOption.ATOMIC_MOVE);
                    synchronized (this) {
                        byte[] data = contents.remove(name);
                        acknowledged.put(name, null);
                        acknowledgedCount++;
                        if (data != null) {
                            contents.put(to, data);
                            acknowledged.put(to, Sha1.of(data));
                        }
                    }
                } else {
                    Files.delete(mnt.resolve(name));
                    synchronized (this) {
                        contents.remove(name);
                        acknowledged.put(name, null);
                        acknowledgedCount++;
                    }
                }
                return true;
            } catch (Exception e) {
                synchronized (this) {
                    contents.remove(name); // its fate is open: no longer checked
                    acknowledged.remove(name);
                }
                return false;
            }
        }

        private synchronized void done(String name, byte[] data) throws Exception {
            contents.put(name, data);
            acknowledged.put(name, Sha1.of(data));
            acknowledgedCount++;
        }

        private static void write(Path file, byte[] data, boolean append) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, append
                            ? StandardOpenOption.APPEND
                            : StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        }
    }
}
