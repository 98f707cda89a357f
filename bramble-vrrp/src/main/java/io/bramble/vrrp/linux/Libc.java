package io.bramble.vrrp.linux;

import static io.bramble.common.os.NativeCalls.check;
import static io.bramble.common.os.NativeCalls.errno;
import static io.bramble.common.os.NativeCalls.errnoSlot;
import static io.bramble.common.os.NativeCalls.withErrno;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.bramble.common.os.LinuxException;
import io.bramble.common.os.NativeCalls;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The libc functions bramble's VRRP needs, bound once through the FFM API. Calls that can
 * fail capture errno and throw {@link LinuxException}; the caller owns the descriptors.
 * Constants are Linux's (x86_64 and arm64 agree on all of them).
 */
final class Libc {
    static final int AF_INET = 2;
    static final int AF_NETLINK = 16;
    static final int AF_PACKET = 17;
    static final int SOCK_STREAM = 1;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int SOL_SOCKET = 1;
    static final int SO_RCVBUF = 8;
    static final int SO_REUSEADDR = 2;
    static final int SO_RCVBUFFORCE = 33;
    static final int MSG_DONTWAIT = 0x40;
    static final int SO_BINDTODEVICE = 25;
    static final int SO_ATTACH_FILTER = 26;
    static final int SOL_PACKET = 263;
    static final int PACKET_IGNORE_OUTGOING = 23;
    static final int IPPROTO_IPIP = 4;
    static final int IP_MTU_DISCOVER = 10;
    static final int IP_PMTUDISC_DONT = 0;
    static final int IP_FREEBIND = 15;
    static final int IPPROTO_IP = 0;
    static final int IP_TOS = 1;
    static final int IP_TTL = 2;
    static final int IP_MULTICAST_IF = 32;
    static final int IP_MULTICAST_TTL = 33;
    static final int IP_MULTICAST_LOOP = 34;
    static final int IP_ADD_MEMBERSHIP = 35;
    static final int NETLINK_ROUTE = 0;
    static final short POLLIN = 1;

    private static final MethodHandle SOCKET = withErrno("socket", FunctionDescriptor.of(JAVA_INT,
            JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = withErrno("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle BIND = withErrno("bind", FunctionDescriptor.of(JAVA_INT,
            JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SENDTO = withErrno("sendto", FunctionDescriptor.of(JAVA_LONG,
            JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle RECVFROM = withErrno("recvfrom",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS,
                    ADDRESS));
    private static final MethodHandle LISTEN = withErrno("listen", FunctionDescriptor.of(
            JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle POLL = withErrno("poll", FunctionDescriptor.of(JAVA_INT,
            ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle CLOSE = withErrno("close", FunctionDescriptor.of(JAVA_INT,
            JAVA_INT));
    private static final MethodHandle IF_NAMETOINDEX = withErrno("if_nametoindex",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));

    private Libc() {
    }

    static int socket(int domain, int type, int protocol) throws LinuxException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = errnoSlot(arena);
            int fd = (int) SOCKET.invokeExact(state, domain, type | SOCK_CLOEXEC, protocol);
            check(fd, state, "socket(" + domain + ", " + type + ", " + protocol + ")");
            return fd;
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void setsockopt(int fd, int level, int option, MemorySegment value, String what)
            throws LinuxException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = errnoSlot(arena);
            int result = (int) SETSOCKOPT.invokeExact(state, fd, level, option, value,
                    (int) value.byteSize());
            check(result, state, "setsockopt " + what);
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void setsockoptInt(int fd, int level, int option, int value, String what)
            throws LinuxException {
        try (Arena arena = Arena.ofConfined()) {
            setsockopt(fd, level, option, arena.allocateFrom(JAVA_INT, value), what);
        }
    }

    static void bind(int fd, MemorySegment address, String what) throws LinuxException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = errnoSlot(arena);
            int result = (int) BIND.invokeExact(state, fd, address, (int) address.byteSize());
            check(result, state, "bind " + what);
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static long sendto(int fd, MemorySegment data, MemorySegment address, String what)
            throws LinuxException {
        return sendto(fd, data, data.byteSize(), address, what);
    }

    static void listen(int fd, int backlog, String what) throws LinuxException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = errnoSlot(arena);
            int result = (int) LISTEN.invokeExact(state, fd, backlog);
            check(result, state, "listen " + what);
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * Receives into {@code buffer} and the sender's address into {@code address} (its size in
     * {@code addressBytes}, an int the call updates); {@code flags} as recvfrom(2)'s. Returns
     * -1 when nothing is queued and the call was not to wait (EAGAIN).
     */
    static long recvfrom(int fd, MemorySegment buffer, int flags, MemorySegment address,
            MemorySegment addressBytes, String what) throws LinuxException {
        try {
            MemorySegment state = NativeCalls.errnoSlot();
            long received = (long) RECVFROM.invokeExact(state, fd, buffer, buffer.byteSize(),
                    flags, address, addressBytes);
            if (received < 0 && errno(state) == LinuxException.EAGAIN) {
                return -1;
            }
            check(received, state, "recv " + what);
            return received;
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Sends {@code length} bytes of {@code data}, with this thread's errno slot. */
    static long sendto(int fd, MemorySegment data, long length, MemorySegment address,
            String what) throws LinuxException {
        try {
            MemorySegment state = NativeCalls.errnoSlot();
            long sent = (long) SENDTO.invokeExact(state, fd, data, length, 0, address,
                    (int) address.byteSize());
            check(sent, state, "sendto " + what);
            return sent;
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Receives into {@code buffer}; the sender's address is not asked for. */
    static long recv(int fd, MemorySegment buffer, String what) throws LinuxException {
        return recvfrom(fd, buffer, 0, MemorySegment.NULL, MemorySegment.NULL, what);
    }

    /** Waits up to {@code timeoutMs} for the descriptor to be readable; false on timeout. */
    static boolean pollIn(int fd, int timeoutMs) throws LinuxException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = errnoSlot(arena);
            MemorySegment pollfd = arena.allocate(8, 4);
            pollfd.set(JAVA_INT, 0, fd);
            pollfd.set(java.lang.foreign.ValueLayout.JAVA_SHORT, 4, POLLIN);
            int ready = (int) POLL.invokeExact(state, pollfd, 1L, timeoutMs);
            if (ready < 0 && errno(state) == LinuxException.EINTR) {
                return false;
            }
            check(ready, state, "poll");
            return ready > 0;
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = errnoSlot(arena);
            int ignored = (int) CLOSE.invokeExact(state, fd);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The index of a network interface of this namespace. */
    static int interfaceIndex(String name) throws LinuxException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = errnoSlot(arena);
            int index = (int) IF_NAMETOINDEX.invokeExact(state, arena.allocateFrom(name));
            if (index == 0) {
                throw new LinuxException("interface " + name, errno(state));
            }
            return index;
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
