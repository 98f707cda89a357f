package io.bramble.lb.balance;

import java.util.List;

/**
 * {@code balance leastconn}: the server with the fewest current connections per unit of
 * weight; servers tied on load take turns, so idle short requests still spread out.
 */
final class LeastConnections implements Algorithm {
    private final List<BalancedServer> servers;
    private int next;

    LeastConnections(List<BalancedServer> servers) {
        this.servers = List.copyOf(servers);
    }

    @Override
    public BalancedServer pick(RequestKey key, BalancedServer avoid) {
        int count = servers.size();
        int best = -1;
        for (int step = 0; step < count; step++) {
            int at = (next + step) % count;
            BalancedServer server = servers.get(at);
            if (!server.hasRoom() || server == avoid) {
                continue;
            }
            if (best < 0 || lessLoaded(server, servers.get(best))) {
                best = at;
            }
        }
        if (best < 0) {
            return null;
        }
        next = (best + 1) % count;
        return servers.get(best);
    }

    /** a/wa < b/wb without division: both weights are positive here. */
    static boolean lessLoaded(BalancedServer a, BalancedServer b) {
        return (long) a.activeConnections() * b.liveWeight() < (long) b.activeConnections()
                * a.liveWeight();
    }

    @Override
    public boolean weighsLive() {
        return true;
    }
}
