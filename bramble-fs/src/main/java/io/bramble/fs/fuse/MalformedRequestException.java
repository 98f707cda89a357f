package io.bramble.fs.fuse;

/**
 * A request whose body does not match its opcode's layout, or carries a name that is not
 * UTF-8. Answered with {@link #errno()}; serving goes on.
 */
final class MalformedRequestException extends Exception {
    private final int errno;

    MalformedRequestException(int errno, String detail) {
        super(detail, null, false, false);
        this.errno = errno;
    }

    int errno() {
        return errno;
    }
}
