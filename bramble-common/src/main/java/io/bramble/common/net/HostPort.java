package io.bramble.common.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An address and port as users write them: {@code 127.0.0.1:8080}, {@code *:80},
 * {@code :80}, {@code 0.0.0.0:80}, {@code [::1]:443}, {@code web1.local:80}. An empty host or
 * {@code *} means every local address.
 *
 * @param host the host as written, empty for "any"
 * @param port 1 to 65535, or {@link #PORT_NONE} for an address written without one
 */
public record HostPort(String host, int port) {
    public static final int PORT_MIN = 1;
    public static final int PORT_MAX = 65_535;
    /** The port of an address written without one ({@link #hostOnly}); never parsed. */
    public static final int PORT_NONE = 0;

    public HostPort {
        if (port != PORT_NONE && (port < PORT_MIN || port > PORT_MAX)) {
            throw new IllegalArgumentException("port must be 1 to 65535, got " + port);
        }
        host = host == null ? "" : host;
    }

    /** A host written without a port; {@link #hasPort} is false. */
    public static HostPort hostOnly(String host) {
        return new HostPort(host, PORT_NONE);
    }

    /** False for an address written without a port. */
    public boolean hasPort() {
        return port != PORT_NONE;
    }

    /**
     * Parses {@code HOST:PORT}; the message of the exception says what was expected, for the
     * caller to prefix with where the text came from.
     */
    public static HostPort parse(String text) {
        Optional<HostPort> parsed = tryParse(text);
        return parsed.orElseThrow(() -> new IllegalArgumentException(
                "expected ADDRESS:PORT such as 127.0.0.1:8080, *:80 or [::1]:80, got '" + text
                        + "'"));
    }

    /** Parses {@code HOST:PORT}, or returns empty when the text is not of that form. */
    public static Optional<HostPort> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf("]:");
            if (close < 0) {
                return Optional.empty();
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
            if (host.contains(":")) {
                return Optional.empty(); // a bare IPv6 address needs brackets
            }
        }
        if (host.equals("*")) {
            host = "";
        }
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int number = Integer.parseInt(port);
        if (number < PORT_MIN || number > PORT_MAX) {
            return Optional.empty();
        }
        return Optional.of(new HostPort(host, number));
    }

    /** True when the host is empty, {@code *}, {@code 0.0.0.0} or {@code ::}. */
    public boolean isAnyAddress() {
        return host.isEmpty() || host.equals("0.0.0.0") || host.equals("::");
    }

    /** Resolves the host; "any" becomes the wildcard address. */
    public InetSocketAddress resolve() throws UnknownHostException {
        if (host.isEmpty()) {
            return new InetSocketAddress(port);
        }
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    @Override
    public String toString() {
        String shown = host.isEmpty() ? "*" : host.contains(":") ? "[" + host + "]" : host;
        return shown + ":" + port;
    }
}
