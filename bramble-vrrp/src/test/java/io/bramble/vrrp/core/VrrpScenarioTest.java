package io.bramble.vrrp.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.vrrp.testing.DataDrivenFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the scenario files in {@code src/test/resources/io/bramble/vrrp/core/scenarios}: each
 * drives a few nodes through {@link ScenarioWorld} and must give exactly the recorded output.
 * {@code -Dbramble.rewrite=true} records the current output instead.
 */
class VrrpScenarioTest {
    private static final Path SCENARIOS = Path.of(
            "src/test/resources/io/bramble/vrrp/core/scenarios");

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(SCENARIOS)) {
            files = listing.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).as("scenario files in " + SCENARIOS.toAbsolutePath()).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(
                file.getFileName().toString(), file.toUri(), () -> runScenario(file)));
    }

    private static void runScenario(Path file) throws IOException {
        DataDrivenFile scenario = DataDrivenFile.read(file);
        ScenarioWorld world = new ScenarioWorld();
        String actual = scenario.runAll(world::run);
        if (DataDrivenFile.rewriting()) {
            scenario.rewrite(actual);
        } else {
            assertThat(actual).as(file.toString()).isEqualTo(scenario.expectedText());
        }
    }
}
