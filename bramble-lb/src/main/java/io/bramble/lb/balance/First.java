package io.bramble.lb.balance;

import java.util.List;

/**
 * {@code balance first}: the first server in declaration order with a free connection slot
 * ({@code maxconn}); the next one only takes traffic once it is full. A server without
 * maxconn is never full, so it takes everything. Also picks among backup servers.
 */
final class First implements Algorithm {
    private final List<BalancedServer> servers;

    First(List<BalancedServer> servers) {
        this.servers = List.copyOf(servers);
    }

    @Override
    public BalancedServer pick(RequestKey key, BalancedServer avoid) {
        for (BalancedServer server : servers) {
            if (server.hasRoom() && server != avoid) {
                return server;
            }
        }
        return null;
    }

    @Override
    public boolean weighsLive() {
        return true;
    }
}
