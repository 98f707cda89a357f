package io.bramble.common.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** IP address literals, parsed without ever asking DNS. */
public final class IpAddresses {
    private IpAddresses() {
    }

    /**
     * Parses a dotted-quad IPv4 address ({@code 192.168.2.100}, each part 0 to 255, at most
     * three digits) or an IPv6 address ({@code ::1}, {@code fe80::1}); anything else, host
     * names included, is empty.
     */
    public static Optional<InetAddress> parseLiteral(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        if (text.indexOf(':') >= 0) {
            return parseV6(text);
        }
        return isDottedQuad(text) ? byLiteral(text) : Optional.empty();
    }

    private static Optional<InetAddress> parseV6(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = Character.digit(c, 16) >= 0 && c < 128 || c == ':' || c == '.';
            if (!ok) {
                return Optional.empty(); // also refuses zone ids and brackets
            }
        }
        return byLiteral(text);
    }

    private static boolean isDottedQuad(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Only called with text made of address characters, so no name lookup happens. */
    private static Optional<InetAddress> byLiteral(String text) {
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
