package io.bramble.testkit.exec;

import java.util.List;

/**
 * How a short command ended.
 *
 * @param command the command as run
 * @param exitCode its exit code; meaningless when {@code timedOut}
 * @param output stdout and stderr interleaved, cut at {@link Exec#OUTPUT_BYTES_MAX}
 * @param timedOut true when it was killed for running past its time limit
 */
public record ExecResult(List<String> command, int exitCode, String output, boolean timedOut) {
    public ExecResult {
        command = List.copyOf(command);
    }

    /** True when the command finished in time with exit code 0. */
    public boolean ok() {
        return !timedOut && exitCode == 0;
    }

    /** One paragraph for failure messages: the command, how it ended and what it printed. */
    public String describe() {
        String ending = timedOut
                ? "ran past its time limit and was killed"
                : "exited with code " + exitCode;
        String shown = output.isBlank() ? "(no output)" : output.strip();
        return "'" + String.join(" ", command) + "' " + ending + ": " + shown;
    }

    /** Returns this result when {@link #ok()}, else fails with {@link #describe()}. */
    public ExecResult orThrow() {
        if (!ok()) {
            throw new IllegalStateException(describe());
        }
        return this;
    }
}
