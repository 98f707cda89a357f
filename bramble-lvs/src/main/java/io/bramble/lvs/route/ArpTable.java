package io.bramble.lvs.route;

import io.bramble.common.net.IpAddresses;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The kernel's IPv4 neighbour table as {@code /proc/net/arp} lists it: per address, the MAC
 * and the interface it was learned on; incomplete entries (no answer yet) left out. Pure.
 */
final class ArpTable {
    /** {@code ATF_COM}: the entry is complete. */
    private static final int COMPLETE = 0x2;
    /** The table is read whole; more lines than this are ignored. */
    static final int ENTRIES_MAX = 65_536;

    /** Where a neighbour is: its MAC and the interface that reaches it. */
    record Neighbour(byte[] mac, String interfaceName) {}

    private ArpTable() {
    }

    static Map<InetAddress, Neighbour> parse(String text) {
        Map<InetAddress, Neighbour> table = new HashMap<>();
        for (String line : text.lines().skip(1).limit(ENTRIES_MAX).toList()) {
            String[] words = line.trim().split("\\s+");
            if (words.length < 6) {
                continue;
            }
            Optional<InetAddress> address = IpAddresses.parseLiteral(words[0]);
            Optional<byte[]> mac = mac(words[3]);
            if (address.isPresent() && mac.isPresent() && (flags(words[2]) & COMPLETE) != 0) {
                table.put(address.get(), new Neighbour(mac.get(), words[5]));
            }
        }
        return table;
    }

    private static int flags(String word) {
        try {
            return Integer.decode(word);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<byte[]> mac(String text) {
        String[] parts = text.split(":");
        if (parts.length != 6) {
            return Optional.empty();
        }
        try {
            return Optional.of(HexFormat.of().parseHex(String.join("", parts)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
