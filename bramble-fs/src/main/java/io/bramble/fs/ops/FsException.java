package io.bramble.fs.ops;

/**
 * A file operation failed with an errno the application will see. Carries no stack trace:
 * ENOENT on a lookup is an answer, not an accident.
 */
public final class FsException extends Exception {
    private final int errno;

    public FsException(int errno, String detail) {
        super(Errno.name(errno) + (detail.isEmpty() ? "" : ": " + detail), null, false, false);
        this.errno = errno;
    }

    public FsException(int errno) {
        this(errno, "");
    }

    /** The positive errno, such as {@link Errno#ENOENT}. */
    public int errno() {
        return errno;
    }
}
