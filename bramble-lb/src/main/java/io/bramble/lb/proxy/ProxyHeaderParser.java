package io.bramble.lb.proxy;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads the PROXY header (HAProxy's proxy-protocol.txt) a connection to a {@code bind ...
 * accept-proxy} listener opens with, as HAProxy 2.6 reads it: from the bytes of the first read
 * alone, so a header cut short there is refused rather than waited for. Version 1 is the text
 * line {@code PROXY TCP4|TCP6 SRC DST SPORT DPORT\r\n} or {@code PROXY UNKNOWN\r\n}; version 2
 * the 16-byte binary head, the TCP over IPv4 or IPv6 addresses and the TLVs after them, whose
 * lengths must add up and whose CRC32C, when one is sent, must match. Ports are read as HAProxy
 * reads them: decimal digits kept modulo 65536. Pure: bytes in, an outcome out.
 */
final class ProxyHeaderParser {
    /** The bytes of the first read looked at: HAProxy's default buffer size. */
    static final int HEADER_BYTES_MAX = 16384;
    private static final byte[] V1_PREFIX = ascii("PROXY ");
    private static final byte[] V1_TCP4 = ascii("TCP4 ");
    private static final byte[] V1_TCP6 = ascii("TCP6 ");
    private static final byte[] V1_UNKNOWN = ascii("UNKNOWN\r\n");
    private static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A,
            0x51, 0x55, 0x49, 0x54, 0x0A};
    private static final int V2_HEAD_BYTES = 16;
    private static final int V2_IPV4_BYTES = 12;
    private static final int V2_IPV6_BYTES = 36;
    private static final int TLV_HEAD_BYTES = 3;
    private static final int TLV_AUTHORITY = 0x02;
    private static final int TLV_CRC32C = 0x03;
    private static final int TLV_UNIQUE_ID = 0x05;
    /** HAProxy's bounds on the authority and unique-id TLVs. */
    private static final int AUTHORITY_BYTES_MAX = 255;
    private static final int UNIQUE_ID_BYTES_MAX = 128;

    /** What the first bytes of a connection said. */
    sealed interface Outcome {
    }

    /**
     * A header naming the client ({@code source}) and the address it connected to
     * ({@code destination}): the connection's addresses from now on.
     */
    record Addresses(InetSocketAddress source, InetSocketAddress destination, int headerBytes)
            implements
                Outcome {}

    /** {@code PROXY UNKNOWN} or a version 2 {@code LOCAL}: the connection's own addresses. */
    record Kept(int headerBytes) implements Outcome {}

    /** No valid header: the connection is closed. */
    record Refused(Reason reason) implements Outcome {}

    /** Why a connection was refused, in HAProxy's words. */
    enum Reason {
        TRUNCATED, NOT_A_HEADER, INVALID, UNKNOWN_PROTOCOL, CLOSED, TIMEOUT;

        String text() {
            return switch (this) {
                case TRUNCATED -> "Truncated PROXY protocol header received";
                case NOT_A_HEADER -> "Received something which does not look like a PROXY "
                        + "protocol header";
                case INVALID -> "Received an invalid PROXY protocol header";
                case UNKNOWN_PROTOCOL -> "Received an unhandled protocol in the PROXY protocol "
                        + "header";
                case CLOSED -> "Connection closed while waiting for PROXY protocol header";
                case TIMEOUT -> "Timeout while waiting for PROXY protocol header";
            };
        }
    }

    private ProxyHeaderParser() {
    }

    /** Reads the header from {@code data}, the first bytes the connection sent. */
    static Outcome parse(byte[] data) {
        byte[] bytes = data.length > HEADER_BYTES_MAX
                ? Arrays.copyOf(data, HEADER_BYTES_MAX)
                : data;
        if (bytes.length == 0) {
            return new Refused(Reason.CLOSED);
        }
        if (bytes.length < V1_PREFIX.length) {
            return new Refused(Reason.TRUNCATED);
        }
        if (startsWith(bytes, 0, V1_PREFIX)) {
            return versionOne(bytes);
        }
        return versionTwo(bytes);
    }

    private static Outcome versionOne(byte[] bytes) {
        int at = V1_PREFIX.length;
        if (bytes.length < at + 3) {
            return new Refused(Reason.TRUNCATED);
        }
        if (startsWith(bytes, at, V1_TCP4)) {
            return tcp4(bytes, at + V1_TCP4.length);
        }
        if (startsWith(bytes, at, V1_TCP6)) {
            return tcp6(bytes, at + V1_TCP6.length);
        }
        if (startsWith(bytes, at, V1_UNKNOWN)) {
            return new Kept(at + V1_UNKNOWN.length);
        }
        return new Refused(Reason.UNKNOWN_PROTOCOL);
    }

    /** {@code SRC DST SPORT DPORT\r\n} after {@code PROXY TCP4 }, each field in turn. */
    private static Outcome tcp4(byte[] bytes, int start) {
        Cursor cursor = new Cursor(bytes, start);
        byte[] source = cursor.ipv4();
        byte[] destination = cursor.ipv4();
        int sourcePort = cursor.port(' ');
        int destinationPort = cursor.port('\r');
        if (cursor.truncated) {
            return new Refused(Reason.TRUNCATED);
        }
        if (cursor.invalid || cursor.next() != '\n' || source == null || destination == null) {
            return new Refused(Reason.INVALID);
        }
        return new Addresses(address(source, sourcePort), address(destination,
                destinationPort), cursor.at);
    }

    /**
     * After {@code PROXY TCP6 }: up to CR LF, fields separated by single spaces (a fifth field
     * and beyond are not read), the ports digits only (none reads as 0), as HAProxy reads them.
     */
    private static Outcome tcp6(byte[] bytes, int start) {
        List<String> fields = new ArrayList<>();
        int fieldStart = start;
        int at = start;
        while (true) {
            if (at > bytes.length - 2) {
                return new Refused(Reason.TRUNCATED);
            }
            if (bytes[at] == '\r') {
                if (bytes[at + 1] != '\n') {
                    return new Refused(Reason.INVALID);
                }
                fields.add(new String(bytes, fieldStart, at - fieldStart,
                        StandardCharsets.ISO_8859_1));
                at += 2;
                break;
            }
            if (bytes[at] == ' ') {
                fields.add(new String(bytes, fieldStart, at - fieldStart,
                        StandardCharsets.ISO_8859_1));
                fieldStart = at + 1;
            }
            at++;
        }
        if (fields.size() < 4 || !digitsOnly(fields.get(2)) || !digitsOnly(fields.get(3))) {
            return new Refused(Reason.INVALID);
        }
        byte[] source = ipv6(fields.get(0));
        byte[] destination = ipv6(fields.get(1));
        if (source == null || destination == null) {
            return new Refused(Reason.INVALID);
        }
        return new Addresses(address(source, port(fields.get(2))),
                address(destination, port(fields.get(3))), at);
    }

    private static Outcome versionTwo(byte[] bytes) {
        if (bytes.length < V2_HEAD_BYTES) {
            return new Refused(Reason.TRUNCATED);
        }
        if (!startsWith(bytes, 0, V2_SIGNATURE) || (bytes[12] & 0xF0) != 0x20) {
            return new Refused(Reason.NOT_A_HEADER);
        }
        int length = ((bytes[14] & 0xFF) << 8) | (bytes[15] & 0xFF);
        int total = V2_HEAD_BYTES + length;
        if (bytes.length < total) {
            return new Refused(Reason.TRUNCATED);
        }
        return switch (bytes[12] & 0x0F) {
            case 0x00 -> new Kept(total);
            case 0x01 -> proxyCommand(bytes, length, total);
            default -> new Refused(Reason.INVALID);
        };
    }

    /**
     * The addresses of TCP over IPv4 or IPv6, then the TLVs. Other families (UDP, unix
     * sockets) are refused: HAProxy 2.6 reads their address block as TLVs, which fails.
     */
    private static Outcome proxyCommand(byte[] bytes, int length, int total) {
        int family = bytes[13] & 0xFF;
        int addressBytes = family == 0x11 ? V2_IPV4_BYTES : family == 0x21 ? V2_IPV6_BYTES : -1;
        if (addressBytes < 0 || length < addressBytes) {
            return new Refused(Reason.INVALID);
        }
        int ipBytes = (addressBytes - 4) / 2;
        int at = V2_HEAD_BYTES;
        byte[] source = Arrays.copyOfRange(bytes, at, at + ipBytes);
        byte[] destination = Arrays.copyOfRange(bytes, at + ipBytes, at + 2 * ipBytes);
        int ports = at + 2 * ipBytes;
        int sourcePort = ((bytes[ports] & 0xFF) << 8) | (bytes[ports + 1] & 0xFF);
        int destinationPort = ((bytes[ports + 2] & 0xFF) << 8) | (bytes[ports + 3] & 0xFF);
        if (!tlvsValid(bytes, V2_HEAD_BYTES + addressBytes, total)) {
            return new Refused(Reason.INVALID);
        }
        return new Addresses(address(source, sourcePort), address(destination,
                destinationPort), total);
    }

    /** Each TLV fits, the last ends the header, and a CRC32C TLV matches the header's. */
    private static boolean tlvsValid(byte[] bytes, int start, int total) {
        int at = start;
        while (at < total) {
            if (at + TLV_HEAD_BYTES > total) {
                return false;
            }
            int type = bytes[at] & 0xFF;
            int length = ((bytes[at + 1] & 0xFF) << 8) | (bytes[at + 2] & 0xFF);
            int value = at + TLV_HEAD_BYTES;
            at = value + length;
            if (at > total) {
                return false;
            }
            boolean valid = switch (type) {
                case TLV_CRC32C -> length == 4 && crcMatches(bytes, value, total);
                case TLV_AUTHORITY -> length <= AUTHORITY_BYTES_MAX;
                case TLV_UNIQUE_ID -> length <= UNIQUE_ID_BYTES_MAX;
                default -> true;
            };
            if (!valid) {
                return false;
            }
        }
        return true;
    }

    /** The CRC32C of the whole header, its own four bytes taken as zeros. */
    private static boolean crcMatches(byte[] bytes, int value, int total) {
        byte[] header = Arrays.copyOf(bytes, total);
        long sent = ((header[value] & 0xFFL) << 24) | ((header[value + 1] & 0xFFL) << 16)
                | ((header[value + 2] & 0xFFL) << 8) | (header[value + 3] & 0xFFL);
        Arrays.fill(header, value, value + 4, (byte) 0);
        CRC32C crc = new CRC32C();
        crc.update(header);
        return crc.getValue() == sent;
    }

    /** Fields of a version 1 TCP4 line, read left to right. */
    private static final class Cursor {
        final byte[] bytes;
        int at;
        boolean truncated;
        boolean invalid;

        Cursor(byte[] bytes, int at) {
            this.bytes = bytes;
            this.at = at;
        }

        int next() {
            if (at >= bytes.length) {
                truncated = true;
                return -1;
            }
            return bytes[at++];
        }

        /** Digits and dots, then a space; null when they are not a dotted quad. */
        byte[] ipv4() {
            if (truncated || invalid) {
                return null;
            }
            int start = at;
            while (at < bytes.length && (bytes[at] == '.' || isDigit(bytes[at]))) {
                at++;
            }
            String text = new String(bytes, start, at - start, StandardCharsets.ISO_8859_1);
            if (next() != ' ') {
                invalid = !truncated;
                return null;
            }
            return NetUtil.isValidIpV4Address(text)
                    ? NetUtil.createByteArrayFromIpAddressString(text)
                    : null;
        }

        /** Digits (none reads as 0), then {@code end}; modulo 65536 as HAProxy keeps it. */
        int port(char end) {
            if (truncated || invalid) {
                return 0;
            }
            int value = 0;
            while (at < bytes.length && isDigit(bytes[at])) {
                value = (value * 10 + bytes[at] - '0') & 0xFFFF;
                at++;
            }
            if (end == '\r' && at > bytes.length - 2) {
                truncated = true;
                return 0;
            }
            int separator = next();
            invalid = !truncated && separator != end;
            return value;
        }
    }

    private static byte[] ipv6(String text) {
        if (text.isEmpty() || text.indexOf('[') >= 0 || text.indexOf('%') >= 0
                || !NetUtil.isValidIpV6Address(text)) {
            return null;
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(text);
        if (bytes != null && bytes.length == 4) {
            // An address written as IPv4-mapped comes back as four bytes: keep the sixteen.
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xFF;
            mapped[11] = (byte) 0xFF;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            return mapped;
        }
        return bytes;
    }

    private static int port(String digits) {
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            value = (value * 10 + digits.charAt(i) - '0') & 0xFFFF;
        }
        return value;
    }

    private static boolean digitsOnly(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        return bytes.length - at >= prefix.length
                && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }

    /** An address of exactly these bytes: an IPv4-mapped IPv6 one stays IPv6. */
    private static InetSocketAddress address(byte[] ip, int port) {
        try {
            InetAddress address = ip.length == 16
                    ? java.net.Inet6Address.getByAddress(null, ip, -1)
                    : InetAddress.getByAddress(ip);
            return new InetSocketAddress(address, port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + ip.length + " bytes", e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
