package io.bramble.vrrp.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The libc functions bramble's VRRP needs, bound once through the FFM API. Calls that can
 * fail capture errno and throw {@link LinuxException}; the caller owns the descriptors.
 * Constants are Linux's (x86_64 and arm64 agree on all of them).
 */
final class Libc {
    static final int AF_INET = 2;
    static final int AF_NETLINK = 16;
    static final int AF_PACKET = 17;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int SOL_SOCKET = 1;
    static final int SO_RCVBUF = 8;
    static final int SO_BINDTODEVICE = 25;
    static final int IPPROTO_IP = 0;
    static final int IP_TOS = 1;
    static final int IP_TTL = 2;
    static final int IP_MULTICAST_IF = 32;
    static final int IP_MULTICAST_TTL = 33;
    static final int IP_MULTICAST_LOOP = 34;
    static final int IP_ADD_MEMBERSHIP = 35;
    static final int NETLINK_ROUTE = 0;
    static final short POLLIN = 1;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LOOKUP = LINKER.defaultLookup();
    private static final StructLayout CAPTURED = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURED.varHandle(
            MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");

    private static final MethodHandle SOCKET = errno("socket", FunctionDescriptor.of(JAVA_INT,
            JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = errno("setsockopt", FunctionDescriptor.of(
            JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle BIND = errno("bind", FunctionDescriptor.of(JAVA_INT,
            JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SENDTO = errno("sendto", FunctionDescriptor.of(JAVA_LONG,
            JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle RECVFROM = errno("recvfrom", FunctionDescriptor.of(
            JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle POLL = errno("poll", FunctionDescriptor.of(JAVA_INT,
            ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle CLOSE = errno("close", FunctionDescriptor.of(JAVA_INT,
            JAVA_INT));
    private static final MethodHandle IF_NAMETOINDEX = errno("if_nametoindex",
            FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(find("strerror"),
            FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private Libc() {
    }

    static int socket(int domain, int type, int protocol) throws LinuxException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURED);
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
            MemorySegment state = arena.allocate(CAPTURED);
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
            MemorySegment state = arena.allocate(CAPTURED);
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
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURED);
            long sent = (long) SENDTO.invokeExact(state, fd, data, data.byteSize(), 0, address,
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
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURED);
            long received = (long) RECVFROM.invokeExact(state, fd, buffer, buffer.byteSize(), 0,
                    MemorySegment.NULL, MemorySegment.NULL);
            check(received, state, "recv " + what);
            return received;
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Waits up to {@code timeoutMs} for the descriptor to be readable; false on timeout. */
    static boolean pollIn(int fd, int timeoutMs) throws LinuxException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURED);
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
            MemorySegment state = arena.allocate(CAPTURED);
            int ignored = (int) CLOSE.invokeExact(state, fd);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The index of a network interface of this namespace. */
    static int interfaceIndex(String name) throws LinuxException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURED);
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

    static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(256).getString(0);
        } catch (Throwable t) {
            return "error " + errno;
        }
    }

    private static void check(long result, MemorySegment state, String what)
            throws LinuxException {
        if (result < 0) {
            throw new LinuxException(what, errno(state));
        }
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    private static MethodHandle errno(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(find(name), descriptor, ERRNO_OPTION);
    }

    private static MemorySegment find(String name) {
        return LOOKUP.find(name).orElseThrow(() -> new IllegalStateException("libc has no "
                + name));
    }
}
