package io.bramble.testkit.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short command to its end, within a time limit. Output goes to a temporary file rather
 * than a pipe, so a background child that keeps the output open can never hang the caller.
 */
public final class Exec {
    /** Output kept per command; more is cut, the command still runs to its end. */
    public static final int OUTPUT_BYTES_MAX = 1 << 20;
    /** Time allowed for a killed command to be reaped. */
    private static final Duration REAP_TIMEOUT = Duration.ofSeconds(10);

    private Exec() {
    }

    /** Runs {@code command} and waits at most {@code timeout}; never throws for a failure. */
    public static ExecResult run(Duration timeout, List<String> command) {
        Path output = null;
        try {
            output = Files.createTempFile("bramble-exec-", ".out");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(REAP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            int exitCode = finished ? process.exitValue() : -1;
            return new ExecResult(command, exitCode, read(output), !finished);
        } catch (IOException e) {
            String missing = "cannot run '" + command.getFirst() + "': " + e.getMessage();
            return new ExecResult(command, 127, missing, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            deleteQuietly(output);
        }
    }

    /** Runs {@code command} with a time limit and fails unless it exits with code 0. */
    public static ExecResult check(Duration timeout, String... command) {
        return run(timeout, List.of(command)).orThrow();
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(OUTPUT_BYTES_MAX);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return in.read() < 0 ? text : text + "\n[output cut at " + OUTPUT_BYTES_MAX + " bytes]";
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
