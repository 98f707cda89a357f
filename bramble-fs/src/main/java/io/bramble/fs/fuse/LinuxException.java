package io.bramble.fs.fuse;

import java.io.IOException;

/** A Linux call failed: what was attempted, the errno and the system's words for it. */
final class LinuxException extends IOException {
    private final int errno;

    LinuxException(String what, int errno) {
        super(what + ": " + Libc.strerror(errno) + " (errno " + errno + ")");
        this.errno = errno;
    }

    int errno() {
        return errno;
    }
}
