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

    /** The server became usable. */
    void serverUp(BalancedServer server);

    /** The server stopped being usable. */
    void serverDown(BalancedServer server);

    /** The server's weight changed. */
    void weightChanged(BalancedServer server);

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
