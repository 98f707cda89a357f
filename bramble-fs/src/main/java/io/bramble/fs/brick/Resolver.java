package io.bramble.fs.brick;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns volume paths into descriptors below the brick's root. Every directory on the way is
 * opened with {@code openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS)}: clients send paths the
 * kernel has already resolved, so a symbolic link in the middle of one is refused (ELOOP), and
 * no link or rename can make a call reach a file outside the brick. A path longer than the
 * kernel takes in one call (PATH_MAX) is opened in steps, each below the directory the step
 * before opened: trees are as deep in a volume as on a local disk.
 */
final class Resolver {
    /** openat2 fails with EAGAIN when a rename raced the walk; this many tries, then EAGAIN. */
    private static final int RACE_RETRIES_MAX = 16;
    /** The longest path one openat2 takes: PATH_MAX (4096) less its NUL. */
    static final int STEP_BYTES_MAX = 4095;

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
        if (dir.isRoot()) {
            return openRetrying(rootFd, ".", flags);
        }
        List<String> names = dir.names();
        int from = 0;
        int at = rootFd;
        try {
            while (true) {
                int to = stepEnd(names, from);
                boolean last = to == names.size();
                int opened = openRetrying(at, String.join("/", names.subList(from, to)), last
                        ? flags
                        : Libc.O_PATH | Libc.O_DIRECTORY);
                if (at != rootFd) {
                    Libc.close(at);
                }
                at = opened;
                if (last) {
                    return at;
                }
                from = to;
            }
        } catch (FsException e) {
            if (at != rootFd) {
                Libc.close(at);
            }
            throw e;
        }
    }

    /**
     * The end (exclusive) of the step that starts at name {@code from}: as many names as fit in
     * {@link #STEP_BYTES_MAX} bytes with their slashes, and at least one (a name has at most
     * 255 bytes).
     */
    static int stepEnd(List<String> names, int from) {
        int bytes = names.get(from).getBytes(StandardCharsets.UTF_8).length;
        int to = from + 1;
        while (to < names.size()) {
            bytes += 1 + names.get(to).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > STEP_BYTES_MAX) {
                break;
            }
            to++;
        }
        return to;
    }

    private static int openRetrying(int dirFd, String relative, int flags) throws FsException {
        for (int attempt = 1;; attempt++) {
            try {
                return Libc.openBeneath(dirFd, relative, flags);
            } catch (FsException e) {
                if (e.errno() != Errno.EAGAIN || attempt == RACE_RETRIES_MAX) {
                    throw e;
                }
            }
        }
    }
}
