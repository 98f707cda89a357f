package io.bramble.fs.brick;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Extended attributes of a name in an open directory, never following a final link. Linux
 * 6.13 and later do it in one call ({@code getxattrat} and its kin); older kernels get the
 * same through the path {@code /proc/self/fd/DIR/NAME}, which procfs resolves to exactly that
 * directory, at the price of a longer lookup. Values are read into the thread's scratch buffer
 * first and only a longer one is sized by asking the kernel: most values are a few bytes.
 */
final class Xattrs {
    /** A value that keeps growing between the size query and the read gives up after this. */
    private static final int TRIES_MAX = 4;

    /** Whether the kernel has the {@code *xattrat} calls; cleared at the first ENOSYS. */
    private static volatile boolean atCalls = true;

    private Xattrs() {
    }

    @FunctionalInterface
    private interface Fill {
        int into(MemorySegment buffer) throws FsException;
    }

    @FunctionalInterface
    private interface AtCall<T> {
        T run() throws FsException;
    }

    static byte[] get(int dirFd, String name, String attr) throws FsException {
        return either(() -> read(buffer -> Libc.getxattrat(dirFd, name, attr, buffer),
                LocalBrick.XATTR_VALUE_BYTES_MAX), () -> get(path(dirFd, name), attr));
    }

    static void set(int dirFd, String name, String attr, byte[] value, int flags)
            throws FsException {
        either(() -> {
            Libc.setxattrat(dirFd, name, attr, value, flags);
            return null;
        }, () -> {
            Libc.lsetxattr(path(dirFd, name), attr, value, flags);
            return null;
        });
    }

    static void remove(int dirFd, String name, String attr) throws FsException {
        either(() -> {
            Libc.removexattrat(dirFd, name, attr);
            return null;
        }, () -> {
            Libc.lremovexattr(path(dirFd, name), attr);
            return null;
        });
    }

    /** The attribute names of {@code name}, as stored. */
    static List<String> list(int dirFd, String name) throws FsException {
        return either(() -> names(read(buffer -> Libc.listxattrat(dirFd, name, buffer),
                LocalBrick.XATTR_LIST_BYTES_MAX)), () -> list(path(dirFd, name)));
    }

    /** An attribute of an open file. */
    static byte[] get(int fd, String attr) throws FsException {
        return read(buffer -> Libc.fgetxattr(fd, attr, buffer),
                LocalBrick.XATTR_VALUE_BYTES_MAX);
    }

    /** The attribute names of an open file, as stored. */
    static List<String> list(int fd) throws FsException {
        return names(read(buffer -> Libc.flistxattr(fd, buffer),
                LocalBrick.XATTR_LIST_BYTES_MAX));
    }

    /** An attribute by path, not following a final link. */
    static byte[] get(String path, String attr) throws FsException {
        return read(buffer -> Libc.lgetxattr(path, attr, buffer),
                LocalBrick.XATTR_VALUE_BYTES_MAX);
    }

    /** The attribute names of a path, not following a final link. */
    static List<String> list(String path) throws FsException {
        return names(read(buffer -> Libc.llistxattr(path, buffer),
                LocalBrick.XATTR_LIST_BYTES_MAX));
    }

    private static <T> T either(AtCall<T> at, AtCall<T> byPath) throws FsException {
        if (atCalls) {
            try {
                return at.run();
            } catch (FsException e) {
                if (e.errno() != Errno.ENOSYS) {
                    throw e;
                }
                atCalls = false;
            }
        }
        return byPath.run();
    }

    private static String path(int dirFd, String name) {
        return Located.procPath(dirFd) + "/" + name;
    }

    private static List<String> names(byte[] raw) {
        List<String> names = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                if (i > start) {
                    names.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return names;
    }

    private static byte[] read(Fill fill, int bytesMax) throws FsException {
        MemorySegment scratch = Scratch.mine().value;
        try {
            int length = fill.into(scratch);
            return scratch.asSlice(0, length).toArray(JAVA_BYTE);
        } catch (FsException e) {
            if (e.errno() != Errno.ERANGE) {
                throw e;
            }
        }
        try (Arena arena = Arena.ofConfined()) {
            for (int attempt = 1;; attempt++) {
                int size = Math.min(bytesMax, Math.max(1, fill.into(MemorySegment.NULL)));
                MemorySegment buffer = arena.allocate(size);
                try {
                    int length = fill.into(buffer);
                    return buffer.asSlice(0, length).toArray(JAVA_BYTE);
                } catch (FsException e) {
                    if (e.errno() != Errno.ERANGE || attempt == TRIES_MAX) {
                        throw e;
                    }
                }
            }
        }
    }
}
