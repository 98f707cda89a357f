package io.bramble.it.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.cli.Main;
import io.bramble.testkit.exec.Exec;
import io.bramble.testkit.exec.ExecResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration files a package installs, each checked by the real tool and by bramble:
 * a row of the table the corpus tests print.
 */
final class ShippedConfigs {
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

    /** One file's two verdicts; {@code brambleSays} is bramble's standard error. */
    record Row(Path file, boolean realAccepts, boolean brambleAccepts, String brambleSays) {
        String name() {
            return file.getFileName().toString();
        }
    }

    private ShippedConfigs() {
    }

    /** The files in {@code folder} whose name matches {@code glob}, sorted; none if absent. */
    static List<Path> in(Path folder, String glob) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            var matcher = folder.getFileSystem().getPathMatcher("glob:" + glob);
            return files.filter(f -> Files.isRegularFile(f) && matcher.matches(f.getFileName()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks {@code file} with {@code real} (a command line) and {@code bramble ARGS FILE}. */
    static Row check(Path file, List<String> real, List<String> bramble) {
        List<String> realLine = new ArrayList<>(real);
        realLine.add(file.toString());
        ExecResult realResult = Exec.run(CHECK_TIMEOUT, realLine);
        List<String> ours = new ArrayList<>(bramble);
        ours.add(file.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(ours.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Row(file, realResult.ok(), exit == 0, err.toString());
    }

    /** The table, and the share of the files the real tool accepts that bramble accepts. */
    static String report(String tool, List<Row> rows) {
        StringBuilder out = new StringBuilder();
        for (Row row : rows) {
            String first = row.brambleSays().lines().filter(l -> !l.isBlank()
                    && !l.contains(": warning: ")).findFirst().orElse("");
            out.append(String.format("%-40s %-8s %-8s %s%n", row.name(), row.realAccepts()
                    ? "valid"
                    : "refused", row.brambleAccepts() ? "valid" : "refused",
                    row.brambleAccepts() ? "" : first));
        }
        long real = rows.stream().filter(Row::realAccepts).count();
        long both = rows.stream().filter(r -> r.realAccepts() && r.brambleAccepts()).count();
        out.append(String.format("bramble accepts %d of the %d files %s accepts%n", both, real,
                tool));
        return out.toString();
    }

    /**
     * Fails when a file named in {@code accepted} is refused (a regression), or when a refusal
     * does not name its file and line.
     */
    static void judge(List<Row> rows, Set<String> accepted) {
        for (Row row : rows) {
            if (accepted.contains(row.name())) {
                assertThat(row.brambleAccepts()).as("%s is accepted: %s", row.name(), row
                        .brambleSays()).isTrue();
            }
            if (row.brambleAccepts()) {
                continue;
            }
            assertThat(row.brambleSays()).as("%s: a refusal names the file and line", row
                    .name()).containsPattern(Pattern.quote(row.file().toString())
                            + ":[0-9]+");
        }
    }
}
