package io.bramble.lvs.config;

import io.bramble.common.net.Cidr;
import io.bramble.common.net.IpAddresses;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The addresses of one {@code virtual_server_group} line, as keepalived writes ranges:
 * {@code 192.168.200.3-10} (the last part ranges), {@code 192.168.200.250-192.168.201.10},
 * {@code 192.168.202.8/29}, {@code ae00::2-9} (the last group, in hex), or one address.
 */
final class GroupEntries {
    /** Addresses one group may hold: each is a listening socket of the director. */
    static final int ADDRESSES_MAX = 256;

    private GroupEntries() {
    }

    /** The addresses {@code text} names; empty when it is no address or range. */
    static Optional<List<InetAddress>> expand(String text) {
        int slash = text.indexOf('/');
        if (slash > 0) {
            return Cidr.tryParse(text).flatMap(cidr -> span(first(cidr), cidr.prefixLength(),
                    cidr.address().getAddress().length * 8));
        }
        int dash = text.indexOf('-');
        if (dash < 0) {
            return IpAddresses.parseLiteral(text).map(List::of);
        }
        Optional<InetAddress> low = IpAddresses.parseLiteral(text.substring(0, dash));
        if (low.isEmpty()) {
            return Optional.empty();
        }
        String end = text.substring(dash + 1);
        Optional<InetAddress> high = IpAddresses.parseLiteral(end).or(() -> lastPart(low.get(),
                end));
        return high.flatMap(h -> between(low.get(), h));
    }

    private static Optional<InetAddress> lastPart(InetAddress low, String end) {
        String written = low.getHostAddress();
        boolean v4 = low.getAddress().length == 4;
        int cut = written.lastIndexOf(v4 ? '.' : ':');
        return IpAddresses.parseLiteral(written.substring(0, cut + 1) + end);
    }

    private static InetAddress first(Cidr cidr) {
        BigInteger value = new BigInteger(1, cidr.address().getAddress());
        int bits = cidr.address().getAddress().length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(bits - cidr.prefixLength())
                .subtract(BigInteger.ONE).not();
        return address(value.and(mask), cidr.address().getAddress().length);
    }

    private static Optional<List<InetAddress>> span(InetAddress first, int prefix, int bits) {
        if (bits - prefix > 8) {
            return Optional.empty();
        }
        BigInteger low = new BigInteger(1, first.getAddress());
        BigInteger high = low.add(BigInteger.ONE.shiftLeft(bits - prefix))
                .subtract(BigInteger.ONE);
        return Optional.of(range(low, high, first.getAddress().length));
    }

    private static Optional<List<InetAddress>> between(InetAddress low, InetAddress high) {
        if (low.getAddress().length != high.getAddress().length) {
            return Optional.empty();
        }
        BigInteger from = new BigInteger(1, low.getAddress());
        BigInteger to = new BigInteger(1, high.getAddress());
        if (to.compareTo(from) < 0
                || to.subtract(from).compareTo(BigInteger.valueOf(ADDRESSES_MAX)) >= 0) {
            return Optional.empty();
        }
        return Optional.of(range(from, to, low.getAddress().length));
    }

    private static List<InetAddress> range(BigInteger from, BigInteger to, int length) {
        List<InetAddress> out = new ArrayList<>();
        for (BigInteger at = from; at.compareTo(to) <= 0; at = at.add(BigInteger.ONE)) {
            out.add(address(at, length));
        }
        return out;
    }

    private static InetAddress address(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, bytes, length - copy, copy);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + length + " bytes", e);
        }
    }
}
