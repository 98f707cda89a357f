package io.bramble.vrrp.linux;

import io.bramble.common.os.LinuxException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;

/**
 * A raw IPv4 socket for protocol 4 (IP in IP) that only sends: what it is given is an IP
 * packet, which the kernel wraps in an outer header from this machine (its route's source) to
 * the tunnel's far end, fragmenting the outer packet when it exceeds the path's MTU. Needs
 * CAP_NET_RAW (root). One thread uses it.
 */
public final class IpipSocket implements AutoCloseable {
    /** It never reads; a small buffer keeps IP-in-IP sent to this machine from piling up. */
    private static final int RECEIVE_BUFFER_BYTES = 256;

    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment buffer;
    private final MemorySegment to;

    private IpipSocket(int fd, int packetBytesMax) {
        this.fd = fd;
        this.buffer = arena.allocate(packetBytesMax);
        this.to = arena.allocate(16, 4);
    }

    public static IpipSocket open(int packetBytesMax) throws LinuxException {
        int fd = Libc.socket(Libc.AF_INET, Libc.SOCK_RAW, Libc.IPPROTO_IPIP);
        try {
            Libc.setsockoptInt(fd, Libc.SOL_SOCKET, Libc.SO_RCVBUF, RECEIVE_BUFFER_BYTES,
                    "SO_RCVBUF");
            Libc.setsockoptInt(fd, Libc.IPPROTO_IP, Libc.IP_MTU_DISCOVER,
                    Libc.IP_PMTUDISC_DONT, "IP_MTU_DISCOVER");
            return new IpipSocket(fd, packetBytesMax);
        } catch (LinuxException e) {
            Libc.close(fd);
            throw e;
        }
    }

    /** Sends {@code length} bytes of {@code packet} from {@code offset} through to {@code end}. */
    public void send(byte[] packet, int offset, int length, Inet4Address end)
            throws LinuxException {
        MemorySegment.copy(packet, offset, buffer, ValueLayout.JAVA_BYTE, 0, length);
        to.fill((byte) 0);
        to.set(ValueLayout.JAVA_SHORT, 0, (short) Libc.AF_INET);
        MemorySegment.copy(end.getAddress(), 0, to, ValueLayout.JAVA_BYTE, 4, 4);
        Libc.sendto(fd, buffer, length, to, "IP in IP to " + end.getHostAddress());
    }

    @Override
    public void close() {
        Libc.close(fd);
        arena.close();
    }
}
