package io.bramble.lvs.route;

/**
 * Recomputes the TCP or UDP checksum of a packet in place. A packet read from a packet socket
 * may carry only the partial sum its sender left for checksum offload (a veth, or a local
 * sender); the real server would drop it as it is. The sum of a packet whose checksum was
 * complete comes out the same, so it is always safe. A UDP packet sent without a checksum
 * (0) keeps none. Pure.
 */
final class TransportChecksum {
    private static final int CHECKSUM_OFFSET_TCP = 16;
    private static final int CHECKSUM_OFFSET_UDP = 6;

    private TransportChecksum() {
    }

    static void fill(byte[] frame, Ipv4Packet packet) {
        int l4 = packet.transportOffset();
        int at = l4 + (packet.tcp() ? CHECKSUM_OFFSET_TCP : CHECKSUM_OFFSET_UDP);
        if (!packet.tcp() && frame[at] == 0 && frame[at + 1] == 0) {
            return;
        }
        frame[at] = 0;
        frame[at + 1] = 0;
        int length = packet.ipLength() - packet.headerLength();
        long sum = sum(frame, packet.ipOffset() + 12, 8) + packet.protocol() + length
                + sum(frame, l4, length);
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        int checksum = (int) ~sum & 0xffff;
        if (checksum == 0 && !packet.tcp()) {
            checksum = 0xffff;
        }
        frame[at] = (byte) (checksum >>> 8);
        frame[at + 1] = (byte) checksum;
    }

    /** The 16-bit big-endian words of {@code bytes[from, from + length)}, summed. */
    private static long sum(byte[] bytes, int from, int length) {
        long sum = 0;
        int end = from + (length & ~1);
        for (int i = from; i < end; i += 2) {
            sum += (bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff;
        }
        if ((length & 1) != 0) {
            sum += (bytes[from + length - 1] & 0xff) << 8;
        }
        return sum;
    }
}
