package io.bramble.vrrp.linux;

import io.bramble.common.os.LinuxException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * An AF_PACKET socket for whole Ethernet frames of one EtherType on every interface: it
 * receives the frames addressed to this machine that its {@link SocketFilter} keeps (never
 * those it sends itself), and sends frames out of a given interface as they are. Needs
 * CAP_NET_RAW (root). One thread uses it; {@link #close} after it stopped.
 */
public final class PacketSocket implements AutoCloseable {
    /** {@code sll_pkttype} of a frame addressed to this machine. */
    private static final int PACKET_HOST = 0;
    private static final int SOCKADDR_LL_BYTES = SocketAddresses.LINK_BYTES;
    /**
     * Frames queued for the one reading thread while it is not scheduled (root may exceed
     * net.core.rmem_max); past it the kernel drops them.
     */
    static final int RECEIVE_BUFFER_BYTES = 4 << 20;

    private final int fd;
    private final int etherType;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment buffer;
    private final MemorySegment from;
    private final MemorySegment fromBytes;
    private final MemorySegment to;
    private int receivedInterface;

    private PacketSocket(int fd, int etherType, int framesBytesMax) {
        this.fd = fd;
        this.etherType = etherType;
        this.buffer = arena.allocate(framesBytesMax);
        this.from = arena.allocate(SOCKADDR_LL_BYTES, 4);
        this.fromBytes = arena.allocate(ValueLayout.JAVA_INT);
        this.to = arena.allocate(SOCKADDR_LL_BYTES, 4);
    }

    /**
     * A socket for frames of {@code etherType} up to {@code frameBytesMax} long (a longer one
     * is cut), on every interface, kept by {@code filter}.
     */
    public static PacketSocket open(int etherType, SocketFilter filter, int frameBytesMax)
            throws LinuxException {
        int fd = Libc.socket(Libc.AF_PACKET, Libc.SOCK_RAW, SocketAddresses.networkOrder(
                etherType));
        try (Arena call = Arena.ofConfined()) {
            Libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_ATTACH_FILTER, filter.program(call),
                    "SO_ATTACH_FILTER");
            Libc.setsockoptInt(fd, Libc.SOL_PACKET, Libc.PACKET_IGNORE_OUTGOING, 1,
                    "PACKET_IGNORE_OUTGOING");
            Libc.setsockoptInt(fd, Libc.SOL_SOCKET, Libc.SO_RCVBUFFORCE, RECEIVE_BUFFER_BYTES,
                    "SO_RCVBUFFORCE");
            return new PacketSocket(fd, etherType, frameBytesMax);
        } catch (LinuxException e) {
            Libc.close(fd);
            throw e;
        }
    }

    /**
     * Waits up to {@code timeoutMs} for a frame addressed to this machine and copies it into
     * {@code into}; returns its length, or -1 when none came (frames for other hosts, seen in
     * promiscuous mode, are skipped). {@link #receivedInterface()} tells where it came in.
     */
    public int receive(byte[] into, int timeoutMs) throws LinuxException {
        long received = receiveNow();
        if (received < 0) {
            if (!Libc.pollIn(fd, timeoutMs)) {
                return -1;
            }
            received = receiveNow();
            if (received < 0) {
                return -1;
            }
        }
        int length = (int) Math.min(received, into.length);
        if (from.get(ValueLayout.JAVA_BYTE, 10) != PACKET_HOST) {
            return -1;
        }
        receivedInterface = from.get(ValueLayout.JAVA_INT, 4);
        MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, 0, into, 0, length);
        return length;
    }

    /** A frame queued now, without waiting; -1 when none is. */
    private long receiveNow() throws LinuxException {
        fromBytes.set(ValueLayout.JAVA_INT, 0, SOCKADDR_LL_BYTES);
        return Libc.recvfrom(fd, buffer, Libc.MSG_DONTWAIT, from, fromBytes, "frame");
    }

    /** The interface index of the last frame received. */
    public int receivedInterface() {
        return receivedInterface;
    }

    /**
     * Sends the first {@code length} bytes of {@code frame}, Ethernet header included, out of
     * interface {@code interfaceIndex} to {@code destinationMac}.
     */
    public void send(byte[] frame, int length, int interfaceIndex, byte[] destinationMac)
            throws LinuxException {
        MemorySegment.copy(frame, 0, buffer, ValueLayout.JAVA_BYTE, 0, length);
        SocketAddresses.link(to, etherType, interfaceIndex, destinationMac);
        Libc.sendto(fd, buffer, length, to, "frame on interface " + interfaceIndex);
    }

    @Override
    public void close() {
        Libc.close(fd);
        arena.close();
    }
}
