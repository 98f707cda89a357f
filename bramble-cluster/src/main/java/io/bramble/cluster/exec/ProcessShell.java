package io.bramble.cluster.exec;

import io.bramble.common.os.LinuxException;
import io.bramble.common.time.Clock;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs one agent process as Pacemaker's executor does: in a process group of its own
 * ({@code setsid}), with exactly the environment given, stdin from a file (or
 * {@code /dev/null}), stdout and stderr to files (a daemon the agent leaves behind holding
 * them open can never hang the caller), and on timeout SIGKILL to the whole group. Only the
 * agent itself is waited for; what it started and detached keeps running.
 */
public final class ProcessShell {
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    /** Time allowed for a killed group's leader to be reaped. */
    private static final long REAP_MS = 10_000;

    private final Clock clock;
    private final Path scratch;

    /**
     * @param clock measures durations
     * @param scratch a folder bramble owns, for the output files of running actions
     */
    public ProcessShell(Clock clock, Path scratch) {
        this.clock = clock;
        this.scratch = scratch;
    }

    /**
     * One finished run.
     *
     * @param exitCode the process's exit code (-1 after a kill)
     * @param timedOut whether it was killed at its timeout
     * @param stdout bounded ({@link OutputExcerpt})
     * @param stderr bounded
     * @param durationMs from start to end
     */
    public record Run(int exitCode, boolean timedOut, String stdout, String stderr,
            long durationMs) {
        /** stdout then stderr, as one text for logs. */
        public String output() {
            return stderr.isEmpty()
                    ? stdout
                    : stdout.isEmpty()
                            ? stderr
                            : stdout + (stdout.endsWith("\n") ? "" : "\n") + stderr;
        }
    }

    /** Runs {@code command}; fails only when the program cannot be started at all. */
    public Run run(List<String> command, Map<String, String> environment,
            Optional<String> stdin, long timeoutMs) throws IOException {
        return run(command, environment, stdin, timeoutMs, 0);
    }

    /**
     * As {@link #run(List, Map, Optional, long)}, with stdout kept whole up to
     * {@code stdoutBytesMax} (cut there) when that is above 0: for documents such as
     * meta-data, which an excerpt would break.
     */
    public Run run(List<String> command, Map<String, String> environment,
            Optional<String> stdin, long timeoutMs, int stdoutBytesMax) throws IOException {
        Files.createDirectories(scratch);
        Path out = Files.createTempFile(scratch, "action-", ".out");
        Path err = Files.createTempFile(scratch, "action-", ".err");
        Path in = stdin.isPresent() ? Files.createTempFile(scratch, "action-", ".in") : null;
        try {
            if (in != null) {
                Files.writeString(in, stdin.get());
            }
            List<String> argv = new ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                argv.add(SETSID.toString());
            }
            argv.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(argv)
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(in != null ? in.toFile() : Path.of("/dev/null").toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            long started = clock.nanoTime();
            Process process = builder.start();
            boolean finished = waitFor(process, timeoutMs);
            if (!finished) {
                killGroup(process);
            }
            long durationMs = (clock.nanoTime() - started) / 1_000_000L;
            String stdout = stdoutBytesMax > 0 ? whole(out, stdoutBytesMax) : excerpt(out);
            return new Run(finished ? process.exitValue() : -1, !finished, stdout,
                    excerpt(err), durationMs);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            if (in != null) {
                Files.deleteIfExists(in);
            }
        }
    }

    private static boolean waitFor(Process process, long timeoutMs) {
        try {
            return process.waitFor(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killGroup(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while an agent ran", e);
        }
    }

    /** SIGKILL to the group setsid made (its id is the agent's pid), then reaps the agent. */
    private static void killGroup(Process process) {
        try {
            if (Files.isExecutable(SETSID)) {
                Libc.killGroup(process.pid(), Libc.SIGKILL);
            }
        } catch (LinuxException e) {
            // The group is gone already, or was never ours: fall back to the descendants.
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(REAP_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String whole(Path file, int bytesMax) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return new String(in.readNBytes(bytesMax), StandardCharsets.UTF_8);
        }
    }

    /** The file's first and last bytes, as {@link OutputExcerpt} bounds them. */
    static String excerpt(Path file) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long size = raf.length();
            int headBytes = (int) Math.min(size, OutputExcerpt.HEAD_BYTES);
            byte[] head = new byte[headBytes];
            raf.readFully(head);
            int tailBytes = (int) Math.min(size - headBytes, OutputExcerpt.TAIL_BYTES);
            byte[] tail = new byte[tailBytes];
            raf.seek(size - tailBytes);
            raf.readFully(tail);
            return OutputExcerpt.of(new String(head, StandardCharsets.UTF_8),
                    new String(tail, StandardCharsets.UTF_8), size, headBytes, tailBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an agent's output " + file, e);
        }
    }
}
