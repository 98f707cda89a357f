package io.bramble.lb.config;

import io.bramble.common.config.Args;
import io.bramble.common.net.HostPort;
import io.bramble.common.net.IpAddresses;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * {@code source ADDR[:PORT]} in a backend and as a server option: the local address the
 * connections to the servers leave from, health checks' included, as in HAProxy; port 0 or
 * none lets the system pick one. ADDR is an IP address. Transparent proxying ({@code usesrc}),
 * {@code interface} and port ranges are refused by name.
 */
final class SourceAddress {
    private static final String EXPECTED = "a source address (ADDRESS[:PORT] such as 10.0.0.5, "
            + "10.0.0.5:0 or [::1]:0)";

    private SourceAddress() {
    }

    /** The address after {@code source}, and the refusal of what may follow it. */
    static InetSocketAddress read(Args a) {
        String text = a.next(EXPECTED);
        InetSocketAddress address = parse(text).orElseThrow(() -> a.unexpected(EXPECTED, text));
        Optional<String> next = a.peek();
        if (next.isPresent() && (next.get().equals("usesrc") || next.get().equals("interface"))) {
            a.next("usesrc or interface");
            throw a.fail("'" + next.get() + "' after source is not supported by bramble: "
                    + (next.get().equals("usesrc")
                            ? "it does not proxy transparently (the server sees bramble's "
                                    + "address)"
                            : "it does not bind to an interface")
                    + "; write source ADDRESS[:PORT] alone");
        }
        return address;
    }

    private static Optional<InetSocketAddress> parse(String text) {
        Optional<InetAddress> bare = IpAddresses.parseLiteral(text.startsWith("[")
                && text.endsWith("]") ? text.substring(1, text.length() - 1) : text);
        if (bare.isPresent()) {
            return Optional.of(new InetSocketAddress(bare.get(), 0));
        }
        // HostPort reads ports from 1: port 0, "any", is read as 1 and put back.
        boolean anyPort = text.endsWith(":0");
        Optional<HostPort> parsed = ProxyAddresses.parse(anyPort
                ? text.substring(0, text.length() - 2) + ":1"
                : text);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        int port = anyPort ? 0 : parsed.get().port();
        return IpAddresses.parseLiteral(parsed.get().host()).map(ip -> new InetSocketAddress(ip,
                port));
    }
}
