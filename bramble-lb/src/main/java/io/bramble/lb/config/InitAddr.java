package io.bramble.lb.config;

import io.bramble.common.net.HostPort;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A server's {@code init-addr METHOD[,METHOD...]}: how its address is found at start, each
 * method tried in order until one gives an address, as in HAProxy 2.6. {@code last} reads a
 * server-state file, which bramble has not, so it never gives one; {@code libc} resolves the
 * name; {@code none} starts the server without an address, in maintenance; an IP address is
 * used as it is. HAProxy's default is {@code last,libc}.
 *
 * @param methods in the order written
 */
public record InitAddr(List<Method> methods) {
    /** Methods on one line; HAProxy has four kinds, an address list beyond this is a typo. */
    static final int METHODS_MAX = 16;

    /** HAProxy's default: {@code last,libc}. */
    public static final InitAddr DEFAULT = new InitAddr(List.of(Method.LAST, Method.LIBC));

    /** One way of finding the address. */
    public sealed interface Method {
        Method LAST = new Named("last");
        Method LIBC = new Named("libc");
        Method NONE = new Named("none");
    }

    /** {@code last}, {@code libc} or {@code none}. */
    public record Named(String name) implements Method {}

    /** A fixed IP address, used with the server's port. */
    public record Fixed(InetAddress address) implements Method {}

    /** Resolves a name as the system's resolver does. */
    @FunctionalInterface
    public interface Resolver {
        InetSocketAddress resolve(HostPort address) throws UnknownHostException;
    }

    /**
     * What the methods found.
     *
     * @param address where to connect; empty when the server starts without one (none)
     * @param notice what went wrong before a later method gave the result, as HAProxy warns
     *        it; empty when the first method that was tried succeeded
     */
    public record Outcome(Optional<InetSocketAddress> address, Optional<String> notice) {}

    public InitAddr {
        methods = List.copyOf(methods);
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("init-addr needs at least one method");
        }
    }

    /**
     * These methods, then {@code none} when they all fail: what HAProxy's {@code -dr} does to
     * every server, so that a name no method resolves starts the server in maintenance instead
     * of refusing the file.
     */
    public InitAddr orNone() {
        if (methods.contains(Method.NONE)) {
            return this;
        }
        List<Method> more = new ArrayList<>(methods);
        more.add(Method.NONE);
        return new InitAddr(more);
    }

    /** Reads {@code last,libc,none,10.0.0.1}; the message of a refusal names the bad word. */
    public static InitAddr parse(String text) {
        List<Method> methods = new ArrayList<>();
        for (String word : text.split(",", -1)) {
            if (methods.size() >= METHODS_MAX) {
                throw new IllegalArgumentException("more than " + METHODS_MAX
                        + " init-addr methods");
            }
            methods.add(switch (word) {
                case "last" -> Method.LAST;
                case "libc" -> Method.LIBC;
                case "none" -> Method.NONE;
                default -> new Fixed(literal(word));
            });
        }
        return new InitAddr(methods);
    }

    private static InetAddress literal(String word) {
        try {
            return InetAddress.ofLiteral(word);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown init-addr method '" + word
                    + "': expected last, libc, none or an IP address", e);
        }
    }

    /**
     * Tries the methods in order for {@code server}'s address; throws the resolver's
     * exception when none gives an address.
     */
    public Outcome resolve(HostPort server, Resolver libc) throws UnknownHostException {
        UnknownHostException failed = null;
        for (Method method : methods) {
            Optional<String> notice = failed == null
                    ? Optional.empty()
                    : Optional.of("could not resolve address '" + server.host() + "', ");
            if (method instanceof Fixed(InetAddress address)) {
                return new Outcome(Optional.of(new InetSocketAddress(address, server.port())),
                        notice.map(n -> n + "falling back to " + address.getHostAddress()));
            }
            if (method == Method.NONE) {
                return new Outcome(Optional.empty(), notice.map(n -> n + "starting it in "
                        + "maintenance without an address"));
            }
            if (method == Method.LIBC) {
                try {
                    return new Outcome(Optional.of(libc.resolve(server)), Optional.empty());
                } catch (UnknownHostException e) {
                    failed = e;
                }
            }
        }
        throw failed != null
                ? failed
                : new UnknownHostException(server.host()
                        + " (init-addr has only 'last', and bramble keeps no server state)");
    }

    @Override
    public String toString() {
        return String.join(",", methods.stream().map(m -> switch (m) {
            case Named(String name) -> name;
            case Fixed(InetAddress address) -> address.getHostAddress();
        }).toList());
    }
}
