package io.bramble.fs.volume.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A volume's {@code auth.allow} and {@code auth.reject} as Gluster applies them to a client's
 * address: a client {@code auth.reject} names is refused, even when {@code auth.allow} names it
 * too; otherwise it is admitted when {@code auth.allow} names it. Gluster's defaults,
 * {@code auth.allow *} and no {@code auth.reject}, admit every client.
 */
public final class ClientAccess {
    /** The value of {@code auth.reject} that rejects nobody (Gluster's {@code (null)}). */
    public static final String NOBODY = "(null)";

    /** Resolves a host name of a list to its addresses. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> addresses(String host) throws UnknownHostException;

        /** The system's resolver. */
        static Resolver system() {
            return host -> Arrays.asList(InetAddress.getAllByName(host));
        }
    }

    private static final Pattern LITERAL_V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final ClientAccess EVERYONE = new ClientAccess(List.of(
            new AddressPattern.Any()), List.of(), List.of());

    private final List<AddressPattern> allow;
    private final List<AddressPattern> reject;
    private final List<String> unresolved;

    private ClientAccess(List<AddressPattern> allow, List<AddressPattern> reject,
            List<String> unresolved) {
        this.allow = allow;
        this.reject = reject;
        this.unresolved = unresolved;
    }

    /** Every client admitted: Gluster's defaults. */
    public static ClientAccess everyone() {
        return EVERYONE;
    }

    /**
     * The rule of the two lists (comma-separated, as {@code volume set} checked them); an
     * empty {@code reject} or {@link #NOBODY} rejects nobody. A host name that does not
     * resolve stands for no address, and is named by {@link #unresolved}.
     */
    public static ClientAccess of(String allow, String reject, Resolver resolver) {
        List<String> unresolved = new ArrayList<>();
        return new ClientAccess(patterns(allow, resolver, unresolved), reject.isEmpty()
                || reject.equals(NOBODY) ? List.of() : patterns(reject, resolver, unresolved),
                List.copyOf(unresolved));
    }

    /** Whether a client connecting from {@code client} may use the volume's bricks. */
    public boolean admits(InetAddress client) {
        return reject.stream().noneMatch(p -> p.matches(client))
                && allow.stream().anyMatch(p -> p.matches(client));
    }

    /** The host names of the lists that resolved to no address. */
    public List<String> unresolved() {
        return unresolved;
    }

    private static List<AddressPattern> patterns(String list, Resolver resolver,
            List<String> unresolved) {
        List<AddressPattern> patterns = new ArrayList<>();
        for (String item : list.split(",")) {
            if (!item.isBlank()) {
                patterns.add(pattern(item.strip(), resolver, unresolved));
            }
        }
        return List.copyOf(patterns);
    }

    private static AddressPattern pattern(String item, Resolver resolver,
            List<String> unresolved) {
        if (item.equals("*")) {
            return new AddressPattern.Any();
        }
        if (item.contains("*")) {
            return AddressPattern.Glob.of(item);
        }
        int slash = item.indexOf('/');
        if (slash > 0) {
            return network(item.substring(0, slash), item.substring(slash + 1), item,
                    unresolved);
        }
        if (isLiteral(item)) {
            try {
                return new AddressPattern.Addresses(List.of(InetAddress.getByName(item)));
            } catch (UnknownHostException e) {
                unresolved.add(item);
                return new AddressPattern.Addresses(List.of());
            }
        }
        try {
            return new AddressPattern.Addresses(List.copyOf(resolver.addresses(item)));
        } catch (UnknownHostException e) {
            unresolved.add(item);
            return new AddressPattern.Addresses(List.of());
        }
    }

    private static AddressPattern network(String address, String prefix, String item,
            List<String> unresolved) {
        try {
            if (!isLiteral(address) || !prefix.matches("\\d{1,3}")) {
                throw new UnknownHostException(item);
            }
            byte[] network = InetAddress.getByName(address).getAddress();
            int bits = Integer.parseInt(prefix);
            if (bits > network.length * 8) {
                throw new UnknownHostException(item);
            }
            return new AddressPattern.Network(network, bits);
        } catch (UnknownHostException e) {
            unresolved.add(item);
            return new AddressPattern.Addresses(List.of());
        }
    }

    /** An address written out (never looked up): dotted IPv4, or IPv6 with its colons. */
    private static boolean isLiteral(String item) {
        return LITERAL_V4.matcher(item).matches() || item.contains(":");
    }
}
