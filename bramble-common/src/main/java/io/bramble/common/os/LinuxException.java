package io.bramble.common.os;

import java.io.IOException;

/** A Linux call failed: what was attempted, the errno and the system's words for it. */
public final class LinuxException extends IOException {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int ENODEV = 19;
    public static final int EINVAL = 22;
    public static final int EADDRNOTAVAIL = 99;

    private final int errno;

    public LinuxException(String what, int errno) {
        super(what + ": " + NativeCalls.strerror(errno) + " (errno " + errno + ")");
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }

    /** True for "operation not permitted" and "permission denied": not running as root. */
    public boolean permissionDenied() {
        return errno == EPERM || errno == EACCES;
    }
}
