package io.bramble.vrrp.wire;

import io.bramble.vrrp.core.VrrpVersion;
import io.bramble.vrrp.wire.Decoded.Accepted;
import io.bramble.vrrp.wire.Decoded.Dropped;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes VRRP advertisements over IPv4.
 *
 * <pre>
 * version 2 (RFC 3768 5.1)                 version 3 (RFC 5798 5.1)
 * |ver|type| vrid | priority | count |     |ver|type| vrid | priority | count |
 * | auth type | adver int | checksum |     |rsvd| max adver int | checksum   |
 * | addresses, 4 bytes each          |     | addresses, 4 bytes each         |
 * | authentication data, 8 bytes     |
 * </pre>
 *
 * Version 2's checksum covers the VRRP message; version 3's adds the IPv4 pseudo-header
 * (source, destination, protocol 112, length). Decoding never throws: every malformed input
 * becomes {@link Dropped} with a reason.
 */
public final class VrrpCodec {
    public static final int IP_PROTOCOL = 112;
    /** Sent with TTL 255 and received only with 255, so adverts never cross a router. */
    public static final int TTL = 255;
    /** Big enough for an IPv4 header with options and 255 addresses. */
    public static final int DATAGRAM_BYTES_MAX = 2_048;
    public static final Inet4Address GROUP = ipv4(new byte[]{(byte) 224, 0, 0, 18});

    private static final int TYPE_ADVERTISEMENT = 1;
    private static final int HEADER_BYTES = 8;
    private static final int AUTH_DATA_BYTES = 8;
    private static final int AUTH_NONE = 0;
    private static final int AUTH_SIMPLE = 1;
    private static final int IPV4_HEADER_BYTES_MIN = 20;

    private VrrpCodec() {
    }

    /** The VRRP message to send from {@code source} to {@code destination} (no IP header). */
    public static byte[] encode(VrrpPacket packet, Inet4Address source,
            Inet4Address destination) {
        boolean v2 = packet.version() == VrrpVersion.V2;
        int count = packet.addresses().size();
        byte[] out = new byte[messageBytes(v2, count)];
        out[0] = (byte) (packet.version().number() << 4 | TYPE_ADVERTISEMENT);
        out[1] = (byte) packet.virtualRouterId();
        out[2] = (byte) packet.priority();
        out[3] = (byte) count;
        if (v2) {
            out[4] = (byte) (packet.authenticated() ? AUTH_SIMPLE : AUTH_NONE);
            out[5] = (byte) (packet.advertIntervalMs() / 1_000);
        } else {
            int centis = packet.advertIntervalMs() / 10;
            out[4] = (byte) (centis >>> 8 & 0x0f);
            out[5] = (byte) centis;
        }
        int at = HEADER_BYTES;
        for (Inet4Address address : packet.addresses()) {
            System.arraycopy(address.getAddress(), 0, out, at, 4);
            at += 4;
        }
        if (v2) {
            byte[] password = packet.password().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(password, 0, out, at, password.length);
        }
        int checksum = checksum(v2, out, 0, out.length, source, destination);
        out[6] = (byte) (checksum >>> 8);
        out[7] = (byte) checksum;
        return out;
    }

    /** Decodes a whole IPv4 datagram as a raw socket receives it, header included. */
    public static Decoded decodeIpv4(byte[] datagram, int length) {
        if (length < IPV4_HEADER_BYTES_MIN || length > datagram.length) {
            return new Dropped(DropReason.TRUNCATED, length + " bytes");
        }
        if ((datagram[0] & 0xf0) != 0x40) {
            return new Dropped(DropReason.NOT_IPV4, "IP version " + (datagram[0] >> 4 & 0xf));
        }
        int headerBytes = (datagram[0] & 0x0f) * 4;
        int totalBytes = u16(datagram, 2);
        if (headerBytes < IPV4_HEADER_BYTES_MIN || totalBytes < headerBytes
                || totalBytes > length) {
            return new Dropped(DropReason.TRUNCATED, "header " + headerBytes + ", total "
                    + totalBytes + ", received " + length);
        }
        if ((u16(datagram, 6) & 0x3fff) != 0) {
            return new Dropped(DropReason.FRAGMENT, "fragment offset or more-fragments set");
        }
        int protocol = datagram[9] & 0xff;
        if (protocol != IP_PROTOCOL) {
            return new Dropped(DropReason.NOT_VRRP, "protocol " + protocol);
        }
        Inet4Address source = ipv4(slice(datagram, 12, 4));
        Inet4Address destination = ipv4(slice(datagram, 16, 4));
        return decodeVrrp(datagram, headerBytes, totalBytes - headerBytes, source, destination,
                datagram[8] & 0xff);
    }

