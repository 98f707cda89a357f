package io.bramble.cluster.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bramble.cluster.cib.CibWriter;
import io.bramble.cluster.model.Cluster;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy engine on the scenario files under {@code policy-scenarios/}: each holds a
 * cluster ({@link Scenario}), a line {@code ----}, and the expected placement and changes.
 * Where crm_simulate is installed, Pacemaker must agree with the expected part too.
 * {@code -Dbramble.cluster.scenario.rewrite=true} writes bramble's output as the expected
 * part (read the diff before committing it).
 */
class PolicyScenarioTest {
    private static final String SEPARATOR = "----";

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException, URISyntaxException {
        Path folder = Path.of(getClass().getResource("/policy-scenarios").toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(),
                () -> check(f)));
    }

    private void check(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        int separator = lines.indexOf(SEPARATOR);
        Cluster cluster = Scenario.parse(lines.subList(0, separator));
        List<String> actual = render(PolicyEngine.schedule(cluster, Scenario.NOW));
        if (Boolean.getBoolean("bramble.cluster.scenario.rewrite")) {
            List<String> out = new ArrayList<>(lines.subList(0, separator + 1));
            out.addAll(actual);
            Files.write(sourceOf(file), out);
        }
        List<String> expected = lines.subList(separator + 1, lines.size());
        assertEquals(String.join("\n", expected), String.join("\n", actual), file.toString());
        if (CrmSimulate.available()) {
            CrmSimulate.Result pacemaker = CrmSimulate.run(dir, CibWriter.write(cluster),
                    Scenario.NOW);
            List<String> theirs = new ArrayList<>();
            pacemaker.placement().entrySet().stream().sorted(java.util.Map.Entry
                    .comparingByKey()).forEach(
                            e -> theirs.add(placementLine(e.getKey(),
                                    e.getValue())));
            List<String> ours = actual.stream().filter(l -> l.startsWith("placement ")).sorted()
                    .toList();
            assertEquals(ours, theirs.stream().sorted().toList(), "crm_simulate's placement");
            Set<String> oursChanges = new LinkedHashSet<>(actual.stream()
                    .filter(l -> !l.startsWith("placement ")).toList());
            assertEquals(pacemaker.changes(), oursChanges, "crm_simulate's changes");
        }
    }

    private static Path sourceOf(Path file) {
        return Path.of("src/test/resources/policy-scenarios").resolve(file.getFileName());
    }

    static List<String> render(Transition t) {
        List<String> out = new ArrayList<>();
        t.placement().forEach((r, node) -> out.add(placementLine(r, node)));
        t.changes().forEach(c -> out.add(c.brief()));
        return out;
    }

    private static String placementLine(String resource, java.util.Optional<String> node) {
        return "placement " + resource + " " + node.orElse("stopped");
    }
}
