package io.bramble.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Tests as data: each input file has a {@code NAME.expected} file next to it holding the exact
 * output it must give. Run with {@code -Dbramble.rewrite=true} to regenerate the expected
 * files from the current output (then review the diff).
 */
final class ExpectedFiles {
    static final Path ROOT = Path.of("src/test/resources/config");

    private ExpectedFiles() {
    }

    /** One test per file in {@code folder} ending with {@code suffix}. */
    static Stream<DynamicTest> tests(String folder, String suffix, Function<Path, String> run) {
        Path dir = ROOT.resolve(folder);
        List<Path> inputs;
        try (Stream<Path> files = Files.list(dir)) {
            inputs = files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(inputs).as("test inputs in " + dir).isNotEmpty();
        return inputs.stream().map(input -> DynamicTest.dynamicTest(
                input.getFileName().toString(), () -> check(input, run.apply(input))));
    }

    static void check(Path input, String actual) throws IOException {
        Path expectedFile = input.resolveSibling(input.getFileName() + ".expected");
        if (Boolean.getBoolean("bramble.rewrite")) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(expectedFile).as("expected output (create it with -Dbramble.rewrite=true)")
                .exists();
        String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
        assertThat(actual).as("output of " + input).isEqualTo(expected);
    }

    /** Messages with the test folder's path cut, so expected files do not depend on it. */
    static String messages(Diagnostics diagnostics, Path dir) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics.all()) {
            out.append(d.toString().replace(dir + "/", "")).append('\n');
        }
        return out.toString();
    }
}
