package io.bramble.lb.config;

import io.bramble.common.config.Args;
import io.bramble.common.net.HostPort;
import io.bramble.common.net.IpAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The addresses of {@code bind} and {@code server} lines as HAProxy writes them:
 * {@code ADDR:PORT}, {@code *:PORT}, {@code :PORT}, {@code [IPv6]:PORT}, and an IPv6 address
 * without brackets whose port follows its last colon ({@code :::80} is every IPv6 and IPv4
 * address, port 80). A server address without a port takes the port each client connected
 * to, as in HAProxy. Forms bramble cannot serve (unix and abstract sockets, a port relative to
 * the client's) are refused by name.
 */
final class ProxyAddresses {
    private static final String BIND_EXPECTED = "an address to listen on (ADDRESS:PORT such as "
            + "*:80, 127.0.0.1:8080, [::]:80 or :::80)";
    private static final String SERVER_EXPECTED = "a server address (ADDRESS:PORT such as "
            + "127.0.0.1:8080, web1.local:80 or [::1]:80)";

    /** Listeners one {@code ADDR:LOW-HIGH} may open: each is a socket and an accept loop. */
    static final int BIND_PORT_RANGE_MAX = 1_000;
    /** {@code ADDR:LOW-HIGH}: the address, the first port, the last port. */
    private static final Pattern PORT_RANGE = Pattern.compile("(.*):(\\d{1,5})-(\\d+)");

    private ProxyAddresses() {
    }

    /**
     * One {@code ADDR:PORT} of a bind line or of the old {@code listen NAME ADDR:PORT}, or
     * {@code ADDR:LOW-HIGH}: one address per port of the range, as HAProxy binds them.
     */
    static List<HostPort> bind(Args a, String text) {
        String plain = withoutFamily(text);
        refuseSockets(a, plain, "bind address");
        Matcher range = PORT_RANGE.matcher(plain);
        if (!range.matches()) {
            return List.of(parse(plain).orElseThrow(() -> a.unexpected(BIND_EXPECTED, text)));
        }
        HostPort low = parse(range.group(1) + ":" + range.group(2))
                .orElseThrow(() -> a.unexpected(BIND_EXPECTED, text));
        int high = range.group(3).length() > 5 ? -1 : Integer.parseInt(range.group(3));
        if (high < low.port() || high > HostPort.PORT_MAX) {
            throw a.fail("invalid port range " + Args.quote(text) + ": the last port must be "
                    + "from " + low.port() + " to " + HostPort.PORT_MAX);
        }
        if (high - low.port() + 1 > BIND_PORT_RANGE_MAX) {
            throw a.fail("port range " + Args.quote(text) + " has " + (high - low.port() + 1)
                    + " ports; bramble binds at most " + BIND_PORT_RANGE_MAX + " per range");
        }
        List<HostPort> ports = new ArrayList<>();
        for (int port = low.port(); port <= high; port++) {
            ports.add(new HostPort(low.host(), port));
        }
        return ports;
    }

    /** The address of a server line. */
    static HostPort server(Args a) {
        String text = a.next(SERVER_EXPECTED);
        String plain = withoutFamily(text);
        refuseSockets(a, plain, "server address");
        Optional<HostPort> parsed = parse(plain);
        if (parsed.isPresent()) {
            return parsed.get();
        }
        int colon = plain.lastIndexOf(':');
        String port = colon < 0 ? "" : plain.substring(colon + 1);
        if (port.startsWith("+") || port.startsWith("-")) {
            throw a.fail("server address " + Args.quote(text) + ": a port relative to the "
                    + "client's (" + port + ") is not supported by bramble; write ADDRESS:PORT");
        }
        if (port.isEmpty() && !plain.isEmpty() && (colon < 0 || colon == plain.length() - 1)) {
            // As HAProxy: the server is reached on the port each client connected to.
            String host = colon < 0 ? plain : plain.substring(0, colon);
            if (!host.isEmpty() && !host.equals("*") && !host.contains(":")) {
                return HostPort.hostOnly(host);
            }
        }
        throw a.unexpected(SERVER_EXPECTED, text);
    }

    /** {@link HostPort#tryParse}, plus a bare IPv6 address with the port after its last colon. */
    static Optional<HostPort> parse(String text) {
        Optional<HostPort> parsed = HostPort.tryParse(text);
        if (parsed.isPresent() || text.startsWith("[")) {
            return parsed;
        }
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || text.indexOf(':') == colon) {
            return Optional.empty();
        }
        String host = text.substring(0, colon);
        if (IpAddresses.parseLiteral(host).isEmpty()) {
            return Optional.empty();
        }
        return HostPort.tryParse("[" + host + "]" + text.substring(colon));
    }

    private static String withoutFamily(String text) {
        if (text.startsWith("ipv4@") || text.startsWith("ipv6@")) {
            return text.substring("ipv4@".length());
        }
        return text;
    }

    private static void refuseSockets(Args a, String text, String what) {
        // text is without an ipv4@ or ipv6@ prefix; what is left before an @ is a socket kind
        String kind = text.startsWith("abns@")
                ? "an abstract unix socket (abns@)"
                : text.startsWith("unix@") || text.startsWith("/")
                        ? "a unix socket"
                        : text.startsWith("sockpair@")
                                ? "a socket pair (sockpair@)"
                                : text.startsWith("fd@")
                                        ? "an inherited socket (fd@)"
                                        : text.contains("@")
                                                ? "an address family prefix ("
                                                        + text.substring(0, text.indexOf('@') + 1)
                                                        + ")"
                                                : null;
        if (kind != null) {
            throw a.fail(what + " " + Args.quote(text) + " is " + kind + ", which bramble does "
                    + "not support; use ADDRESS:PORT");
        }
    }
}
