package io.bramble.cluster.pcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.cluster.exec.NodeAgents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pcs scripts of {@code src/test/resources/pcs/} run line by line through Debian's pcs
 * ({@code pcs -f FILE …}) and through bramble's grammar, each from the same CIB: after every
 * line the exit codes, stdout and stderr must be the same, and so must the CIB's
 * configuration once normalised (elements in document order, each with its attributes
 * sorted by name; whitespace and epochs left out). Needs pcs and Pacemaker's daemons (pcs
 * reads the cluster properties' definitions from them) and the stock resource agents. The
 * scripts run two at a time (each in a folder of its own): pcs keeps one core busy.
 */
@Execution(ExecutionMode.CONCURRENT)
class PcsDifferentialTest {
    /** What a pcs command gets to finish; pcs -f takes about half a second. */
    private static final long PCS_TIMEOUT_SECONDS = 60;
    private static final Path PCS = Path.of("/usr/sbin/pcs");
    private static final Path SCHEDULER = Path.of("/usr/lib/pacemaker/pacemaker-schedulerd");
    private static final Path IPADDR2 = Path.of("/usr/lib/ocf/resource.d/heartbeat/IPaddr2");
    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(
            strings = {"seed003", "rhel-guide", "groups", "constraints", "properties",
                    "agents", "manage"})
    void bramblesGrammarDoesWhatPcsDoes(String script) throws Exception {
        assumeTrue(Files.isExecutable(PCS) && Files.isExecutable(SCHEDULER)
                && Files.exists(IPADDR2),
                "pcs, pacemaker or resource-agents is not installed "
                        + "(apt-get install pcs pacemaker resource-agents): the comparison "
                        + "with pcs is skipped");
        Path pcsFile = folder.resolve("pcs.xml");
        Files.writeString(pcsFile, PcsTest.START);
        CibElement cib = CibElement.parse(PcsTest.START.getBytes(StandardCharsets.UTF_8));
        try (NodeAgents node = NodeAgents.start("localhost", folder.resolve("agents"),
                e -> {
                }, 1)) {
            AgentSource agents = new NodeAgentsSource(node);
            for (String line : lines(script)) {
                List<String> words = Arrays.asList(line.split(" +"));
                Run pcs = pcs(pcsFile, words);
                PcsResult bramble = Pcs.run(PcsOptions.parse(words), cib, agents);
                cib = bramble.cib().orElse(cib);
                String step = script + ": " + line;
                assertThat(bramble.exitCode()).as(step + " (exit code)").isEqualTo(pcs.exitCode);
                assertThat(fromPacemakerNodes(words, bramble.out())).as(step + " (stdout)")
                        .isEqualTo(fromPacemakerNodes(words, pcs.out));
                assertThat(split(bramble.err())).as(step + " (stderr)").isEqualTo(pcs.err);
                assertThat(normalised(cib)).as(step + " (CIB)").isEqualTo(normalised(
                        CibElement.parse(Files.readAllBytes(pcsFile))));
            }
        }
    }

    private static List<String> lines(String script) throws IOException {
        try (InputStream in = PcsDifferentialTest.class.getResourceAsStream("/pcs/" + script
                + ".pcs")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    private record Run(int exitCode, List<String> out, List<String> err) {}

    private Run pcs(Path file, List<String> words) throws Exception {
        List<String> command = new ArrayList<>(List.of(PCS.toString(), "-f", file.toString()));
        command.addAll(words);
        Path out = folder.resolve("out");
        Path err = folder.resolve("err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        if (!process.waitFor(PCS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("pcs took over " + PCS_TIMEOUT_SECONDS + " s: " + command);
        }
        return new Run(process.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
    }

    /**
     * {@code config}'s output from its {@code Pacemaker Nodes:} line on: the cluster name
     * and corosync's nodes above it come from this machine's corosync.conf, which pcs reads
     * even with -f. Other commands' output as it is.
     */
    private static List<String> fromPacemakerNodes(List<String> words, List<String> out) {
        int at = out.indexOf("Pacemaker Nodes:");
        return words.getFirst().equals("config") && at >= 0 ? out.subList(at, out.size()) : out;
    }

    /** Messages of several lines as pcs prints them, one line each. */
    private static List<String> split(List<String> lines) {
        return lines.stream().flatMap(String::lines).toList();
    }

    /** The configuration, one element a line, indented by depth, attributes by name. */
    static String normalised(CibElement cib) {
        StringBuilder text = new StringBuilder();
        write(cib.children().stream().filter(c -> c.name().equals("configuration"))
                .findFirst().orElseThrow(), 0, text);
        return text.toString();
    }

    private static void write(CibElement element, int depth, StringBuilder text) {
        text.append("  ".repeat(depth)).append(element.name());
        Map<String, String> sorted = new TreeMap<>(element.attributes());
        sorted.forEach((k, v) -> text.append(' ').append(k).append("=\"").append(v)
                .append('"'));
        text.append('\n');
        element.children().forEach(c -> write(c, depth + 1, text));
    }
}
