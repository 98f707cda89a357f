package io.bramble.testkit.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Signals by name through the {@code kill} command (Debian package procps), and the stopped
 * state read from {@code /proc}. Names, not numbers: signal numbers differ between
 * architectures.
 */
public final class Signals {
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

    private Signals() {
    }

    /** Sends {@code signal} (such as {@code STOP}, {@code CONT}, {@code KILL}) to {@code pid}. */
    public static void send(long pid, String signal) {
        Exec.run(KILL_TIMEOUT, List.of("kill", "-s", signal, Long.toString(pid))).orThrow();
    }

    /**
     * True when every thread of {@code pid} is stopped by a signal; a JVM stops thread by
     * thread, so one stopped thread does not mean it has stopped answering.
     */
    public static boolean isStopped(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.allMatch(task -> state(task).map(s -> s == 'T').orElse(true));
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + tasks, e);
        }
    }

    /** True when the process exists and its main thread is stopped by a signal. */
    public static boolean isMainThreadStopped(long pid) {
        return state(Path.of("/proc", Long.toString(pid))).map(s -> s == 'T').orElse(false);
    }

    /**
     * True when no process {@code pid} runs: none exists, or only its exit status is left (a
     * zombie its parent has not collected yet).
     */
    public static boolean hasEnded(long pid) {
        return state(Path.of("/proc", Long.toString(pid))).map(s -> s == 'Z' || s == 'X')
                .orElse(true);
    }

    /** The state letter of {@code /proc/PID[/task/TID]/stat}, empty when it is gone. */
    private static Optional<Character> state(Path procEntry) {
        try {
            String stat = Files.readString(procEntry.resolve("stat"));
            // The command name in parentheses may hold spaces and ')'; the state follows the
            // last ')'.
            int close = stat.lastIndexOf(')');
            return close < 0 || close + 2 >= stat.length()
                    ? Optional.empty()
                    : Optional.of(stat.charAt(close + 2));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            if (!Files.exists(procEntry)) {
                return Optional.empty();
            }
            throw new IllegalStateException("cannot read " + procEntry + "/stat", e);
        }
    }
}
