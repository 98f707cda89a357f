package io.bramble.pool.member;

import io.bramble.common.check.Checks;
import java.util.List;
import java.util.UUID;

/**
 * One member of the pool as every member knows it.
 *
 * @param id the node's UUID, made at its first start and kept in its state directory
 * @param names how the pool knows it, first the one shown as {@code Hostname:}; never empty
 * @param address the address its management port is reached on (an IP address)
 * @param port its management port (glusterd's 24007 by default)
 * @param raftPort the port of its cluster-store replica on the same address
 * @param role voter or witness
 * @param joinedMillis when it joined (wall clock): members are listed in join order
 */
public record Member(UUID id, List<String> names, String address, int port, int raftPort,
        Role role, long joinedMillis) {
    /** Names kept per member; more are dropped, oldest last. */
    public static final int NAMES_MAX = 16;
    /** Longest name accepted, in characters (a DNS name is at most 253). */
    public static final int NAME_CHARS_MAX = 255;

    public Member {
        Checks.argument(!names.isEmpty(), "a member has at least one name");
        Checks.argument(names.size() <= NAMES_MAX, "at most " + NAMES_MAX + " names");
        names.forEach(n -> Checks.argument(!n.isBlank() && n.length() <= NAME_CHARS_MAX,
                "bad member name '" + n + "'"));
        Checks.inRange(port, 1, 65535, "port");
        Checks.inRange(raftPort, 1, 65535, "raftPort");
        names = List.copyOf(names);
    }

    /** The name shown as {@code Hostname:} and in {@code pool list}. */
    public String hostname() {
        return names.getFirst();
    }

    /** The names after the first, shown as {@code Other names:}. */
    public List<String> otherNames() {
        return names.subList(1, names.size());
    }

    /** Whether {@code name} is one of this member's names or its address (any case). */
    public boolean knownAs(String name) {
        return address.equalsIgnoreCase(name)
                || names.stream().anyMatch(n -> n.equalsIgnoreCase(name));
    }

    /** This member with {@code name} first, so that it shows as its host name. */
    public Member withPreferredName(String name) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        all.add(name);
        names.stream().filter(n -> !n.equalsIgnoreCase(name)).forEach(all::add);
        return new Member(id, all.subList(0, Math.min(all.size(), NAMES_MAX)), address, port,
                raftPort, role, joinedMillis);
    }
}
