package io.bramble.fs.fuse;

import static io.bramble.common.os.NativeCalls.check;
import static io.bramble.common.os.NativeCalls.errno;
import static io.bramble.common.os.NativeCalls.errnoSlot;
import static io.bramble.common.os.NativeCalls.plain;
import static io.bramble.common.os.NativeCalls.withErrno;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.bramble.common.os.LinuxException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The libc calls the FUSE client needs, bound once through the FFM API. Each call that can
 * fail captures errno and throws {@link LinuxException}; descriptors belong to the caller.
 * Constants are Linux's and agree on x86-64 and arm64; struct offsets assume LP64.
 */
final class Libc {
    static final int O_RDWR = 02;
    static final int O_WRONLY = 01;
    static final int O_CREAT = 0100;
    static final int O_TRUNC = 01000;
    static final int O_NONBLOCK = 04000;
    static final int O_CLOEXEC = 02000000;
    static final int F_GETFL = 3;
    static final int F_SETFL = 4;
    static final short POLLIN = 1;
    static final int AF_UNIX = 1;
    static final int SOCK_STREAM = 1;
    static final int SOCK_CLOEXEC = 02000000;
    static final int SOL_SOCKET = 1;
    static final int SCM_RIGHTS = 1;
    static final int MSG_CMSG_CLOEXEC = 0x40000000;
    static final int MNT_DETACH = 2;

    static final int ENOENT = 2;
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int EBUSY = 16;
    static final int ENODEV = 19;
    static final int EINVAL = 22;

    private static final MethodHandle OPEN = withErrno("open", FunctionDescriptor.of(JAVA_INT,
            ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle CLOSE = withErrno("close", FunctionDescriptor.of(JAVA_INT,
            JAVA_INT));
    private static final MethodHandle READ = withErrno("read", FunctionDescriptor.of(JAVA_LONG,
            JAVA_INT, ADDRESS, JAVA_LONG));
    /**
     * write(2) straight from a Java array: a reply to /dev/fuse is copied by the kernel at
     * once and never blocks, short enough for a critical call, which saves a copy per reply.
     */
    private static final MethodHandle WRITE_ARRAY = withErrno("write",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG),
            Linker.Option.critical(true));
    private static final MethodHandle POLL = withErrno("poll", FunctionDescriptor.of(JAVA_INT,
            ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle FCNTL = withErrno("fcntl", FunctionDescriptor.of(JAVA_INT,
            JAVA_INT, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle MOUNT = withErrno("mount", FunctionDescriptor.of(JAVA_INT,
            ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
    private static final MethodHandle UMOUNT2 = withErrno("umount2",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SOCKETPAIR = withErrno("socketpair",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle RECVMSG = withErrno("recvmsg",
            FunctionDescriptor.of(JAVA_LONG,
                    JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle WAITPID = withErrno("waitpid", FunctionDescriptor.of(JAVA_INT,
            JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle GETEUID = plain("geteuid", FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle GETEGID = plain("getegid", FunctionDescriptor.of(JAVA_INT));

    private Libc() {
    }

    static int open(String path, int flags) throws LinuxException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = errnoSlot();
            int fd = (int) OPEN.invokeExact(state, arena.allocateFrom(path), flags, 0);
            return (int) check(fd, state, "open " + path);
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(errnoSlot(), fd);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Reads into {@code buffer}; returns bytes read or the negated errno, never throws. */
    static long read(int fd, MemorySegment buffer) {
        try {
            MemorySegment state = errnoSlot();
            long read = (long) READ.invokeExact(state, fd, buffer, buffer.byteSize());
            return read >= 0 ? read : -errno(state);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Writes all of {@code bytes} at once; returns bytes written or the negated errno. */
    static long write(int fd, byte[] bytes) {
        try {
            MemorySegment state = errnoSlot();
            long written = (long) WRITE_ARRAY.invokeExact(state, fd, MemorySegment.ofArray(
                    bytes), (long) bytes.length);
            return written >= 0 ? written : -errno(state);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Waits up to {@code timeoutMs} for {@code fd} to be readable; false on timeout. */
    static boolean pollIn(int fd, int timeoutMs) throws LinuxException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = errnoSlot();
            MemorySegment pollfd = arena.allocate(8, 4);
            pollfd.set(JAVA_INT, 0, fd);
            pollfd.set(JAVA_SHORT, 4, POLLIN);
            int ready = (int) POLL.invokeExact(state, pollfd, 1L, timeoutMs);
            if (ready < 0 && errno(state) == EINTR) {
                return false;
            }
            return check(ready, state, "poll") > 0;
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void setNonBlocking(int fd) throws LinuxException {
        try {
            MemorySegment state = errnoSlot();
            int flags = (int) check((int) FCNTL.invokeExact(state, fd, F_GETFL, 0), state,
                    "fcntl F_GETFL");
            check((int) FCNTL.invokeExact(state, fd, F_SETFL, flags | O_NONBLOCK), state,
                    "fcntl F_SETFL");
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void mount(String source, String target, String type, long flags, String data)
            throws LinuxException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = errnoSlot();
            int result = (int) MOUNT.invokeExact(state, arena.allocateFrom(source),
                    arena.allocateFrom(target), arena.allocateFrom(type), flags,
                    arena.allocateFrom(data));
            check(result, state, "mount " + type + " on " + target);
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void umount2(String target, int flags) throws LinuxException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = errnoSlot();
            int result = (int) UMOUNT2.invokeExact(state, arena.allocateFrom(target), flags);
            check(result, state, "umount " + target);
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** A connected pair of Unix stream sockets, both close-on-exec. */
    static int[] socketpair() throws LinuxException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = errnoSlot();
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            int result = (int) SOCKETPAIR.invokeExact(state, AF_UNIX,
                    SOCK_STREAM | SOCK_CLOEXEC, 0, fds);
            check(result, state, "socketpair");
            return new int[]{fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** recvmsg(2) into a prepared {@code struct msghdr}; returns the bytes received. */
    static long recvmsg(int fd, MemorySegment message, int flags) throws LinuxException {
        try {
            MemorySegment state = errnoSlot();
            long received;
            do {
                received = (long) RECVMSG.invokeExact(state, fd, message, flags);
            } while (received < 0 && errno(state) == EINTR);
            return check(received, state, "recvmsg");
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Waits for child {@code pid}; returns its raw wait status. */
    static int waitpid(int pid) throws LinuxException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = errnoSlot();
            MemorySegment status = arena.allocate(JAVA_INT);
            int result;
            do {
                result = (int) WAITPID.invokeExact(state, pid, status, 0);
            } while (result < 0 && errno(state) == EINTR);
            check(result, state, "waitpid " + pid);
            return status.get(JAVA_INT, 0);
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static int geteuid() {
        try {
            return (int) GETEUID.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static int getegid() {
        try {
            return (int) GETEGID.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
