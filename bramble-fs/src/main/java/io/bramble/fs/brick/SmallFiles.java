package io.bramble.fs.brick;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Small files of the brick's own folder, written whole and replaced atomically (a temporary
 * name, then a rename), so that a crash leaves the old content or the new, never a mix. Errors
 * keep their errno: a full disk is ENOSPC here as for client data.
 */
final class SmallFiles {
    private static final int FILE_MODE = 0600;

    private SmallFiles() {
    }

    /**
     * Writes {@code content} as {@code name} in {@code dirFd}. Callers serialize writes of one
     * name (the temporary name is derived from it).
     */
    static void write(int dirFd, String name, byte[] content) throws FsException {
        String temporary = name + ".tmp";
        int fd = Libc.openat(dirFd, temporary, Libc.O_WRONLY | Libc.O_CREAT | Libc.O_TRUNC
                | Libc.O_NOFOLLOW, FILE_MODE);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment data = arena.allocate(Math.max(1, content.length));
            MemorySegment.copy(content, 0, data, JAVA_BYTE, 0, content.length);
            int written = 0;
            while (written < content.length) {
                written += Libc.pwrite(fd, data.asSlice(written, content.length - written),
                        written);
            }
        } catch (FsException e) {
            Libc.close(fd);
            removeQuietly(dirFd, temporary);
            throw e;
        }
        Libc.close(fd);
        try {
            Libc.renameat2(dirFd, temporary, dirFd, name, 0);
        } catch (FsException e) {
            removeQuietly(dirFd, temporary);
            throw e;
        }
    }

    /** The content of {@code name}, at most {@code bytesMax} bytes; null when it is missing. */
    static byte[] read(int dirFd, String name, int bytesMax) throws FsException {
        int fd;
        try {
            fd = Libc.openat(dirFd, name, Libc.O_RDONLY | Libc.O_NOFOLLOW, 0);
        } catch (FsException e) {
            if (e.errno() == Errno.ENOENT) {
                return null;
            }
            throw e;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(bytesMax);
            int total = 0;
            int n;
            while (total < bytesMax && (n = Libc.pread(fd, buffer.asSlice(total), total)) > 0) {
                total += n;
            }
            return buffer.asSlice(0, total).toArray(JAVA_BYTE);
        } finally {
            Libc.close(fd);
        }
    }

    /** Removes {@code name}; a missing file is not an error. */
    static void remove(int dirFd, String name) throws FsException {
        try {
            Libc.unlinkat(dirFd, name, 0);
        } catch (FsException e) {
            if (e.errno() != Errno.ENOENT) {
                throw e;
            }
        }
    }

    private static void removeQuietly(int dirFd, String name) {
        try {
            remove(dirFd, name);
        } catch (FsException ignored) {
            // the temporary name is rewritten by the next write
        }
    }
}
