package io.bramble.fs.brick;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.bramble.fs.ops.FsException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The Linux calls a brick needs and java.nio lacks (or makes slow), bound once through the FFM
 * API. Every failing call throws an {@link FsException} with the errno the kernel gave, so a
 * full disk reaches the client as ENOSPC. Calls interrupted by a signal are retried. Constants
 * are Linux's for x86-64 and arm64; where the two differ, {@link #ARM} picks.
 */
final class Libc {
    static final boolean ARM = System.getProperty("os.arch").equals("aarch64");

    static final int O_RDONLY = 0;
    static final int O_WRONLY = 01;
    static final int O_RDWR = 02;
    static final int O_CREAT = 0100;
    static final int O_EXCL = 0200;
    static final int O_NOCTTY = 0400;
    static final int O_TRUNC = 01000;
    static final int O_NONBLOCK = 04000;
    static final int O_DIRECTORY = ARM ? 040000 : 0200000;
    static final int O_NOFOLLOW = ARM ? 0100000 : 0400000;
    static final int O_CLOEXEC = 02000000;
    static final int O_PATH = 010000000;

    static final int AT_FDCWD = -100;
    static final int AT_SYMLINK_NOFOLLOW = 0x100;
    static final int AT_REMOVEDIR = 0x200;
    static final int AT_EMPTY_PATH = 0x1000;

    static final int RESOLVE_NO_MAGICLINKS = 0x02;
    static final int RESOLVE_NO_SYMLINKS = 0x04;
    static final int RESOLVE_BENEATH = 0x08;

    static final long UTIME_NOW = (1L << 30) - 1;
    static final long UTIME_OMIT = (1L << 30) - 2;

