package io.bramble.it.fs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Shell lines, each run as root or as a second user, in a folder, and what they printed: the
 * same script run in a local folder and in a mount must print the same transcript. Read from
 * a resource of {@code root: LINE} and {@code user: LINE}; {@code #} starts a comment.
 *
 * @param lines the lines in order
 */
record PosixScript(List<PosixScript.Line> lines) {
    /** The second user: an id that needs no entry in /etc/passwd. */
    static final int USER_ID = 1000;
    static final int GROUP_ID = 1000;
    private static final long LINE_TIMEOUT_SECONDS = 30;

    /**
     * One line of the script.
     *
     * @param asUser true to run it as {@link #USER_ID}, false as root
     * @param command what {@code sh -c} runs
     */
    record Line(boolean asUser, String command) {}

    static PosixScript load(String resource) {
        try (InputStream in = PosixScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            List<Line> lines = new ArrayList<>();
            int number = 0;
            for (String text : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                number++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                if (!text.startsWith("root: ") && !text.startsWith("user: ")) {
                    throw new IllegalArgumentException(resource + ":" + number + ": expected"
                            + " 'root: LINE' or 'user: LINE', got '" + text + "'");
                }
                lines.add(new Line(text.startsWith("user: "), text.substring(6)));
            }
            return new PosixScript(List.copyOf(lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs every line in {@code folder}; the transcript: each line, its output, its exit. */
    String runIn(Path folder) throws IOException, InterruptedException {
        StringBuilder transcript = new StringBuilder();
        Path output = Files.createTempFile("bramble-posix-", ".out");
        try {
            for (Line line : lines) {
                transcript.append(line.asUser() ? "user$ " : "root# ").append(line.command())
                        .append('\n').append(run(line, folder, output));
            }
        } finally {
            Files.delete(output);
        }
        return transcript.toString();
    }

    /**
     * What {@code line} printed, and its exit code when not 0. Output goes to a file, not a
     * pipe, so that a line stuck on the mount cannot hang the test past its time limit.
     */
    private static String run(Line line, Path folder, Path output) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>();
        if (line.asUser()) {
            command.addAll(List.of("setpriv", "--reuid=" + USER_ID, "--regid=" + GROUP_ID,
                    "--clear-groups"));
        }
        command.addAll(List.of("sh", "-c", line.command()));
        Process process = new ProcessBuilder(command).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).redirectInput(
                        ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        if (!process.waitFor(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
            return Files.readString(output) + "[still running after " + LINE_TIMEOUT_SECONDS
                    + " s]\n";
        }
        String printed = Files.readString(output);
        return process.exitValue() == 0
                ? printed
                : printed + "[exit " + process.exitValue()
                        + "]\n";
    }
}
