package io.bramble.fs.volume.create;

import io.bramble.pool.member.Member;
import io.bramble.pool.member.Members;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which member a brick's host means: a member named so (any of its names, or its address),
 * else the member at an address the name resolves to. Name resolution is passed in, so that
 * this stays pure.
 */
public final class BrickPlacement {
    private BrickPlacement() {
    }

    /**
     * @param addressesOf the addresses {@code host} resolves to, as text; empty when it does
     *     not resolve
     */
    public static Optional<Member> member(String host, Members members,
            Function<String, List<String>> addressesOf) {
        Optional<Member> named = members.byName(host);
        if (named.isPresent()) {
            return named;
        }
        List<String> addresses = addressesOf.apply(host);
        return members.all().stream().filter(m -> addresses.contains(m.address()))
                .findFirst();
    }

    /** Gluster's answer for a host that is not a member of the pool. */
    public static String notMember(String host) {
        return "Host " + host + " is not in 'Peer in Cluster' state";
    }

    /** Gluster's answer for a member that is down. */
    public static String notConnected(String host) {
        return "Host " + host + " not connected";
    }
}
