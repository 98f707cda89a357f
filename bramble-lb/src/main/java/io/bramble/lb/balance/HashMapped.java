package io.bramble.lb.balance;

import java.util.List;

/**
 * Map-based hashing (HAProxy's default {@code hash-type map-based}): the request's hash modulo
 * the total weight of usable servers picks a slot in the weighted table, so the same key
 * reaches the same server while the set of usable servers stays the same. A full server passes
 * the request to the next slot rather than refusing it.
 */
final class HashMapped implements Algorithm {
    private final List<BalancedServer> servers;
    private final RequestHash hash;
    private final WeightedMap map = new WeightedMap();
    private final int[] found = new int[1];

    HashMapped(List<BalancedServer> servers, RequestHash hash) {
        this.servers = List.copyOf(servers);
        this.hash = hash;
        rebuild();
    }

    @Override
    public BalancedServer pick(RequestKey key, BalancedServer avoid) {
        if (map.size() == 0) {
            return null;
        }
        int slot = Integer.remainderUnsigned(hash.hash(key), map.size());
        return map.firstWithRoom(slot, avoid, found);
    }

    @Override
    public void serverChanged(BalancedServer server, Change change) {
        rebuild();
    }

    private void rebuild() {
        map.rebuild(servers, BalancedServer::weight);
    }
}
