package io.bramble.common.net;

import io.bramble.common.check.Checks;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * An address block such as {@code 10.0.0.0/8}, {@code 127.0.0.1} (a single address),
 * {@code 192.168.0.0/255.255.0.0} (HAProxy's netmask form) or {@code fd00::/8}.
 *
 * @param address the address as written, so {@code 10.0.0.1/24} still names its host; bits
 *        past the prefix take no part in {@link #contains}
 * @param prefixLength 0 to 32 for IPv4, 0 to 128 for IPv6
 */
public record Cidr(InetAddress address, int prefixLength) {
    public Cidr {
        Checks.argument(address != null, "address is required");
        int bits = address.getAddress().length * 8;
        Checks.argument(prefixLength >= 0 && prefixLength <= bits,
                "prefix length must be 0 to " + bits + ", got " + prefixLength);
    }

    /**
     * Parses {@code ADDR[/LEN]} or {@code ADDR/NETMASK} (a contiguous mask of the address's
     * family); empty when the text is not one. Only literals are read: no name lookup.
     */
    public static Optional<Cidr> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        Optional<InetAddress> address = IpAddresses.parseLiteral(
                slash < 0 ? text : text.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int bits = address.get().getAddress().length * 8;
        if (slash < 0) {
            return Optional.of(new Cidr(address.get(), bits));
        }
        String length = text.substring(slash + 1);
        if (!length.isEmpty() && length.length() <= 3
                && length.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int prefix = Integer.parseInt(length);
            return prefix <= bits
                    ? Optional.of(new Cidr(address.get(), prefix))
                    : Optional.empty();
        }
        return netmask(address.get(), length);
    }

    /** Like {@link #tryParse}, for text already checked: a bad one is a programming error. */
    public static Cidr parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "expected an IP address or network such as 10.0.0.0/8, got '" + text + "'"));
    }

    /**
     * A mask with holes (255.0.255.0) is refused: it is no prefix, and reading it as one would
     * match other addresses than the user meant.
     */
    private static Optional<Cidr> netmask(InetAddress address, String text) {
        Optional<InetAddress> mask = IpAddresses.parseLiteral(text);
        if (mask.isEmpty() || mask.get().getAddress().length != address.getAddress().length) {
            return Optional.empty();
        }
        byte[] bytes = mask.get().getAddress();
        int prefix = 0;
        while (prefix < bytes.length * 8 && bit(bytes, prefix)) {
            prefix++;
        }
        for (int i = prefix; i < bytes.length * 8; i++) {
            if (bit(bytes, i)) {
                return Optional.empty();
            }
        }
        return Optional.of(new Cidr(address, prefix));
    }

    private static boolean bit(byte[] bytes, int index) {
        return (bytes[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    /**
     * True when {@code candidate} is inside this block; an IPv4-mapped IPv6 address
     * ({@code ::ffff:10.1.2.3}) counts as the IPv4 address it carries, other addresses of
     * the other family are outside.
     */
    public boolean contains(InetAddress candidate) {
        byte[] network = address.getAddress();
        byte[] other = candidate.getAddress();
        if (network.length == 4 && isV4Mapped(other)) {
            other = Arrays.copyOfRange(other, 12, 16);
        }
        if (network.length != other.length) {
            return false;
        }
        int remaining = prefixLength;
        for (int i = 0; i < network.length && remaining > 0; i++) {
            int bits = Math.min(8, remaining);
            int mask = (0xff << (8 - bits)) & 0xff;
            if ((network[i] & mask) != (other[i] & mask)) {
                return false;
            }
            remaining -= bits;
        }
        return true;
    }

    private static boolean isV4Mapped(byte[] bytes) {
        if (bytes.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength;
    }
}
