package io.bramble.fs.ops;

/** The {@code open(2)} flags the layers look at (Linux x86-64 and arm64 values). */
public final class OpenFlags {
    private OpenFlags() {
    }

    public static final int ACCESS_MASK = 03;
    public static final int RDONLY = 0;
    public static final int WRONLY = 01;
    public static final int RDWR = 02;
    public static final int CREAT = 0100;
    public static final int EXCL = 0200;
    public static final int TRUNC = 01000;
    public static final int APPEND = 02000;
    public static final int DSYNC = 010000;
    public static final int SYNC = 04010000;

    public static boolean writes(int flags) {
        return (flags & ACCESS_MASK) != RDONLY;
    }

    /** Whether every write must reach the disk before it is acknowledged. */
    public static boolean synchronous(int flags) {
        return (flags & DSYNC) != 0;
    }
}
