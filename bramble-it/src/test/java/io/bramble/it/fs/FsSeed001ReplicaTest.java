package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.it.pool.PoolNodes;
import io.bramble.pool.local.NodeClient;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.exec.Exec;
import io.bramble.testkit.fault.Faults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 001's two Pis as typed there ({@code peer probe} and bricks by address, {@code volume
 * create gv0 replica 2}, {@code mount 192.168.0.121:/gv0}), with a witness for the pool's
 * majority, and its redundancy test: a client writes the date to test1 and reads it back
 * while node 2 is killed and restarted, then node 1 is killed.
 *
 * <p>Node 2 misses writes while it is down; node 1's heal worker copies them to it once it is
 * back, and takes back the pool's record that its copy is stale. Once node 1 is gone, node
 * 2's copy alone serves every round, with the latest value.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FsSeed001ReplicaTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** Rounds of the loop each phase runs before the next fault. */
    private static final int ROUNDS_PER_PHASE = 10;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    @RegisterExtension
    final VolumeMounts mounts = new VolumeMounts(cluster);

    @Test
    void theClientRidesOutNode2AndNeverReadsOldDataOnceNode1IsGone(@TempDir Path dir,
            @TempDir Path bin) throws Exception {
        FuseRequirements.assumeMountable();
        PoolNodes pool = new PoolNodes(cluster);
        pool.startTogether("gluster1", "gluster2", "witness1");
        String pi1 = pool.address("gluster1");
        String pi2 = pool.address("gluster2");
        assertThat(pool.ok("gluster1", "peer", "probe", pi2)).isEqualTo("peer probe: success."
                + " \n");
        assertThat(pool.ok("gluster1", "peer", "probe", pool.address("witness1"))).isEqualTo(
                "peer probe: success. \n");

        Path brick1 = dir.resolve("pi1/srv/gv0");
        Path brick2 = dir.resolve("pi2/srv/gv0");
        GlusterLink gluster = new GlusterLink(bin, pool);
        // The test's folders are on the root file system, as the seed's SD cards: force.
        assertThat(gluster.run("gluster1", "", "volume", "create", "gv0", "replica", "2", pi1
                + ":" + brick1, pi2 + ":" + brick2, "force").out()).isEqualTo("volume create:"
                        + " gv0: success: please start the volume to access data\n");
        assertThat(gluster.run("gluster1", "", "volume", "start", "gv0").out()).isEqualTo(
                "volume start: gv0: success\n");

        Path mnt = Files.createDirectories(dir.resolve("mnt/gluster1"));
        mounts.mount(pool, "gluster1", pi1 + ":/gv0", mnt);
        List<String> df = Exec.check(COMMAND_TIMEOUT, "df", mnt.toString()).output().lines()
                .toList();
        assertThat(df.getLast()).as(String.join("\n", df)).startsWith(pi1 + ":/gv0 ")
                .endsWith(" " + mnt);

        Exec.check(COMMAND_TIMEOUT, "touch", mnt.resolve("test1").toString());
        Exec.check(COMMAND_TIMEOUT, "ls", mnt.resolve("test1").toString());
        assertThat(BrickListing.of(brick1).entries()).containsOnlyKeys("test1");
        assertThat(BrickListing.of(brick2).entries()).containsOnlyKeys("test1");

        DateLoop loop = new DateLoop(mnt.resolve("test1"));
        loop.phase("both up");
        loop.start();
        try {
            awaitRounds(loop, "both up", ROUNDS_PER_PHASE / 2);
            loop.phase("node 2 down");
            Faults.kill9(pool.process("gluster2"));
            awaitRounds(loop, "node 2 down", ROUNDS_PER_PHASE);

            loop.phase("node 2 back");
            pool.start("gluster2");
            // Back for the client once its writes reach node 2's copy again.
            long before = lastWritten(loop);
            await("writes reach node 2's brick again", () -> latestIn(brick2) > before);
            // Node 1's copy took the writes node 2 missed; its heal worker copies them over
            // while the loop goes on, and takes back the record that node 2's copy is stale.
            pool.process("gluster1").awaitLine(java.util.regex.Pattern.compile("copy 1 of"
                    + " replica set 0 is healed"), PATIENCE);
            // The loop goes on writing: a write in flight marks test1 on both copies for as
            // long as it lasts, so heal info may list it for a moment, as Gluster's does.
            String healed = "Brick " + pi1 + ":" + brick1 + "\nStatus: Connected\n"
                    + "Number of entries: 0\n\nBrick " + pi2 + ":" + brick2
                    + "\nStatus: Connected\nNumber of entries: 0\n\n";
            long until = System.nanoTime() + PATIENCE.toNanos();
            String info;
            do {
                info = pool.ok("gluster2", "volume", "heal", "gv0", "info");
            } while (!info.equals(healed) && System.nanoTime() < until);
            assertThat(info).isEqualTo(healed);
            // Node 2's copy can serve alone only once the pool no longer records it stale.
            await("the record that node 2's copy is stale taken back", () -> NodeClient.local(
                    pool.stateDir("gluster2"), List.of("volume", "stale-copy", "gv0", "0"))
                    .out().strip().equals("none"));
            awaitRounds(loop, "node 2 back", ROUNDS_PER_PHASE);

            loop.phase("node 1 down");
            Faults.kill9(pool.process("gluster1"));
            awaitRounds(loop, "node 1 down", ROUNDS_PER_PHASE);
        } finally {
            loop.stop();
        }

        List<DateLoop.Round> rounds = loop.rounds();
        System.out.printf("seed 001 loop: %d rounds, longest gap between successful writes"
                + " %d ms; after node 1 died: %s%n", rounds.size(), loop.longestGapMs(),
                loop
                        .rounds("node 1 down"));
        assertThat(rounds.stream().filter(r -> !r.phase().equals("node 1 down")))
                .as("rounds while node 2 was down and back").allMatch(DateLoop.Round::clean);
        List<DateLoop.Round> alone = loop.rounds("node 1 down");
        assertThat(alone.subList(Math.max(0, alone.size() - ROUNDS_PER_PHASE / 2), alone.size()))
                .as("the last rounds with node 2's healed copy alone").isNotEmpty().allMatch(
                        DateLoop.Round::clean);
        long lastWritten = 0;
        for (DateLoop.Round round : rounds) {
            if (round.wrote()) {
                lastWritten = round.number();
            }
            if (round.phase().equals("node 1 down") && round.read()) {
                assertThat(round.readNumber()).as("%s: old data read (the last write that"
                        + " succeeded was #%d)", round, lastWritten).isGreaterThanOrEqualTo(
                                lastWritten);
            }
        }
    }

    private static long lastWritten(DateLoop loop) {
        return loop.rounds().stream().filter(DateLoop.Round::wrote).mapToLong(
                DateLoop.Round::number).max().orElse(0);
    }

    /** The number in a brick's copy of test1, read on its machine; -1 when it has none. */
    private static long latestIn(Path brick) {
        try {
            String text = Files.readString(brick.resolve("test1"));
            return Long.parseLong(text.substring(0, text.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void awaitRounds(DateLoop loop, String phase, int count) {
        await(count + " rounds of '" + phase + "'", () -> loop.rounds(phase).size() >= count);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not seen within " + PATIENCE + ": " + what);
            }
            PoolNodes.sleep(50);
        }
    }
}
