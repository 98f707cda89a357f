package io.bramble.testkit.netns;

import io.bramble.common.check.Checks;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The IPv4 subnet of a lab's bridge, such as {@code 10.77.0.0/24}. Host number n (from 1)
 * gets the address {@value #HOST_OFFSET} + n in it, leaving the first addresses and the top of
 * the range for addresses a test adds, such as a virtual IP. The subnet exists only inside the
 * lab's namespaces, so two labs may use the same one.
 *
 * @param network the network address as a 32-bit number
 * @param prefixLength 8 to 28
 */
record LabSubnet(int network, int prefixLength) {
    static final int HOST_OFFSET = 10;
    static final int PREFIX_LENGTH_MIN = 8;
    static final int PREFIX_LENGTH_MAX = 28;

    LabSubnet {
        Checks.inRange(prefixLength, PREFIX_LENGTH_MIN, PREFIX_LENGTH_MAX, "prefix length");
        Checks.argument((network & ~mask(prefixLength)) == 0,
                "the subnet address has host bits set: " + dotted(network) + "/" + prefixLength);
    }

    /** Parses {@code A.B.C.D/LEN}. */
    static LabSubnet parse(String cidr) {
        String[] parts = cidr.split("/");
        Checks.argument(parts.length == 2 && parts[0].matches("\\d{1,3}(\\.\\d{1,3}){3}")
                && parts[1].matches("\\d{1,2}"),
                "expected a subnet such as 10.77.0.0/24, got '"
                        + cidr + "'");
        int network = 0;
        for (String octet : parts[0].split("\\.")) {
            int value = Integer.parseInt(octet);
            Checks.argument(value <= 255, "bad address in subnet '" + cidr + "'");
            network = network << 8 | value;
        }
        return new LabSubnet(network, Integer.parseInt(parts[1]));
    }

    /** How many hosts fit after the offset, keeping the top address for broadcast. */
    int hostsMax() {
        return (1 << (32 - prefixLength)) - 2 - HOST_OFFSET;
    }

    /** The address of host number {@code n}, from 1. */
    InetAddress hostAddress(int n) {
        Checks.inRange(n, 1, hostsMax(), "host number in " + this);
        return address(network + HOST_OFFSET + n);
    }

    /** {@code address/prefixLength}, as {@code ip addr add} takes it. */
    String cidr(InetAddress address) {
        return address.getHostAddress() + "/" + prefixLength;
    }

    private static int mask(int prefixLength) {
        return (int) (0xFFFF_FFFFL << (32 - prefixLength));
    }

    private static InetAddress address(int value) {
        try {
            return Inet4Address.getByAddress(new byte[]{(byte) (value >>> 24),
                    (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4-byte address is always valid", e);
        }
    }

    private static String dotted(int value) {
        return address(value).getHostAddress();
    }

    @Override
    public String toString() {
        return dotted(network) + "/" + prefixLength;
    }
}
