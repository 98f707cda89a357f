package io.bramble.vrrp.linux;

import io.bramble.common.os.LinuxException;
import io.bramble.vrrp.wire.VrrpCodec;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;

/**
 * A raw IPv4 socket for protocol 112. The kernel writes the IP header when sending (TTL 255,
 * TOS "internetwork control" as keepalived sets it) and keeps it when receiving, so a
 * received datagram decodes with {@link VrrpCodec#decodeIpv4}. Sending and receiving use two
 * sockets, as in keepalived: the sender is bound to the source address, which would make the
 * kernel drop multicast for a bound receiver.
 * <p>
 * Needs CAP_NET_RAW (root). One thread receives; {@link #close} after it stopped.
 */
public final class RawIpSocket implements AutoCloseable {
    /** Precedence "internetwork control" (0xc0), what keepalived and routers use. */
    private static final int TOS_INTERNETWORK_CONTROL = 0xc0;
    /** The sender never reads; a small buffer keeps what it is sent from piling up. */
    private static final int SENDER_RECEIVE_BUFFER_BYTES = 256;

    private final int fd;
    private final String interfaceName;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment buffer;

    private RawIpSocket(int fd, String interfaceName) {
        this.fd = fd;
        this.interfaceName = interfaceName;
        this.buffer = arena.allocate(VrrpCodec.DATAGRAM_BYTES_MAX);
    }

    /**
     * A socket receiving protocol 112 on one interface; with {@code group} not null it also
     * joins that multicast group there.
     */
    public static RawIpSocket receiver(String interfaceName, Inet4Address group)
            throws LinuxException {
        int index = Libc.interfaceIndex(interfaceName);
        int fd = Libc.socket(Libc.AF_INET, Libc.SOCK_RAW, VrrpCodec.IP_PROTOCOL);
        try (Arena call = Arena.ofConfined()) {
            Libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_BINDTODEVICE, call.allocateFrom(
                    interfaceName), "SO_BINDTODEVICE " + interfaceName);
            if (group != null) {
                Libc.setsockopt(fd, Libc.IPPROTO_IP, Libc.IP_ADD_MEMBERSHIP, SocketAddresses
                        .multicastRequest(call, group, index),
                        "IP_ADD_MEMBERSHIP "
                                + group.getHostAddress() + " on " + interfaceName);
            }
            return new RawIpSocket(fd, interfaceName);
        } catch (LinuxException e) {
            Libc.close(fd);
            throw e;
        }
    }

    /** A socket sending protocol 112 from {@code source} out of one interface. */
    public static RawIpSocket sender(String interfaceName, Inet4Address source)
            throws LinuxException {
        int index = Libc.interfaceIndex(interfaceName);
        int fd = Libc.socket(Libc.AF_INET, Libc.SOCK_RAW, VrrpCodec.IP_PROTOCOL);
        try (Arena call = Arena.ofConfined()) {
            Libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_BINDTODEVICE, call.allocateFrom(
                    interfaceName), "SO_BINDTODEVICE " + interfaceName);
            Libc.bind(fd, SocketAddresses.inet(call, source, 0), source.getHostAddress());
            Libc.setsockopt(fd, Libc.IPPROTO_IP, Libc.IP_MULTICAST_IF, SocketAddresses
                    .multicastRequest(call, null, index), "IP_MULTICAST_IF " + interfaceName);
            Libc.setsockoptInt(fd, Libc.IPPROTO_IP, Libc.IP_MULTICAST_TTL, VrrpCodec.TTL,
                    "IP_MULTICAST_TTL");
            Libc.setsockoptInt(fd, Libc.IPPROTO_IP, Libc.IP_TTL, VrrpCodec.TTL, "IP_TTL");
            Libc.setsockoptInt(fd, Libc.IPPROTO_IP, Libc.IP_MULTICAST_LOOP, 0,
                    "IP_MULTICAST_LOOP");
            Libc.setsockoptInt(fd, Libc.IPPROTO_IP, Libc.IP_TOS, TOS_INTERNETWORK_CONTROL,
                    "IP_TOS");
            Libc.setsockoptInt(fd, Libc.SOL_SOCKET, Libc.SO_RCVBUF,
                    SENDER_RECEIVE_BUFFER_BYTES, "SO_RCVBUF");
            return new RawIpSocket(fd, interfaceName);
        } catch (LinuxException e) {
            Libc.close(fd);
            throw e;
        }
    }

    /** Sends one VRRP message; the kernel adds the IP header. */
    public void send(byte[] message, Inet4Address destination) throws LinuxException {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment data = call.allocateFrom(ValueLayout.JAVA_BYTE, message);
            Libc.sendto(fd, data, SocketAddresses.inet(call, destination, 0), "to "
                    + destination.getHostAddress() + " on " + interfaceName);
        }
    }

    /**
     * Waits up to {@code timeoutMs} for a datagram and copies it, IP header included, into
     * {@code into}; returns its length, or -1 when none came.
     */
    public int receive(byte[] into, int timeoutMs) throws LinuxException {
        if (!Libc.pollIn(fd, timeoutMs)) {
            return -1;
        }
        int length = (int) Math.min(Libc.recv(fd, buffer, "on " + interfaceName), into.length);
        MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, 0, into, 0, length);
        return length;
    }

    @Override
    public void close() {
        Libc.close(fd);
        arena.close();
    }
}
