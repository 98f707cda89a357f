package io.bramble.vrrp.testing;

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
 * Tests as data with the output in a file of its own: {@code NAME.conf} is checked against
 * {@code NAME.conf.expected}. {@code -Dbramble.rewrite=true} writes the expected files from
 * the current output instead (review the diff).
 */
public final class ExpectedOutput {
    private ExpectedOutput() {
    }

    /** One test per file of {@code folder} ending with {@code suffix}. */
    public static Stream<DynamicTest> tests(Path folder, String suffix,
            Function<Path, String> run) {
        List<Path> inputs;
        try (Stream<Path> files = Files.list(folder)) {
            inputs = files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(inputs).as("test inputs in " + folder.toAbsolutePath()).isNotEmpty();
        return inputs.stream().map(input -> DynamicTest.dynamicTest(input.getFileName()
                .toString(), input.toUri(), () -> check(input, run.apply(input))));
    }

    public static void check(Path input, String actual) throws IOException {
        Path expectedFile = input.resolveSibling(input.getFileName() + ".expected");
        if (DataDrivenFile.rewriting()) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(expectedFile).as("expected output (create it with -Dbramble.rewrite=true)")
                .exists();
        assertThat(actual).as("output of " + input).isEqualTo(Files.readString(expectedFile,
                StandardCharsets.UTF_8));
    }
}
