package io.bramble.common.net;

import io.bramble.common.check.Checks;
import java.net.InetAddress;
import java.util.Optional;

/**
 * An address block such as {@code 10.0.0.0/8}, {@code 127.0.0.1} (a single address),
 * {@code 192.168.0.0/255.255.0.0} (HAProxy's netmask form) or {@code fd00::/8}.
 *
 * @param address the network address as written; bits past the prefix are ignored
 * @param prefixLength 0 to 32 for IPv4, 0 to 128 for IPv6
 */
public record Cidr(InetAddress address, int prefixLength) {
    public Cidr {
        Checks.argument(address != null, "address is required");
        int bits = address.getAddress().length * 8;
        Checks.argument(prefixLength >= 0 && prefixLength <= bits,
                "prefix length must be 0 to " + bits + ", got " + prefixLength);
    }

    /** Parses {@code ADDR[/LEN]} or {@code IPv4/NETMASK}; empty when the text is not one. */
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

    private static Optional<Cidr> netmask(InetAddress address, String text) {
        Optional<InetAddress> mask = IpAddresses.parseLiteral(text);
        if (mask.isEmpty() || mask.get().getAddress().length != 4
                || address.getAddress().length != 4) {
            return Optional.empty();
        }
        byte[] bytes = mask.get().getAddress();
        int value = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16)
                | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
        int prefix = Integer.bitCount(value);
        int expected = prefix == 0 ? 0 : -1 << (32 - prefix);
        return value == expected ? Optional.of(new Cidr(address, prefix)) : Optional.empty();
    }

    /** True when {@code candidate} is of the same family and inside this block. */
    public boolean contains(InetAddress candidate) {
        byte[] network = address.getAddress();
        byte[] other = candidate.getAddress();
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

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength;
    }
}
