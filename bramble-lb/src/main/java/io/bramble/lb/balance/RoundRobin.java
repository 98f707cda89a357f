package io.bramble.lb.balance;

import java.util.List;

/**
 * {@code balance roundrobin}: smooth weighted rotation. Each pick adds every candidate's
 * weight to its running credit and takes the one with the most, which then pays the total;
 * weights 3:1 give a,a,b,a rather than a,a,a,b, equal weights strictly alternate, and weight
 * changes apply from the next pick.
 */
final class RoundRobin implements Algorithm {
    private final List<BalancedServer> servers;
    private final long[] credit;

    RoundRobin(List<BalancedServer> servers) {
        this.servers = List.copyOf(servers);
        this.credit = new long[servers.size()];
    }

    @Override
    public BalancedServer pick(RequestKey key, BalancedServer avoid) {
        long total = 0;
        int best = -1;
        for (int i = 0; i < servers.size(); i++) {
            BalancedServer server = servers.get(i);
            if (!server.hasRoom() || server == avoid) {
                continue;
            }
            credit[i] += server.liveWeight();
            total += server.liveWeight();
            if (best < 0 || credit[i] > credit[best]) {
                best = i;
            }
        }
        if (best < 0) {
            return null;
        }
        credit[best] -= total;
        return servers.get(best);
    }

    /** A server that changed starts again without credit. */
    @Override
    public void serverChanged(BalancedServer server, Change change) {
        credit[servers.indexOf(server)] = 0;
    }

    @Override
    public boolean weighsLive() {
        return true;
    }
}
