package io.bramble.cluster.pcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.cluster.cib.CibHeader;
import io.bramble.cluster.cib.CibReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bramble cluster status}'s text beside {@code pcs -f FILE --corosync_conf=CONF status}
 * (pcs needs a corosync.conf with -f; the test writes one whose cluster_name is the CIB's
 * cluster-name). Lines are compared one by one except crm_mon's Last updated, which is pcs's
 * wall clock.
 */
class PcsStatusTest {
    private static final Path PCS = Path.of("/usr/sbin/pcs");
    private static final long TIMEOUT_SECONDS = 120;
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {"cib/webapp-move.xml", "cib/failover.xml",
                    "crm_mon/no-resources.xml", "crm_mon/stonith-enabled-moved.xml",
                    "crm_mon/two-moved.xml"})
    void linesArePcss(String name) throws Exception {
        assumeTrue(Files.isExecutable(PCS), "pcs is not installed at " + PCS + ": install pcs"
                + " to compare bramble cluster status with pcs status");
        Path file = Path.of("src/test/resources", name);
        List<String> theirs = pcsStatus(file).lines().toList();
        List<String> ours = render(file).lines().toList();
        assertEquals(theirs.size(), ours.size(), String.join("\n", theirs));
        for (int i = 0; i < theirs.size(); i++) {
            if (!theirs.get(i).startsWith("  * Last updated: ")) {
                assertEquals(theirs.get(i), ours.get(i), "line " + (i + 1) + " of " + name);
            }
        }
    }

    @Test
    void withoutAClusterNameTheLineIsLeftEmpty() throws Exception {
        Path named = Path.of("src/test/resources/crm_mon/no-resources.xml");
        String xml = Files.readString(named).replaceAll("<nvpair [^>]*cluster-name[^>]*/>", "");
        String text = render(Files.writeString(dir.resolve("unnamed.xml"), xml));
        assertTrue(text.startsWith("Cluster name: \nCluster Summary:\n"), text);
    }

    @Test
    void withFencingEnabledWithoutADevicePcsWarns() throws Exception {
        String text = render(Path.of("src/test/resources/crm_mon/stonith-enabled-moved.xml"));
        assertTrue(text.startsWith("Cluster name: webapp\n\nWARNINGS:\n"
                + "No stonith devices and stonith-enabled is not false\n"), text);
    }

    @Test
    void warningsComeBetweenTheNameAndCrmMonsText() throws Exception {
        String text = render(Path.of("src/test/resources/crm_mon/two-moved.xml"));
        assertTrue(text.startsWith("Cluster name: mailweb\n\nWARNINGS:\n"
                + "Following resources have been moved and their move constraints are still in"
                + " place: 'archive', 'web'\n"), text);
        assertTrue(text.contains(" to view or remove the constraints, respectively\n\n"
                + "Cluster Summary:\n"), text);
    }

    private static String render(Path file) throws IOException {
        byte[] xml = Files.readAllBytes(file);
        return PcsStatus.render(CibReader.read(file.toString(), xml),
                CibHeader.read(file.toString(), xml), NOW, ZoneOffset.UTC);
    }

    private String pcsStatus(Path cib) throws Exception {
        byte[] xml = Files.readAllBytes(cib);
        String name = CibHeader.read(cib.toString(), xml).clusterName()
                .map(n -> " cluster_name: " + n + "\n").orElse("");
        Path corosync = Files.writeString(dir.resolve("corosync.conf"),
                "totem {\n version: 2\n" + name + " transport: knet\n}\n");
        Path copy = Files.write(dir.resolve("cib.xml"), xml);
        ProcessBuilder builder = new ProcessBuilder(PCS.toString(), "-f", copy.toString(),
                "--corosync_conf=" + corosync, "status").redirectErrorStream(true);
        builder.environment().put("TZ", "UTC");
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("pcs took longer than " + TIMEOUT_SECONDS + " s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), text);
        return text;
    }
}
