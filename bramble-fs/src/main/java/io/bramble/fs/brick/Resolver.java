package io.bramble.fs.brick;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;

/**
 * Turns volume paths into descriptors below the brick's root. Every directory on the way is
 * opened with {@code openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS)}: clients send paths the
 * kernel has already resolved, so a symbolic link in the middle of one is refused (ELOOP), and
 * no link or rename can make a call reach a file outside the brick.
 */
final class Resolver {
    /** openat2 fails with EAGAIN when a rename raced the walk; this many tries, then EAGAIN. */
    private static final int RACE_RETRIES_MAX = 16;

    private final int rootFd;

    /** @param rootFd the brick root, open for as long as this resolver is used */
    Resolver(int rootFd) {
        this.rootFd = rootFd;
    }

    /** The parent directory and name of {@code path}; the root is {@code (root, ".")}. */
    Located locate(FsPath path) throws FsException {
        if (path.isRoot()) {
            return new Located(rootFd, ".", false);
        }
        FsPath parent = path.parent();
        if (parent.isRoot()) {
            return new Located(rootFd, path.name(), false);
        }
        return new Located(open(parent, Libc.O_PATH | Libc.O_DIRECTORY), path.name(), true);
    }

    /** A new descriptor of directory {@code dir}, readable (for listings). */
    int openDirectory(FsPath dir) throws FsException {
        return open(dir, Libc.O_RDONLY | Libc.O_DIRECTORY);
    }

    private int open(FsPath dir, int flags) throws FsException {
        String relative = dir.isRoot() ? "." : String.join("/", dir.names());
        for (int attempt = 1;; attempt++) {
            try {
                return Libc.openBeneath(rootFd, relative, flags);
            } catch (FsException e) {
                if (e.errno() != Errno.EAGAIN || attempt == RACE_RETRIES_MAX) {
                    throw e;
                }
            }
        }
    }
}
