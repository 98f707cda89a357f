package io.bramble.pool.node;

/** A command that failed with a message for the user (exit code 1). */
public final class CommandFailure extends RuntimeException {
    public CommandFailure(String message) {
        super(message);
    }
}
