package io.bramble.fs.brick;

/**
 * A file named by a descriptor of its parent directory and its name there, so that every call
 * on it resolves only that last name. The brick's root is {@code (root, ".")}.
 *
 * @param ownsDir whether closing this closes {@code dirFd} (the root's is never closed here)
 */
record Located(int dirFd, String name, boolean ownsDir) implements AutoCloseable {
    /**
     * A path to an open file for the calls that take no descriptor: procfs resolves
     * {@code /proc/self/fd/N} to exactly that file, so no symbolic link or concurrent rename
     * can lead the call anywhere else.
     */
    static String procPath(int fd) {
        return "/proc/self/fd/" + fd;
    }

    @Override
    public void close() {
        if (ownsDir) {
            Libc.close(dirFd);
        }
    }
}
