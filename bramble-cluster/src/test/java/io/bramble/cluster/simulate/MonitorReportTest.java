package io.bramble.cluster.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.cluster.cib.CibHeader;
import io.bramble.cluster.cib.CibReader;
import io.bramble.cluster.cib.CibWriter;
import io.bramble.cluster.model.Cluster;
import io.bramble.cluster.model.ClusterStatus;
import io.bramble.cluster.model.FailedAction;
import io.bramble.cluster.model.Node;
import io.bramble.cluster.model.Primitive;
import io.bramble.cluster.policy.RandomClustersAccess;
import io.bramble.common.error.UserError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code bramble cluster status}'s crm_mon text beside {@code crm_mon --one-shot --inactive}'s
 * on the same CIB files, line by line, tabs included. The one line left out is Last updated:
 * crm_mon prints its own wall clock there and has no option to set it (only crm_simulate has
 * -t), so that line is checked for its layout only.
 */
class MonitorReportTest {
    /** 2023-11-14T22:13:20Z. */
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final String LAST_UPDATED = "  * Last updated: ";
    private static final int NOT_INSTALLED = 5;
    /** Random clusters compared per run; about 30 ms of crm_mon each. */
    private static final int RANDOM_CASES = 100;

    /** The CIB files compared, from bramble's tests and written by crm_simulate. */
    static List<String> files() {
        return List.of("cib/webapp-move.xml", "cib/failover.xml", "cib/groups-quorum-lost.xml",
                "crm_mon/webapp-moved.xml", "crm_mon/failover-recovered.xml",
                "crm_mon/groups-quorum-lost-after.xml", "crm_mon/quorum-lost-last-change.xml",
                "crm_mon/dc-version.xml", "crm_mon/no-resources.xml",
                "crm_mon/stonith-enabled-moved.xml", "crm_mon/two-moved.xml",
                "crm_mon/group-unmanaged-disabled.xml", "crm_mon/offline-standby.xml",
                "crm_mon/no-have-quorum.xml", "crm_mon/failed-actions.xml",
                "crm_mon/fail-counts.xml");
    }

    @ParameterizedTest
    @MethodSource("files")
    void linesAreCrmMons(String name) throws Exception {
        assertSameLines(name, false);
    }

    /** {@code pcs status --full}'s crm_mon text, on the same files. */
    @ParameterizedTest
    @MethodSource("files")
    void fullLinesAreCrmMons(String name) throws Exception {
        assertSameLines(name, true);
    }

    private static void assertSameLines(String name, boolean full) throws Exception {
        assumeTrue(CrmMon.available(), "crm_mon is not installed: install pacemaker-cli-utils"
                + " to compare bramble cluster status with Pacemaker's");
        Path file = Path.of("src/test/resources", name);
        List<String> theirs = CrmMon.output(file, full).lines().toList();
        List<String> ours = render(file, ZoneOffset.UTC, full).lines().toList();
        assertEquals(theirs.size(), ours.size(), String.join("\n", theirs));
        for (int i = 0; i < theirs.size(); i++) {
            if (theirs.get(i).startsWith(LAST_UPDATED)) {
                assertTrue(theirs.get(i).matches(" {2}\\* Last updated: \\w{3} \\w{3} [ \\d]\\d"
                        + " \\d{2}:\\d{2}:\\d{2} \\d{4}"), theirs.get(i));
                assertTrue(ours.get(i).startsWith(LAST_UPDATED), ours.get(i));
            } else {
                assertEquals(theirs.get(i), ours.get(i), "line " + (i + 1) + " of " + name);
            }
        }
    }

