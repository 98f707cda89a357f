package io.bramble.lb.balance;

import java.util.List;

/**
 * {@code balance static-rr}: rotation over a table built from the configured weights; the
 * table changes when servers go up or down, never with run-time weight changes, as HAProxy
 * documents. No limit on the number of servers' weights beyond the table size (at most 256
 * slots per server).
 */
final class StaticRoundRobin implements Algorithm {
    private final List<BalancedServer> servers;
    private final WeightedMap map = new WeightedMap();
    private final int[] found = new int[1];
    private int next;

    StaticRoundRobin(List<BalancedServer> servers) {
        this.servers = List.copyOf(servers);
        rebuild();
    }

    @Override
    public BalancedServer pick(RequestKey key, BalancedServer avoid) {
        if (map.size() == 0) {
            return null;
        }
        BalancedServer chosen = map.firstWithRoom(next % map.size(), avoid, found);
        if (chosen != null) {
            next = (found[0] + 1) % map.size();
        }
        return chosen;
    }

    @Override
    public void serverChanged(BalancedServer server, Change change) {
        // static: a weight change is ignored, the configured weights stay in force.
        if (change != Change.WEIGHT) {
            rebuild();
        }
    }

    private void rebuild() {
        map.rebuild(servers, BalancedServer::initialWeight);
        next = 0;
    }
}
