package io.bramble.lvs.route;

/** Ethernet frames of IPv4 TCP and UDP packets, for the tests, checksums correct. */
final class Frames {
    static final int CLIENT = 0xac100001;
    static final int VIP = 0x0a000001;

    private Frames() {
    }

    static byte[] tcp(int client, int clientPort, int flags, int payloadBytes) {
        return frame(Ipv4Packet.TCP, client, clientPort, VIP, 80, flags, payloadBytes);
    }

    static byte[] udp(int client, int clientPort, int payloadBytes) {
        return frame(Ipv4Packet.UDP, client, clientPort, VIP, 53, 0, payloadBytes);
    }

    /** A frame with a correct checksum, computed here the plain way, word by word. */
    static byte[] frame(int protocol, int source, int sourcePort, int destination,
            int destinationPort, int flags, int payloadBytes) {
        int l4Bytes = (protocol == Ipv4Packet.TCP ? 20 : 8) + payloadBytes;
        byte[] frame = new byte[14 + 20 + l4Bytes];
        frame[12] = 0x08;
        int ip = 14;
        frame[ip] = 0x45;
        put16(frame, ip + 2, 20 + l4Bytes);
        frame[ip + 6] = 0x40;
        frame[ip + 8] = 64;
        frame[ip + 9] = (byte) protocol;
        put32(frame, ip + 12, source);
        put32(frame, ip + 16, destination);
        int l4 = ip + 20;
        put16(frame, l4, sourcePort);
        put16(frame, l4 + 2, destinationPort);
        if (protocol == Ipv4Packet.TCP) {
            frame[l4 + 12] = 0x50;
            frame[l4 + 13] = (byte) flags;
        } else {
            put16(frame, l4 + 4, l4Bytes);
        }
        for (int i = 0; i < payloadBytes; i++) {
            frame[frame.length - payloadBytes + i] = (byte) (i * 7 + 3);
        }
        int at = l4 + (protocol == Ipv4Packet.TCP ? 16 : 6);
        put16(frame, at, checksum(frame, protocol, source, destination, l4, l4Bytes));
        return frame;
    }

    /** The receiver's check: the one's-complement sum with the checksum in is all ones. */
    static boolean checksumValid(byte[] frame) {
        int protocol = frame[14 + 9];
        int l4Bytes = Ipv4Packet.u16(frame, 16) - 20;
        long sum = pseudo(protocol, Ipv4Packet.s32(frame, 26), Ipv4Packet.s32(frame, 30),
                l4Bytes) + words(frame, 34, l4Bytes);
        return fold(sum) == 0xffff;
    }

    private static int checksum(byte[] frame, int protocol, int source, int destination,
            int l4, int l4Bytes) {
        return ~fold(pseudo(protocol, source, destination, l4Bytes) + words(frame, l4, l4Bytes))
                & 0xffff;
    }

    private static long pseudo(int protocol, int source, int destination, int length) {
        return (source >>> 16) + (source & 0xffff) + (destination >>> 16)
                + (destination & 0xffff) + protocol + length;
    }

    private static long words(byte[] bytes, int from, int length) {
        long sum = 0;
        for (int i = 0; i < length; i++) {
            sum += (i % 2 == 0 ? (bytes[from + i] & 0xff) << 8 : bytes[from + i] & 0xff);
        }
        return sum;
    }

    private static int fold(long sum) {
        while (sum > 0xffff) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }

    private static void put16(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 8);
        bytes[at + 1] = (byte) value;
    }

    private static void put32(byte[] bytes, int at, int value) {
        put16(bytes, at, value >>> 16);
        put16(bytes, at + 2, value);
    }
}
