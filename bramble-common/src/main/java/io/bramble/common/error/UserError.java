package io.bramble.common.error;

/**
 * A failure the user can fix: a bad argument, a config mistake, a port already taken. The
 * message is shown as is, without a stack trace, so it must say what went wrong and what to
 * do about it.
 */
public class UserError extends RuntimeException {
    /** Exit code for a usage or configuration error. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for a failure at run time. */
    public static final int EXIT_RUNTIME = 1;

    private final int exitCode;

    public UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserError(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A mistake in how bramble was called or configured (exit code 2). */
    public static UserError usage(String message) {
        return new UserError(EXIT_USAGE, message);
    }

    /** A failure while running that the user can act on (exit code 1). */
    public static UserError runtime(String message, Throwable cause) {
        return new UserError(EXIT_RUNTIME, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
