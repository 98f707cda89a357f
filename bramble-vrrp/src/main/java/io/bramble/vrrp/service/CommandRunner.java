package io.bramble.vrrp.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs track and notify scripts as keepalived does: the program directly (no shell), its
 * output discarded, killed when it overruns its timeout; as another user through
 * {@code runuser} when one is configured (which needs root).
 */
public final class CommandRunner {
    /** A script's outcome: its exit code, or what went wrong when it had none. */
    public record Result(int exitCode, String problem) {
        public boolean success() {
            return exitCode == 0 && problem.isEmpty();
        }
    }

    private final String defaultUser;

    /** @param defaultUser {@code USER} or {@code USER:GROUP}; empty for this process's user */
    public CommandRunner(String defaultUser) {
        this.defaultUser = defaultUser;
    }

    public Result run(List<String> command, String user, long timeoutMs) {
        List<String> full = withUser(command, user.isEmpty() ? defaultUser : user);
        Process process;
        try {
            process = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return new Result(-1, "cannot start " + command.getFirst() + ": " + e.getMessage());
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutMs + " ms");
            }
            return new Result(process.exitValue(), "");
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static List<String> withUser(List<String> command, String user) {
        if (user.isEmpty()) {
            return command;
        }
        List<String> full = new ArrayList<>(List.of("runuser"));
        int colon = user.indexOf(':');
        if (colon < 0) {
            full.addAll(List.of("-u", user));
        } else {
            full.addAll(List.of("-u", user.substring(0, colon), "-g", user.substring(colon
                    + 1)));
        }
        full.add("--");
        full.addAll(command);
        return full;
    }
}