    /**
     * Decodes a VRRP message that arrived from {@code source} to {@code destination} with the
     * given TTL. A multicast advert must have TTL 255; a unicast one may have crossed routers.
     */
    public static Decoded decodeVrrp(byte[] bytes, int offset, int length, Inet4Address source,
            Inet4Address destination, int ttl) {
        if (offset < 0 || length < HEADER_BYTES || offset + length > bytes.length) {
            return new Dropped(DropReason.TRUNCATED, "VRRP message of " + length + " bytes");
        }
        if (destination.isMulticastAddress() && ttl != TTL) {
            return new Dropped(DropReason.BAD_TTL, "TTL " + ttl + " from " + text(source));
        }
        VrrpVersion version = VrrpVersion.ofNumber(bytes[offset] >> 4 & 0xf);
        if (version == null) {
            return new Dropped(DropReason.BAD_VERSION, "version " + (bytes[offset] >> 4 & 0xf));
        }
        if ((bytes[offset] & 0xf) != TYPE_ADVERTISEMENT) {
            return new Dropped(DropReason.BAD_TYPE, "type " + (bytes[offset] & 0xf));
        }
        boolean v2 = version == VrrpVersion.V2;
        int count = bytes[offset + 3] & 0xff;
        if (length != messageBytes(v2, count)) {
            return new Dropped(DropReason.BAD_LENGTH, length + " bytes for " + count
                    + " addresses in version " + version.number());
        }
        if (checksum(v2, bytes, offset, length, source, destination) != 0) {
            return new Dropped(DropReason.BAD_CHECKSUM, "from " + text(source));
        }
        int virtualRouterId = bytes[offset + 1] & 0xff;
        if (virtualRouterId == 0) {
            return new Dropped(DropReason.BAD_VIRTUAL_ROUTER_ID, "from " + text(source));
        }
        return fields(bytes, offset, version, count, source, destination, ttl);
    }

    private static Decoded fields(byte[] bytes, int offset, VrrpVersion version, int count,
            Inet4Address source, Inet4Address destination, int ttl) {
        boolean v2 = version == VrrpVersion.V2;
        int intervalMs = v2
                ? (bytes[offset + 5] & 0xff) * 1_000
                : (u16(bytes, offset + 4) & 0x0fff) * 10;
        if (intervalMs == 0) {
            return new Dropped(DropReason.BAD_INTERVAL, "from " + text(source));
        }
        List<Inet4Address> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            addresses.add(ipv4(slice(bytes, offset + HEADER_BYTES + 4 * i, 4)));
        }
        String password = "";
        if (v2) {
            int authType = bytes[offset + 4] & 0xff;
            if (authType != AUTH_NONE && authType != AUTH_SIMPLE) {
                return new Dropped(DropReason.UNSUPPORTED_AUTHENTICATION, "type " + authType);
            }
            if (authType == AUTH_SIMPLE) {
                password = password(bytes, offset + HEADER_BYTES + 4 * count);
                if (password == null) {
                    return new Dropped(DropReason.UNSUPPORTED_AUTHENTICATION,
                            "password is not ASCII");
                }
            }
        }
        VrrpPacket packet = new VrrpPacket(version, bytes[offset + 1] & 0xff,
                bytes[offset + 2] & 0xff, intervalMs, addresses, password);
        return new Accepted(source, destination, ttl, packet);
    }

    /** The password up to the first zero byte, or null if it is not printable ASCII. */
    private static String password(byte[] bytes, int offset) {
        int end = offset;
        while (end < offset + AUTH_DATA_BYTES && bytes[end] != 0) {
            if (bytes[end] < 0x20 || bytes[end] > 0x7e) {
                return null;
            }
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.US_ASCII);
    }

    private static int messageBytes(boolean v2, int count) {
        return HEADER_BYTES + 4 * count + (v2 ? AUTH_DATA_BYTES : 0);
    }

    /** The checksum over the message (field included: a valid message sums to 0). */
    private static int checksum(boolean v2, byte[] bytes, int offset, int length,
            Inet4Address source, Inet4Address destination) {
        long sum = 0;
        if (!v2) {
            byte[] pseudo = new byte[12];
            System.arraycopy(source.getAddress(), 0, pseudo, 0, 4);
            System.arraycopy(destination.getAddress(), 0, pseudo, 4, 4);
            pseudo[9] = (byte) IP_PROTOCOL;
            pseudo[10] = (byte) (length >>> 8);
            pseudo[11] = (byte) length;
            sum = InternetChecksum.add(sum, pseudo, 0, pseudo.length);
        }
        return InternetChecksum.finish(InternetChecksum.add(sum, bytes, offset, length));
    }

    private static int u16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 8 | bytes[offset + 1] & 0xff;
    }

    private static byte[] slice(byte[] bytes, int offset, int length) {
        byte[] part = new byte[length];
        System.arraycopy(bytes, offset, part, 0, length);
        return part;
    }

    private static String text(InetAddress address) {
        return address.getHostAddress();
    }

    /** Four bytes as an address: no name lookup happens for a raw address. */
    public static Inet4Address ipv4(byte[] four) {
        try {
            return (Inet4Address) InetAddress.getByAddress(four);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an IPv4 address has 4 bytes", e);
        }
    }
}