    /**
     * Calls without a libc wrapper, by number: numbers from 424 on are the same on x86-64 and
     * arm64. {@code openat2} came with Linux 5.6, the {@code *xattrat} calls with 6.13.
     */
    private static final long SYS_OPENAT2 = 437;
    private static final long SYS_SETXATTRAT = 463;
    private static final long SYS_GETXATTRAT = 464;
    private static final long SYS_LISTXATTRAT = 465;
    private static final long SYS_REMOVEXATTRAT = 466;
    private static final int OPEN_HOW_BYTES = 24;
    private static final int XATTR_ARGS_BYTES = 16;
    private static final int EINTR = 4;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final VarHandle ERRNO = Linker.Option.captureStateLayout().varHandle(
            MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle OPENAT = variadic("openat", 3, FunctionDescriptor.of(
            JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle SYSCALL_OPEN = variadic("syscall", 1, FunctionDescriptor
            .of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG));
    private static final MethodHandle SYSCALL_XATTR = variadic("syscall", 1, FunctionDescriptor
            .of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS,
                    JAVA_LONG));
    private static final MethodHandle SYSCALL_LIST = variadic("syscall", 1, FunctionDescriptor
            .of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG));
    private static final MethodHandle CLOSE = bind("close", FunctionDescriptor.of(JAVA_INT,
            JAVA_INT));
    private static final MethodHandle STATX = bind("statx", FunctionDescriptor.of(JAVA_INT,
            JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle MKDIRAT = bind("mkdirat", FunctionDescriptor.of(
            JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle MKNODAT = bind("mknodat", FunctionDescriptor.of(
            JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_LONG));
    private static final MethodHandle SYMLINKAT = bind("symlinkat", FunctionDescriptor.of(
            JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
    private static final MethodHandle READLINKAT = bind("readlinkat", FunctionDescriptor.of(
            JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
    private static final MethodHandle UNLINKAT = bind("unlinkat", FunctionDescriptor.of(
            JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle RENAMEAT2 = bind("renameat2", FunctionDescriptor.of(
            JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle LINKAT = bind("linkat", FunctionDescriptor.of(JAVA_INT,
            JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle FCHOWNAT = bind("fchownat", FunctionDescriptor.of(
            JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle FCHOWN = bind("fchown", FunctionDescriptor.of(JAVA_INT,
            JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle FCHMOD = bind("fchmod", FunctionDescriptor.of(JAVA_INT,
            JAVA_INT, JAVA_INT));
    private static final MethodHandle CHMOD = bind("chmod", FunctionDescriptor.of(JAVA_INT,
            ADDRESS, JAVA_INT));
    private static final MethodHandle UTIMENSAT = bind("utimensat", FunctionDescriptor.of(
            JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    private static final MethodHandle FUTIMENS = bind("futimens", FunctionDescriptor.of(
            JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle FSTATVFS = bind("fstatvfs", FunctionDescriptor.of(
            JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle LGETXATTR = bind("lgetxattr", FunctionDescriptor.of(
            JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
    private static final MethodHandle FGETXATTR = bind("fgetxattr", FunctionDescriptor.of(
            JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
    private static final MethodHandle LSETXATTR = bind("lsetxattr", FunctionDescriptor.of(
            JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle FSETXATTR = bind("fsetxattr", FunctionDescriptor.of(
            JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle LLISTXATTR = bind("llistxattr", FunctionDescriptor.of(
            JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG));
    private static final MethodHandle FLISTXATTR = bind("flistxattr", FunctionDescriptor.of(
            JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle LREMOVEXATTR = bind("lremovexattr", FunctionDescriptor
            .of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle PREAD = bind("pread", FunctionDescriptor.of(JAVA_LONG,
            JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle PWRITE = bind("pwrite", FunctionDescriptor.of(JAVA_LONG,
            JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle FSYNC = bind("fsync", FunctionDescriptor.of(JAVA_INT,
            JAVA_INT));
    private static final MethodHandle FDATASYNC = bind("fdatasync", FunctionDescriptor.of(
            JAVA_INT, JAVA_INT));
    private static final MethodHandle FTRUNCATE = bind("ftruncate", FunctionDescriptor.of(
            JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle FALLOCATE = bind("fallocate", FunctionDescriptor.of(
            JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle LSEEK = bind("lseek", FunctionDescriptor.of(JAVA_LONG,
            JAVA_INT, JAVA_LONG, JAVA_INT));
    private static final MethodHandle GETDENTS64 = bind("getdents64", FunctionDescriptor.of(
            JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));

    private Libc() {
    }

    /** One native call; returns the raw result, negative with errno set on failure. */
    @FunctionalInterface
    private interface Call {
        long run(Scratch scratch) throws Throwable;
    }

    /**
     * Runs {@code call}, retrying on EINTR, and turns a negative result into an exception
     * naming {@code operation} and {@code subject} (built only on failure).
     */
    private static long call(String operation, String subject, Call call) throws FsException {
        Scratch scratch = Scratch.mine();
        try {
            while (true) {
                long result = call.run(scratch);
                if (result >= 0) {
                    return result;
                }
                int errno = (int) ERRNO.get(scratch.state, 0L);
                if (errno != EINTR) {
                    throw new FsException(errno, operation + " " + subject);
                }
            }
        } catch (FsException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("native call " + operation + " failed", t);
        }
    }

    static int openat(int dirFd, String path, int flags, int mode) throws FsException {
        return (int) call("open", path, s -> (int) OPENAT.invokeExact(s.state, dirFd, s.string(
                0, path), flags | O_CLOEXEC, mode));
    }

    /**
     * Opens {@code path} below {@code dirFd} without following any symbolic link and without
     * leaving the directory, whatever a concurrent rename does ({@code openat2}, Linux 5.6).
     */
    static int openBeneath(int dirFd, String path, int flags) throws FsException {
        return (int) call("open", path, s -> {
            MemorySegment how = s.struct.asSlice(0, OPEN_HOW_BYTES);
            how.set(JAVA_LONG, 0, (flags | O_CLOEXEC) & 0xffffffffL);
            how.set(JAVA_LONG, 8, 0L);
            how.set(JAVA_LONG, 16, RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS
                    | RESOLVE_NO_MAGICLINKS);
            return (long) SYSCALL_OPEN.invokeExact(s.state, SYS_OPENAT2, (long) dirFd, s.string(
                    0, path), how, (long) OPEN_HOW_BYTES);
        });
    }

    /** Closes {@code fd}; errors are ignored, as the descriptor is gone either way. */
    static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(Scratch.mine().state, fd);
        } catch (Throwable t) {
            throw new IllegalStateException("native call close failed", t);
        }
    }

    /** {@code statx} with the basic fields and the birth time; flags as for fstatat. */
    static Stat statx(int dirFd, String path, int flags) throws FsException {
        call("stat", path, s -> (int) STATX.invokeExact(s.state, dirFd, s.string(0, path), flags,
                Stat.STATX_MASK, s.struct));
        return Stat.of(Scratch.mine().struct);
    }

    /** The attributes of an open descriptor (also an {@code O_PATH} one). */
    static Stat fstat(int fd) throws FsException {
        return statx(fd, "", AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW);
    }

    static void mkdirat(int dirFd, String name, int mode) throws FsException {
        call("mkdir", name, s -> (int) MKDIRAT.invokeExact(s.state, dirFd, s.string(0, name),
                mode));
    }

    static void mknodat(int dirFd, String name, int mode, long device) throws FsException {
        call("mknod", name, s -> (int) MKNODAT.invokeExact(s.state, dirFd, s.string(0, name),
                mode, device));
    }

    static void symlinkat(String target, int dirFd, String name) throws FsException {
        call("symlink", name, s -> (int) SYMLINKAT.invokeExact(s.state, s.string(0, target),
                dirFd, s.string(1, name)));
    }

    /** The target of a symbolic link, at most {@link Scratch#VALUE_BYTES} bytes of it. */
    static byte[] readlinkat(int dirFd, String name) throws FsException {
        long length = call("readlink", name, s -> (long) READLINKAT.invokeExact(s.state, dirFd,
                s.string(0, name), s.value, s.value.byteSize()));
        return Scratch.mine().value.asSlice(0, length).toArray(JAVA_BYTE);
    }

    static void unlinkat(int dirFd, String name, int flags) throws FsException {
        call("unlink", name, s -> (int) UNLINKAT.invokeExact(s.state, dirFd, s.string(0, name),
                flags));
    }

    static void renameat2(int fromDir, String from, int toDir, String to, int flags)
            throws FsException {
        call("rename", from + " to " + to, s -> (int) RENAMEAT2.invokeExact(s.state, fromDir,
                s.string(0, from), toDir, s.string(1, to), flags));
    }

    static void linkat(int fromDir, String from, int toDir, String to, int flags)
            throws FsException {
        call("link", from + " to " + to, s -> (int) LINKAT.invokeExact(s.state, fromDir, s
                .string(0, from), toDir, s.string(1, to), flags));
    }

    /** Changes owner and group; -1 leaves one unchanged. */
    static void fchownat(int dirFd, String name, int uid, int gid, int flags)
            throws FsException {
        call("chown", name, s -> (int) FCHOWNAT.invokeExact(s.state, dirFd, s.string(0, name),
                uid, gid, flags));
    }

    static void fchown(int fd, int uid, int gid) throws FsException {
        call("chown", "fd " + fd, s -> (int) FCHOWN.invokeExact(s.state, fd, uid, gid));
    }

    static void fchmod(int fd, int mode) throws FsException {
        call("chmod", "fd " + fd, s -> (int) FCHMOD.invokeExact(s.state, fd, mode));
    }

    static void chmod(String path, int mode) throws FsException {
        call("chmod", path, s -> (int) CHMOD.invokeExact(s.state, s.string(0, path), mode));
    }

    /**
     * Sets access and modification times without following a final symbolic link; each is
     * nanoseconds since the epoch, {@link #UTIME_NOW} or {@link #UTIME_OMIT}.
     */
    static void utimensat(int dirFd, String name, long atime, long mtime) throws FsException {
        call("utimens", name, s -> {
            MemorySegment times = s.struct.asSlice(0, 32);
            timespec(times, 0, atime);
            timespec(times, 16, mtime);
            return (int) UTIMENSAT.invokeExact(s.state, dirFd, s.string(0, name), times,
                    AT_SYMLINK_NOFOLLOW);
        });
    }

    /** Sets an open file's access and modification times, as {@link #utimensat} does. */
    static void futimens(int fd, long atime, long mtime) throws FsException {
        call("futimens", "descriptor " + fd, s -> {
            MemorySegment times = s.struct.asSlice(0, 32);
            timespec(times, 0, atime);
            timespec(times, 16, mtime);
            return (int) FUTIMENS.invokeExact(s.state, fd, times);
        });
    }

    private static void timespec(MemorySegment times, long offset, long value) {
        boolean special = value == UTIME_NOW || value == UTIME_OMIT;
        times.set(JAVA_LONG, offset, special ? 0 : Math.floorDiv(value, 1_000_000_000L));
        times.set(JAVA_LONG, offset + 8, special
                ? value
                : Math.floorMod(value,
                        1_000_000_000L));
    }

    static DiskSpace fstatvfs(int fd) throws FsException {
        call("statvfs", "fd " + fd, s -> (int) FSTATVFS.invokeExact(s.state, fd, s.struct));
        return DiskSpace.of(Scratch.mine().struct);
    }

    /**
     * Reads attribute {@code attr} of {@code name} in {@code dirFd} (not following a final
     * link) into {@code value}; returns its length, ERANGE when {@code value} is too small and
     * ENOSYS on kernels before 6.13, which lack {@code getxattrat}.
     */
    static int getxattrat(int dirFd, String name, String attr, MemorySegment value)
            throws FsException {
        return (int) call("getxattr " + attr, name, s -> (long) SYSCALL_XATTR.invokeExact(
                s.state, SYS_GETXATTRAT, (long) dirFd, s.string(0, name),
                (long) AT_SYMLINK_NOFOLLOW, s.string(1, attr), xattrArgs(s, value, 0),
                (long) XATTR_ARGS_BYTES));
    }

    /** Sets an attribute like {@link #getxattrat} reads one ({@code setxattrat}). */
    static void setxattrat(int dirFd, String name, String attr, byte[] value, int flags)
            throws FsException {
        call("setxattr " + attr, name, s -> (long) SYSCALL_XATTR.invokeExact(s.state,
                SYS_SETXATTRAT, (long) dirFd, s.string(0, name), (long) AT_SYMLINK_NOFOLLOW, s
                        .string(1, attr),
                xattrArgs(s, valueOf(s, value), flags),
                (long) XATTR_ARGS_BYTES));
    }

    /** Lists attribute names into {@code list}, NUL-separated ({@code listxattrat}). */
    static int listxattrat(int dirFd, String name, MemorySegment list) throws FsException {
        return (int) call("listxattr", name, s -> (long) SYSCALL_LIST.invokeExact(s.state,
                SYS_LISTXATTRAT, (long) dirFd, s.string(0, name), (long) AT_SYMLINK_NOFOLLOW,
                list, list.byteSize()));
    }

    static void removexattrat(int dirFd, String name, String attr) throws FsException {
        call("removexattr " + attr, name, s -> (long) SYSCALL_XATTR.invokeExact(s.state,
                SYS_REMOVEXATTRAT, (long) dirFd, s.string(0, name), (long) AT_SYMLINK_NOFOLLOW,
                s.string(1, attr), MemorySegment.NULL, 0L));
    }

    /** {@code struct xattr_args} in the structure buffer: value pointer, size, flags. */
    private static MemorySegment xattrArgs(Scratch s, MemorySegment value, int flags) {
        MemorySegment args = s.struct.asSlice(0, XATTR_ARGS_BYTES);
        args.set(JAVA_LONG, 0, value.address());
        args.set(JAVA_INT, 8, (int) value.byteSize());
        args.set(JAVA_INT, 12, flags);
        return args;
    }

    /** Reads an attribute by path into {@code value}; returns its length. */
    static int lgetxattr(String path, String attr, MemorySegment value) throws FsException {
        return (int) call("getxattr " + attr, path, s -> (long) LGETXATTR.invokeExact(s.state, s
                .string(0, path), s.string(1, attr), value, value.byteSize()));
    }

    static int fgetxattr(int fd, String attr, MemorySegment value) throws FsException {
        return (int) call("getxattr " + attr, "fd " + fd, s -> (long) FGETXATTR.invokeExact(
                s.state, fd, s.string(0, attr), value, value.byteSize()));
    }

    static void lsetxattr(String path, String attr, byte[] value, int flags)
            throws FsException {
        call("setxattr " + attr, path, s -> {
            MemorySegment data = valueOf(s, value);
            return (int) LSETXATTR.invokeExact(s.state, s.string(0, path), s.string(1, attr),
                    data, data.byteSize(), flags);
        });
    }

    static void fsetxattr(int fd, String attr, byte[] value, int flags) throws FsException {
        call("setxattr " + attr, "fd " + fd, s -> {
            MemorySegment data = valueOf(s, value);
            return (int) FSETXATTR.invokeExact(s.state, fd, s.string(0, attr), data, data
                    .byteSize(), flags);
        });
    }

    /** Lists attribute names by path into {@code list}; returns the bytes used. */
    static int llistxattr(String path, MemorySegment list) throws FsException {
        return (int) call("listxattr", path, s -> (long) LLISTXATTR.invokeExact(s.state, s
                .string(0, path), list, list.byteSize()));
    }

    /** Lists the attribute names of an open file into {@code list}; returns the bytes used. */
    static int flistxattr(int fd, MemorySegment list) throws FsException {
        return (int) call("listxattr", "fd " + fd, s -> (long) FLISTXATTR.invokeExact(s.state,
                fd, list, list.byteSize()));
    }

    static void lremovexattr(String path, String attr) throws FsException {
        call("removexattr " + attr, path, s -> (int) LREMOVEXATTR.invokeExact(s.state, s.string(
                0, path), s.string(1, attr)));
    }

    /** {@code value} in the value buffer, or in memory of its own when larger. */
    private static MemorySegment valueOf(Scratch s, byte[] value) {
        MemorySegment target = value.length <= Scratch.VALUE_BYTES
                ? s.value.asSlice(0, value.length)
                : Arena.ofAuto().allocate(value.length);
        MemorySegment.copy(value, 0, target, JAVA_BYTE, 0, value.length);
        return target;
    }

    /** One {@code pread}: may return fewer bytes than asked, 0 at the end of the file. */
    static int pread(int fd, MemorySegment buffer, long offset) throws FsException {
        return (int) call("read", "fd " + fd, s -> (long) PREAD.invokeExact(s.state, fd, buffer,
                buffer.byteSize(), offset));
    }

    static int pwrite(int fd, MemorySegment data, long offset) throws FsException {
        return (int) call("write", "fd " + fd, s -> (long) PWRITE.invokeExact(s.state, fd, data,
                data.byteSize(), offset));
    }

    static void fsync(int fd, boolean dataOnly) throws FsException {
        call("fsync", "fd " + fd, s -> dataOnly
                ? (int) FDATASYNC.invokeExact(s.state, fd)
                : (int) FSYNC.invokeExact(s.state, fd));
    }

    static void ftruncate(int fd, long size) throws FsException {
        call("truncate", "fd " + fd, s -> (int) FTRUNCATE.invokeExact(s.state, fd, size));
    }

    static void fallocate(int fd, int mode, long offset, long length) throws FsException {
        call("fallocate", "fd " + fd, s -> (int) FALLOCATE.invokeExact(s.state, fd, mode, offset,
                length));
    }

    static long lseek(int fd, long offset, int whence) throws FsException {
        return call("lseek", "fd " + fd, s -> (long) LSEEK.invokeExact(s.state, fd, offset,
                whence));
    }

    /** Fills {@code buffer} with directory records; 0 at the end of the directory. */
    static int getdents64(int fd, MemorySegment buffer) throws FsException {
        return (int) call("readdir", "fd " + fd, s -> (long) GETDENTS64.invokeExact(s.state, fd,
                buffer, buffer.byteSize()));
    }

    private static MethodHandle bind(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(find(name), descriptor, Linker.Option.captureCallState(
                "errno"));
    }

    private static MethodHandle variadic(String name, int firstVariadic,
            FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(find(name), descriptor, Linker.Option.firstVariadicArg(
                firstVariadic), Linker.Option.captureCallState("errno"));
    }

    private static MemorySegment find(String name) {
        return LINKER.defaultLookup().find(name).orElseThrow(() -> new IllegalStateException(
                "libc has no " + name + "; bricks need glibc 2.28 or later"));
    }
}
