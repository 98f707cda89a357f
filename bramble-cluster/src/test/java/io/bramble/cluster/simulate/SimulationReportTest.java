package io.bramble.cluster.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.cluster.cib.CibReader;
import io.bramble.cluster.model.Cluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bramble cluster simulate}'s report beside crm_simulate's on the same CIB files:
 * the sections Current cluster status, Transition Summary and Revised Cluster Status must be
 * the same text, tabs and padding included.
 */
class SimulationReportTest {
    /** 2023-11-14T22:13:20Z: the failures in the files are 100 s old. */
    private static final long NOW = 1_700_000_000L;
    private static final List<String> HEADINGS = List.of("Current cluster status:",
            "Transition Summary:", "Revised Cluster Status:");

    @ParameterizedTest
    @ValueSource(strings = {"webapp-move.xml", "failover.xml", "groups-quorum-lost.xml"})
    void sectionsAreCrmSimulates(String name) throws Exception {
        Path crmSimulate = Path.of("/usr/sbin/crm_simulate");
        assumeTrue(Files.isExecutable(crmSimulate), "crm_simulate is not installed: install"
                + " pacemaker-cli-utils to compare the report with Pacemaker's");
        Path file = Path.of("src/test/resources/cib", name);
        Cluster cluster = CibReader.read(name, Files.readAllBytes(file));
        String ours = SimulationReport.render(cluster, true, NOW);
        String theirs = run(crmSimulate, file);
        for (String heading : HEADINGS) {
            assertEquals(section(theirs, heading), section(ours, heading), heading);
        }
        assertEquals(disabledLine(theirs), disabledLine(ours));
    }

    private static String disabledLine(String text) {
        return text.lines().filter(l -> l.contains("DISABLED")).findFirst().orElse("");
    }

    private static String run(Path binary, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(binary.toString(), "-x", file.toString(), "-S", "-t",
                Instant.ofEpochSecond(NOW).toString()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("crm_simulate did not finish");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The heading's lines up to the next unindented line, trailing blank lines dropped. */
    static List<String> section(String text, String heading) {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String line : text.split("\n", -1)) {
            if (line.equals(heading)) {
                in = true;
            } else if (in && !line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                break;
            } else if (in) {
                lines.add(line);
            }
        }
        while (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }
}
