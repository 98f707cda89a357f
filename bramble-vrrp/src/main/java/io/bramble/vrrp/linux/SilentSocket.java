package io.bramble.vrrp.linux;

import io.bramble.common.os.LinuxException;
import java.lang.foreign.Arena;
import java.net.Inet4Address;

/**
 * A TCP listener or UDP socket on an address and port whose filter drops everything: the
 * kernel hands it the packets for that address and port and, finding it, neither resets a
 * TCP connection nor answers "port unreachable", and the filter discards them. The address
 * may be one this machine does not hold yet (IP_FREEBIND). Lets a packet socket take those
 * packets alone, without a firewall rule.
 */
public final class SilentSocket implements AutoCloseable {
    private final int fd;

    private SilentSocket(int fd) {
        this.fd = fd;
    }

    /** Binds {@code address}:{@code port}, TCP ({@code tcp}) or UDP. */
    public static SilentSocket bind(Inet4Address address, int port, boolean tcp)
            throws LinuxException {
        int fd = Libc.socket(Libc.AF_INET, tcp ? Libc.SOCK_STREAM : Libc.SOCK_DGRAM, 0);
        String what = (tcp ? "TCP " : "UDP ") + address.getHostAddress() + ":" + port;
        try (Arena call = Arena.ofConfined()) {
            Libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_ATTACH_FILTER,
                    SocketFilter.DROP_ALL.program(call), "SO_ATTACH_FILTER");
            Libc.setsockoptInt(fd, Libc.SOL_SOCKET, Libc.SO_REUSEADDR, 1, "SO_REUSEADDR");
            Libc.setsockoptInt(fd, Libc.IPPROTO_IP, Libc.IP_FREEBIND, 1, "IP_FREEBIND");
            Libc.bind(fd, SocketAddresses.inet(call, address, port), what);
            if (tcp) {
                Libc.listen(fd, 1, what);
            }
            return new SilentSocket(fd);
        } catch (LinuxException e) {
            Libc.close(fd);
            throw e;
        }
    }

    @Override
    public void close() {
        Libc.close(fd);
    }
}
