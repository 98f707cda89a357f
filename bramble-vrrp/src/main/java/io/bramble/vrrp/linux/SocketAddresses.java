package io.bramble.vrrp.linux;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.nio.ByteOrder;

/** The C structures for addresses and multicast options, laid out as Linux expects. */
final class SocketAddresses {
    /** The size of {@code struct sockaddr_ll}. */
    static final int LINK_BYTES = 20;
    private static final ValueLayout.OfShort SHORT_BE = ValueLayout.JAVA_SHORT_UNALIGNED
            .withOrder(ByteOrder.BIG_ENDIAN);

    private SocketAddresses() {
    }

    /** {@code struct sockaddr_in}: family, port (big-endian), address, 8 bytes of zero. */
    static MemorySegment inet(Arena arena, Inet4Address address, int port) {
        MemorySegment sockaddr = arena.allocate(16, 4);
        sockaddr.set(ValueLayout.JAVA_SHORT, 0, (short) Libc.AF_INET);
        sockaddr.set(SHORT_BE, 2, (short) port);
        MemorySegment.copy(address.getAddress(), 0, sockaddr, ValueLayout.JAVA_BYTE, 4, 4);
        return sockaddr;
    }

    /** {@code struct ip_mreqn}: group, local address (any), interface index. */
    static MemorySegment multicastRequest(Arena arena, Inet4Address group, int interfaceIndex) {
        MemorySegment request = arena.allocate(12, 4);
        if (group != null) {
            MemorySegment.copy(group.getAddress(), 0, request, ValueLayout.JAVA_BYTE, 0, 4);
        }
        request.set(ValueLayout.JAVA_INT, 8, interfaceIndex);
        return request;
    }

    /**
     * {@code struct sockaddr_ll} for sending a frame out of {@code interfaceIndex} to the
     * link-layer {@code destination}.
     */
    static MemorySegment link(Arena arena, int protocol, int interfaceIndex, byte[] destination) {
        return link(arena.allocate(LINK_BYTES, 4), protocol, interfaceIndex, destination);
    }

    /** {@link #link(Arena, int, int, byte[])} written into {@code sockaddr}, reused. */
    static MemorySegment link(MemorySegment sockaddr, int protocol, int interfaceIndex,
            byte[] destination) {
        sockaddr.fill((byte) 0);
        sockaddr.set(ValueLayout.JAVA_SHORT, 0, (short) Libc.AF_PACKET);
        sockaddr.set(SHORT_BE, 2, (short) protocol);
        sockaddr.set(ValueLayout.JAVA_INT, 4, interfaceIndex);
        sockaddr.set(ValueLayout.JAVA_BYTE, 11, (byte) destination.length);
        MemorySegment.copy(destination, 0, sockaddr, ValueLayout.JAVA_BYTE, 12,
                destination.length);
        return sockaddr;
    }

    /** {@code struct sockaddr_nl} of the kernel (port id 0, no groups). */
    static MemorySegment netlinkKernel(Arena arena) {
        MemorySegment sockaddr = arena.allocate(12, 4);
        sockaddr.set(ValueLayout.JAVA_SHORT, 0, (short) Libc.AF_NETLINK);
        return sockaddr;
    }

    /** {@code protocol} in network byte order as an int, as socket(2) wants it. */
    static int networkOrder(int protocol) {
        return ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN
                ? protocol
                : Short.toUnsignedInt(Short.reverseBytes((short) protocol));
    }
}
