package io.bramble.lvs.route;

/**
 * The fields the director reads from one Ethernet frame carrying an unfragmented IPv4 TCP or
 * UDP packet. Pure; {@link #parse} never throws for what the wire brings.
 *
 * @param ipOffset where the IP header starts in the frame
 * @param ipLength the IP packet's total length (the frame may carry padding after it)
 * @param headerLength the IP header's length
 * @param protocol {@link #TCP} or {@link #UDP}
 * @param source the client's address, big-endian in an int
 * @param destination the virtual address
 * @param sourcePort the client's port
 * @param destinationPort the virtual port
 * @param tcpFlags the TCP flags byte; 0 for UDP
 */
record Ipv4Packet(int ipOffset, int ipLength, int headerLength, int protocol, int source,
        int destination, int sourcePort, int destinationPort, int tcpFlags) {
    static final int ETHERNET_HEADER_BYTES = 14;
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int TCP = 6;
    static final int UDP = 17;
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int ACK = 0x10;
    private static final int TCP_HEADER_BYTES_MIN = 20;
    private static final int UDP_HEADER_BYTES = 8;
    /** More-fragments flag and fragment offset of the IP header's flags word. */
    private static final int FRAGMENT_MASK = 0x3fff;

    /** What a frame is when it is not an unfragmented IPv4 TCP or UDP packet. */
    enum Refusal {
        NOT_IPV4, FRAGMENT, TRUNCATED
    }

    /** The packet in {@code frame[0, length)}, or null; {@code why[0]} then says why. */
    static Ipv4Packet parse(byte[] frame, int length, Refusal[] why) {
        int ip = ETHERNET_HEADER_BYTES;
        if (length < ip + 20 || u16(frame, 12) != ETHERTYPE_IPV4
                || (frame[ip] & 0xf0) != 0x40) {
            why[0] = Refusal.NOT_IPV4;
            return null;
        }
        int headerLength = (frame[ip] & 0x0f) * 4;
        int total = u16(frame, ip + 2);
        int protocol = frame[ip + 9] & 0xff;
        if (headerLength < 20 || total < headerLength || ip + total > length) {
            why[0] = Refusal.TRUNCATED;
            return null;
        }
        if ((u16(frame, ip + 6) & FRAGMENT_MASK) != 0) {
            why[0] = Refusal.FRAGMENT;
            return null;
        }
        int l4 = ip + headerLength;
        int l4Min = protocol == TCP ? TCP_HEADER_BYTES_MIN : UDP_HEADER_BYTES;
        if ((protocol != TCP && protocol != UDP)) {
            why[0] = Refusal.NOT_IPV4;
            return null;
        }
        if (total - headerLength < l4Min) {
            why[0] = Refusal.TRUNCATED;
            return null;
        }
        return new Ipv4Packet(ip, total, headerLength, protocol, s32(frame, ip + 12),
                s32(frame, ip + 16), u16(frame, l4), u16(frame, l4 + 2),
                protocol == TCP ? frame[l4 + 13] & 0xff : 0);
    }

    /**
     * Whether the frame came over the loopback interface, whose frames carry no MACs: a
     * client on the director itself, which DR and TUN do not serve.
     */
    static boolean fromLoopback(byte[] frame) {
        for (int i = 0; i < 12; i++) {
            if (frame[i] != 0) {
                return false;
            }
        }
        return true;
    }

    boolean tcp() {
        return protocol == TCP;
    }

    /** A TCP SYN without ACK: the first packet of a connection. */
    boolean opensConnection() {
        return tcp() && (tcpFlags & (SYN | ACK)) == SYN;
    }

    boolean has(int flag) {
        return (tcpFlags & flag) != 0;
    }

    /** Where the TCP or UDP header starts in the frame. */
    int transportOffset() {
        return ipOffset + headerLength;
    }

    static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
    }

    static int s32(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16
                | (bytes[at + 2] & 0xff) << 8 | bytes[at + 3] & 0xff;
    }
}
