package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bramble.it.pool.PoolNodes;
import io.bramble.pool.local.NodeClient;
import io.bramble.pool.wire.Message.CommandReply;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.fault.Faults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * Seed 003's five volume types, each made with the seed's own line (its {@code \ } left inside
 * the one-line commands, which hands bramble brick words with a leading space) on four nodes
 * named gluster1 to gluster4 in place of the seed's cluster1 to cluster6: distributed,
 * replicated, distributed-replicated, dispersed and distributed-dispersed. Each is started,
 * mounted and written; each redundant one loses a node and is read back byte-exact, gets the
 * node back and is healed, then loses another node of the same set and is read back again
 * (what only the healed bricks can give); then it is stopped and deleted, as the seed does.
 */
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class FsSeed003TypesTest {
    private static final Duration HEAL_PATIENCE = Duration.ofSeconds(120);

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();
    @RegisterExtension
    final VolumeMounts mounts = new VolumeMounts(cluster);

    @Test
    void eachTypeSurvivesTheLossItIsBuiltForAndIsHealed(@TempDir Path dir) throws Exception {
        FuseRequirements.assumeMountable();
        PoolNodes pool = new PoolNodes(cluster);
        pool.startTogether("gluster1", "gluster2", "gluster3", "gluster4");
        pool.probeAll("gluster1", "gluster2", "gluster3", "gluster4");
        SplittableRandom random = new SplittableRandom(20261205);

        // gluster volume create data1  gluster{1,2}:/data/glusterfs/volumes/bricks/data1
        exercise(pool, dir, random, "distributed", "Distribute", "2",
                words(pool, dir, "distributed", "", 1, 2), List.of());
        // gluster volume create data1 replica 2 gluster{1,2}:/data/.../data1
        exercise(pool, dir, random, "replicated", "Replicate", "1 x 2 = 2",
                words(pool, dir, "replicated", "replica 2", 1, 2), List.of("gluster2",
                        "gluster1"));
        // gluster volume create data1 replica 2 cluster{1,2,3,4}:/data/.../data1
        exercise(pool, dir, random, "distributed-replicated", "Distributed-Replicate",
                "2 x 2 = 4", words(pool, dir, "distributed-replicated", "replica 2", 1, 2, 3, 4),
                List.of("gluster2", "gluster1"));
        // gluster volume create data1 disperse 3 redundancy 1 \ cluster{1,2,3}:/data/.../data1
        exercise(pool, dir, random, "dispersed", "Disperse", "1 x (2 + 1) = 3",
                words(pool, dir, "dispersed", "disperse 3 redundancy 1 \\", 1, 2, 3),
                List.of("gluster2", "gluster3"));
        // gluster volume create data1 disperse 3 redundancy 1 \ cluster{1,2,3}:/data/.../data1 \
        //     cluster{1,2,3}:/data/.../data2
        List<String> twoSets = new ArrayList<>(words(pool, dir, "distributed-dispersed",
                "disperse 3 redundancy 1 \\", 1, 2, 3));
        twoSets.addAll(words(pool, dir, "distributed-dispersed-2", "\\", 1, 2, 3));
        exercise(pool, dir, random, "distributed-dispersed", "Distributed-Disperse",
                "2 x (2 + 1) = 6", twoSets, List.of("gluster2", "gluster1"));
    }

    /**
     * The words after {@code volume create data1} of a seed line: {@code before} (its count
     * words, a trailing {@code \} standing for the seed's), then one brick per node of
     * {@code nodes}, each with the leading space the seed's {@code \ } gives the first one.
     */
    private static List<String> words(PoolNodes pool, Path dir, String type, String before,
            int... nodes) {
        List<String> words = new ArrayList<>();
        boolean escaped = before.endsWith("\\");
        for (String word : before.replace("\\", "").split(" ")) {
            if (!word.isBlank()) {
                words.add(word);
            }
        }
        for (int i = 0; i < nodes.length; i++) {
            String node = "gluster" + nodes[i];
            words.add((escaped && i == 0 ? " " : "") + pool.address(node) + ":" + dir.resolve(
                    node + "/data/glusterfs/volumes/bricks/" + type));
        }
        return words;
    }

    private void exercise(PoolNodes pool, Path dir, SplittableRandom random, String type,
            String shownType, String bricks, List<String> words, List<String> losses)
            throws IOException {
        List<String> create = new ArrayList<>(List.of("volume", "create", "data1"));
        create.addAll(words);
        create.add("force"); // the test's folders are on the root file system
        assertThat(pool.ok("gluster1", create.toArray(String[]::new))).as(type).isEqualTo(
                "volume create: data1: success: please start the volume to access data\n");
        assertThat(pool.ok("gluster3", "volume", "info", "data1")).as(type).contains("Type: "
                + shownType + "\n").contains("Number of Bricks: " + bricks + "\n");
        assertThat(pool.ok("gluster1", "volume", "start", "data1")).isEqualTo(
                "volume start: data1: success\n");
        VolumeMounts.Mounted mounted = mounts.mount(pool, "gluster1", pool.address("gluster1")
                + ":/data1", Files.createDirectories(dir.resolve("mnt/" + type)));
        Path mnt = mounted.dir();
        Map<String, byte[]> files = new LinkedHashMap<>();
        Files.createDirectories(mnt.resolve("www/html"));
        for (int i = 0; i < 6; i++) {
            files.put("www/html/page" + i, FsHealTest.bytes(random, 1_000 + 37_000 * i));
        }
        files.put("image.bin", FsHealTest.bytes(random, 3 << 20));
        write(mnt, files);
        assertReads(mnt, files, type + ", every node up");

        int brickCount = (int) words.stream().filter(w -> w.contains(":/")).count();
        // replica 2 sets keep a record in the pool's store while a copy is stale; it is taken
        // back just after the heal, and the other copy may not be lost before that
        int replicaSets = words.contains("replica") ? brickCount / 2 : 0;
        if (!losses.isEmpty()) {
            String first = losses.get(0);
            Faults.kill9(pool.process(first));
            assertReads(mnt, files, type + ", " + first + " killed");
            Map<String, byte[]> more = Map.of("www/html/while-away", FsHealTest.bytes(random,
                    70_000), "www/html/page1", FsHealTest.bytes(random, 50_000));
            write(mnt, more);
            files.putAll(more);
            pool.start(first);
            await(type + " healed").atMost(HEAL_PATIENCE).pollInterval(Duration.ofMillis(
                    250)).until(
                            () -> healed(pool, brickCount) && noCopyRecordedStale(pool,
                                    replicaSets));
            awaitClientReaches(mnt, words, first);
            // probe files written before the client reached the node again went to the other
            // copy alone (and recorded this one stale again): they are healed first, as a
            // user waits for heal info to be empty before pulling the next cable
            await(type + " probes healed").atMost(HEAL_PATIENCE).pollInterval(Duration.ofMillis(
                    250)).until(
                            () -> healed(pool, brickCount) && noCopyRecordedStale(pool,
                                    replicaSets));
            String second = losses.get(1);
            Faults.kill9(pool.process(second));
            assertReads(mnt, files, type + ", " + first + " healed, " + second + " killed");
            pool.start(second);
            await(type + ": " + second + " back").atMost(HEAL_PATIENCE).pollInterval(Duration
                    .ofMillis(250)).until(
                            () -> healed(pool, brickCount) && noCopyRecordedStale(
                                    pool, replicaSets));
        }
        mounts.unmount(mounted);
        assertThat(VolumeMounts.awaitClientEnd(mounted, VolumeMounts.CLIENT_END_TIMEOUT))
                .as("the client of %s ended", type).isTrue();
        assertThat(pool.ok("gluster1", "--mode=script", "volume", "stop", "data1")).isEqualTo(
                "volume stop: data1: success\n");
        assertThat(pool.ok("gluster1", "--mode=script", "volume", "delete", "data1"))
                .isEqualTo("volume delete: data1: success\n");
    }

    private static void write(Path mnt, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(mnt.resolve(file.getKey()), file.getValue());
        }
    }

    private static void assertReads(Path mnt, Map<String, byte[]> files, String when)
            throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            assertThat(Files.readAllBytes(mnt.resolve(file.getKey()))).as("%s: %s", when, file
                    .getKey()).isEqualTo(file.getValue());
        }
    }

    /**
     * Waits until the mount's client writes to {@code node}'s bricks again (it reconnects to a
     * node that came back within a second or so of its return, which a heal can beat): probe
     * files are written until one lands on a brick of {@code node}.
     */
    private static void awaitClientReaches(Path mnt, List<String> words, String node) {
        List<Path> bricks = words.stream().filter(w -> w.contains(":/")).map(w -> Path.of(w
                .substring(w.indexOf(":/") + 1))).filter(b -> b.toString().contains("/" + node
                        + "/"))
                .toList();
        int[] probe = {0};
        await("the client writes to " + node + " again").atMost(HEAL_PATIENCE).pollInterval(
                Duration.ofMillis(100)).until(() -> {
                    String name = "probe-" + node + "-" + probe[0]++;
                    try {
                        Files.writeString(mnt.resolve(name), name);
                    } catch (IOException e) {
                        return false;
                    }
                    return bricks.stream().anyMatch(b -> Files.exists(b.resolve(name)));
                });
    }

    /** Whether no copy of data1's replica sets is recorded stale in gluster3's store. */
    private static boolean noCopyRecordedStale(PoolNodes pool, int sets) {
        for (int set = 0; set < sets; set++) {
            CommandReply reply = NodeClient.local(pool.stateDir("gluster3"), List.of("volume",
                    "stale-copy", "data1", Integer.toString(set)));
            if (reply.exitCode() != 0 || !reply.out().strip().equals("none")) {
                return false;
            }
        }
        return true;
    }

    /** Whether every brick of data1 is connected and lists no entry, as gluster3 sees them. */
    private static boolean healed(PoolNodes pool, int bricks) {
        PoolNodes.Result info = pool.run("gluster3", "volume", "heal", "data1", "info");
        return info.exit() == 0
                && info.out().split("Number of entries: 0\n", -1).length == bricks + 1;
    }
}
