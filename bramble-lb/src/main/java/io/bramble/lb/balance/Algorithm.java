package io.bramble.lb.balance;

import java.util.List;

/**
 * One balancing algorithm over one group of servers (the primaries, or the backups). The
 * {@link Balancer} keeps the servers' fields up to date before calling a hook; an algorithm
 * only updates its own index structures.
 */
interface Algorithm {
    /** A server of the group, usable and with room, for this request; null when none. */
    BalancedServer pick(RequestKey key, BalancedServer avoid);

    /** What happened to a server, as {@link #serverChanged} reports it. */
    enum Change {
        /** It became usable. */
        UP,
        /** It stopped being usable. */
        DOWN,
        /** Its weight changed. */
        WEIGHT
    }

    /** The server's state or weight changed; algorithms without an index ignore it. */
    default void serverChanged(BalancedServer server, Change change) {
    }

    /**
     * Whether it shares traffic by {@link BalancedServer#liveWeight}, so that a server warming
     * up ({@code slowstart}) gets a growing share, as HAProxy's dynamic algorithms do; the
     * static ones keep their weights and only the server's maxconn ramps.
     */
    default boolean weighsLive() {
        return false;
    }

    /** A connection to the server started. */
    default void connectionTaken(BalancedServer server) {
    }

    /** A connection to the server ended. */
    default void connectionReleased(BalancedServer server) {
    }

    /** Builds the algorithm for a group, in declaration order. */
    interface Factory {
        Algorithm create(List<BalancedServer> servers);
    }
}
