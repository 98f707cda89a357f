package io.bramble.lb.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An address block such as {@code 127.0.0.0/8} or {@code ::1/128}; a bare address is a block
 * of one.
 *
 * @param network the address bytes (4 or 16), host bits cleared
 * @param prefixBits 0 to 32 for IPv4, 0 to 128 for IPv6
 */
public record NetworkPrefix(byte[] network, int prefixBits) {
    public NetworkPrefix {
        network = network.clone();
        int bits = network.length * 8;
        if (network.length != 4 && network.length != 16) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes");
        }
        if (prefixBits < 0 || prefixBits > bits) {
            throw new IllegalArgumentException(
                    "prefix length must be 0 to " + bits + ", got " + prefixBits);
        }
        clearHostBits(network, prefixBits);
    }

    /**
     * Parses {@code ADDR[/BITS]} or the dotted-mask form {@code ADDR/255.0.0.0}; the message
     * says what was expected. Only numeric addresses are accepted, so no name lookup happens.
     */
    public static NetworkPrefix parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = numericAddress(address)
                .orElseThrow(() -> new IllegalArgumentException(
                        "expected an IP address or network such as 10.0.0.0/8, got '" + text
                                + "'"));
        int bits = bytes.length * 8;
        if (slash >= 0) {
            bits = prefixLength(text.substring(slash + 1), bytes.length, text);
        }
        return new NetworkPrefix(bytes, bits);
    }

    /** True when {@code address} lies in this block; IPv4-mapped IPv6 counts as IPv4. */
    public boolean contains(InetAddress address) {
        byte[] other = address.getAddress();
        if (other.length == 16 && network.length == 4 && isV4Mapped(other)) {
            other = Arrays.copyOfRange(other, 12, 16);
        }
        if (other.length != network.length) {
            return false;
        }
        int full = prefixBits / 8;
        for (int i = 0; i < full; i++) {
            if (other[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixBits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (other[full] & mask) == (network[full] & mask);
    }

    @Override
    public byte[] network() {
        return network.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NetworkPrefix that && prefixBits == that.prefixBits
                && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefixBits;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixBits;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.Optional<byte[]> numericAddress(String text) {
        boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = text.contains(":") && text.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }

    private static int prefixLength(String text, int addressBytes, String whole) {
        if (text.matches("\\d{1,3}")) {
            return Integer.parseInt(text);
        }
        byte[] mask = numericAddress(text).filter(m -> m.length == addressBytes)
                .orElseThrow(() -> new IllegalArgumentException(
                        "expected a prefix length or mask after '/', got '" + whole + "'"));
        int bits = 0;
        for (byte b : mask) {
            bits += Integer.bitCount(b & 0xFF);
        }
        return bits;
    }

    private static boolean isV4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }

    private static void clearHostBits(byte[] bytes, int prefixBits) {
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.clamp(prefixBits - i * 8L, 0, 8);
            bytes[i] &= (byte) ((0xFF << (8 - keep)) & 0xFF);
        }
    }
}