    /**
     * The differential test's random clusters, written as CIBs with their status and some last
     * failures.
     */
    @Test
    void randomClustersAreCrmMons(@TempDir Path dir) throws Exception {
        assumeTrue(CrmMon.available(), "crm_mon is not installed: install pacemaker-cli-utils"
                + " to compare bramble cluster status with Pacemaker's");
        int cases = Integer.getInteger("bramble.cluster.status.cases", RANDOM_CASES);
        for (long seed = 1; seed <= cases; seed++) {
            Path file = Files.writeString(dir.resolve("cib.xml"),
                    CibWriter.write(withFailedActions(RandomClustersAccess.generate(seed),
                            seed)));
            Files.copy(file, Path.of("/tmp/seed-" + seed + ".xml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(file, Path.of("/tmp/seed-" + seed + ".xml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(file, Path.of("/tmp/seed-" + seed + ".xml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(file, Path.of("/tmp/seed-" + seed + ".xml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertEquals(withoutLastUpdated(CrmMon.output(file)),
                    withoutLastUpdated(render(file, ZoneOffset.UTC)), "seed " + seed);
            assertEquals(withoutLastUpdated(CrmMon.output(file, true)),
                    withoutLastUpdated(render(file, ZoneOffset.UTC, true)), "seed " + seed
                            + ", full");
        }
    }

    /**
     * {@code cluster} with a last failure of a start or a monitor for some resources on some
     * online nodes: any code, timed out or not, with and without a reason, a time and a duration.
     */
    private static Cluster withFailedActions(Cluster cluster, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // what the live cluster records: a failed stop blocks the resource instead. Failures
        // come before NOW, so that crm_mon's clock and NOW expire the same ones. As the
        // executor records them: an agent that ended with a code other than 0, or one killed at
        // its timeout (code 1).
        List<String> operations = List.of("start", "monitor");
        List<FailedAction> failed = new ArrayList<>();
        for (Node n : cluster.nodes()) {
            for (Primitive p : cluster.primitives()) {
                if (!n.online() || random.nextInt(4) != 0) {
                    continue;
                }
                String operation = operations.get(random.nextInt(operations.size()));
                long intervalMs = operation.equals("monitor") && random.nextInt(4) != 0
                        ? random.nextLong(1, 200_000_000L)
                        : 0; // a monitor of interval 0 is a probe
                boolean timedOut = random.nextInt(3) == 0;
                int rc = timedOut ? 1 : random.nextInt(1, 12);
                if (rc == NOT_INSTALLED) { // crm_mon hides some of these: docs/cluster.md
                    rc = 1;
                }
                String reason = random.nextBoolean() ? "" : "reason " + random.nextInt(100);
                long at = random.nextInt(3) == 0 ? 0 : 1_698_000_000L + random.nextInt(1_900_000);
                long execMs = random.nextInt(3) == 0 ? 0 : random.nextLong(1, 90_000_000L);
                failed.add(new FailedAction(p.id(), n.name(), operation, intervalMs, rc, timedOut
                        ? FailedAction.TIMED_OUT
                        : FailedAction.DONE, reason, at, execMs));
            }
        }
        ClusterStatus s = cluster.status();
        return new Cluster(cluster.properties(), cluster.nodes(), cluster.resources(),
                cluster.constraints(), cluster.defaults(), new ClusterStatus(s.quorate(), s
                        .running(), s.failCounts(), failed));
    }

    private static List<String> withoutLastUpdated(String text) {
        return text.lines().filter(l -> !l.startsWith(LAST_UPDATED)).toList();
    }

    @Test
    void lastUpdatedIsTheGivenTimeInCtimesLayout() throws Exception {
        Path file = Path.of("src/test/resources/cib/webapp-move.xml");
        assertTrue(render(file, ZoneOffset.UTC).contains(
                "\n  * Last updated: Tue Nov 14 22:13:20 2023\n"));
        assertTrue(render(file, ZoneId.of("Europe/Berlin")).contains(
                "\n  * Last updated: Tue Nov 14 23:13:20 2023\n"));
        Instant early = Instant.parse("2026-12-06T02:05:27Z");
        Cluster cluster = CibReader.read("f", Files.readAllBytes(file));
        String text = MonitorReport.render(cluster, CibHeader.read("f",
                Files.readAllBytes(file)), early, ZoneOffset.UTC);
        assertTrue(text.contains("\n  * Last updated: Sun Dec  6 02:05:27 2026\n"), text);
    }

    @Test
    void aDcOutsideTheNodeListIsRefusedByName() throws Exception {
        byte[] xml = Files.readString(Path.of("src/test/resources/cib/webapp-move.xml"))
                .replace("dc-uuid=\"1\"", "dc-uuid=\"9\"").getBytes(StandardCharsets.UTF_8);
        Cluster cluster = CibReader.read("f", xml);
        UserError e = assertThrows(UserError.class, () -> MonitorReport.render(cluster,
                CibHeader.read("f", xml), NOW, ZoneOffset.UTC));
        assertTrue(e.getMessage().contains("dc-uuid 9"), e.getMessage());
    }

    @Test
    void anOfflineNodeWithFencingEnabledIsRefused() throws Exception {
        byte[] xml = failoverWithFencing();
        Cluster cluster = CibReader.read("f", xml);
        UserError e = assertThrows(UserError.class, () -> MonitorReport.render(cluster,
                CibHeader.read("f", xml), NOW, ZoneOffset.UTC));
        assertTrue(e.getMessage().contains("node pcmk-4 is offline with stonith-enabled=true"),
                e.getMessage());
    }

    /**
     * The live cluster knows which offline nodes are clean: those are OFFLINE, the others
     * crm_mon's nodes to fence.
     */
    @Test
    void anOfflineNodeKnownUncleanIsANodeToFenceAndAKnownCleanOneIsOffline() throws Exception {
        byte[] xml = failoverWithFencing();
        Cluster cluster = CibReader.read("f", xml);
        CibHeader header = CibHeader.read("f", xml);
        String unclean = MonitorReport.render(cluster, header, NOW, ZoneOffset.UTC,
                java.util.Set.of("pcmk-4"));
        assertTrue(unclean.contains("  * Node pcmk-4: UNCLEAN (offline)\n"), unclean);
        assertTrue(!unclean.contains("OFFLINE: [ pcmk-4"), unclean);
        String clean = MonitorReport.render(cluster, header, NOW, ZoneOffset.UTC,
                java.util.Set.of());
        assertTrue(clean.contains("  * OFFLINE: [ pcmk-4 ]\n"), clean);
    }

    /** failover.xml, whose node pcmk-4 is offline, with stonith-enabled=true. */
    private static byte[] failoverWithFencing() throws Exception {
        return Files.readString(Path.of("src/test/resources/cib/failover.xml"))
                .replace("name=\"stonith-enabled\" value=\"false\"",
                        "name=\"stonith-enabled\" value=\"true\"")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String render(Path file, ZoneId zone) throws Exception {
        return render(file, zone, false);
    }

    private static String render(Path file, ZoneId zone, boolean full) throws Exception {
        byte[] xml = Files.readAllBytes(file);
        return MonitorReport.render(CibReader.read(file.toString(), xml),
                CibHeader.read(file.toString(), xml), NOW, zone, full);
    }
}
