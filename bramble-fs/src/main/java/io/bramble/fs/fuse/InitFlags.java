package io.bramble.fs.fuse;

import java.util.ArrayList;
import java.util.List;

/**
 * The capability bits of {@code fuse_init_in.flags} and {@code fuse_init_out.flags}. The
 * kernel offers a set; the answer may only take bits from it. Values are the kernel's.
 */
final class InitFlags {
    private InitFlags() {
    }

    static final int ASYNC_READ = 1;
    static final int POSIX_LOCKS = 1 << 1;
    static final int ATOMIC_O_TRUNC = 1 << 3;
    static final int EXPORT_SUPPORT = 1 << 4;
    static final int BIG_WRITES = 1 << 5;
    static final int DONT_MASK = 1 << 6;
    static final int FLOCK_LOCKS = 1 << 10;
    static final int AUTO_INVAL_DATA = 1 << 12;
    static final int DO_READDIRPLUS = 1 << 13;
    static final int READDIRPLUS_AUTO = 1 << 14;
    static final int ASYNC_DIO = 1 << 15;
    static final int WRITEBACK_CACHE = 1 << 16;
    static final int PARALLEL_DIROPS = 1 << 18;
    static final int HANDLE_KILLPRIV = 1 << 19;
    static final int POSIX_ACL = 1 << 20;
    static final int MAX_PAGES = 1 << 22;
    static final int CACHE_SYMLINKS = 1 << 23;

    private static final List<String> NAMES = List.of("ASYNC_READ", "POSIX_LOCKS", "FILE_OPS",
            "ATOMIC_O_TRUNC", "EXPORT_SUPPORT", "BIG_WRITES", "DONT_MASK", "SPLICE_WRITE",
            "SPLICE_MOVE", "SPLICE_READ", "FLOCK_LOCKS", "HAS_IOCTL_DIR", "AUTO_INVAL_DATA",
            "DO_READDIRPLUS", "READDIRPLUS_AUTO", "ASYNC_DIO", "WRITEBACK_CACHE",
            "NO_OPEN_SUPPORT", "PARALLEL_DIROPS", "HANDLE_KILLPRIV", "POSIX_ACL", "ABORT_ERROR",
            "MAX_PAGES", "CACHE_SYMLINKS", "NO_OPENDIR_SUPPORT", "EXPLICIT_INVAL_DATA",
            "MAP_ALIGNMENT", "SUBMOUNTS", "HANDLE_KILLPRIV_V2", "SETXATTR_EXT", "INIT_EXT",
            "INIT_RESERVED");

    /** The names of the bits set in {@code flags}, lowest first, for logs and reports. */
    static List<String> names(int flags) {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < Integer.SIZE; bit++) {
            if ((flags & (1 << bit)) != 0) {
                names.add(NAMES.get(bit));
            }
        }
        return names;
    }
}
