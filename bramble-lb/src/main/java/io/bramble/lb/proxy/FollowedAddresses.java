package io.bramble.lb.proxy;

import java.net.InetAddress;
import java.util.Set;

/**
 * The addresses whose listeners bind only while this node holds them (between
 * {@link LoadBalancer#hold} and {@link LoadBalancer#release}), such as VRRP virtual addresses,
 * and how they bind.
 *
 * @param addresses the addresses; a listener on any other address binds at start
 * @param transparent bind them with IP_TRANSPARENT (Linux, epoll, needs CAP_NET_ADMIN): the
 *        connections they accepted can still send from the address after it has left this
 *        node's interface, so a request in flight when the address moves gets its answer
 *        instead of hanging; listeners bound at start on one (non-loopback) address get it
 *        too, for a standalone balancer on an address VRRP moves. Without root, leave it off.
 */
public record FollowedAddresses(Set<InetAddress> addresses, boolean transparent) {
    /** No address followed: every listener binds at start. */
    public static final FollowedAddresses NONE = new FollowedAddresses(Set.of(), false);

    /** No address followed; listeners on one address bind with IP_TRANSPARENT if asked. */
    public static FollowedAddresses none(boolean transparent) {
        return new FollowedAddresses(Set.of(), transparent);
    }

    public FollowedAddresses {
        addresses = Set.copyOf(addresses);
    }
}
