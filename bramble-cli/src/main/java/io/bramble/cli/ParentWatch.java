package io.bramble.cli;

import io.bramble.common.error.UserError;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * Ends this process when the process that started it is gone. A test JVM that is killed
 * (kill -9, a build timeout) cannot stop its children; with {@value #ENV} set to its pid, every
 * {@code bramble} it started exits on its own within seconds instead of holding ports and
 * addresses for the next run. Unset (the normal case for users), nothing is watched.
 */
final class ParentWatch {
    /** The environment variable naming the process whose end ends this one. */
    static final String ENV = "BRAMBLE_PARENT_PID";
    /** Exit code when the parent is gone: a failure at run time, not a clean stop. */
    static final int EXIT_PARENT_GONE = UserError.EXIT_RUNTIME;

    private ParentWatch() {
    }

    /**
     * Starts watching the pid in {@code value} when it is set; a daemon virtual thread exits the
     * process once that pid is gone. Throws a usage error when the value is not a pid.
     */
    static void start(String value, PrintWriter err) {
        if (value == null || value.isBlank()) {
            return;
        }
        long pid = parse(value.strip());
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty()) {
            exit(pid, err);
            return;
        }
        // Virtual threads are daemons: the watch never keeps a finished command alive.
        Thread.ofVirtual().name("parent-watch").start(() -> {
            parent.get().onExit().join();
            exit(pid, err);
        });
    }

    private static long parse(String text) {
        try {
            long pid = Long.parseLong(text);
            if (pid > 0) {
                return pid;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw UserError.usage(ENV + " must be a process id (a positive number), got '" + text
                + "'; unset it to run without a parent watch");
    }

    private static void exit(long pid, PrintWriter err) {
        err.println("bramble: stopping: the parent process " + pid + " (" + ENV + ") is gone");
        err.flush();
        System.exit(EXIT_PARENT_GONE);
    }
}
