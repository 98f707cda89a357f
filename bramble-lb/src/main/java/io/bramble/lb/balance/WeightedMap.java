package io.bramble.lb.balance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A table with each usable server repeated as many times as its weight, evenly spread (the
 * smooth rotation order): HAProxy's "map" used by static-rr and by map-based hashing.
 */
final class WeightedMap {
    private BalancedServer[] slots = new BalancedServer[0];

    /** Rebuilds the table from the usable servers of {@code servers}. */
    void rebuild(List<BalancedServer> servers, ToIntFunction<BalancedServer> weightOf) {
        List<BalancedServer> usable = new ArrayList<>();
        for (BalancedServer server : servers) {
            if (server.usable() && weightOf.applyAsInt(server) > 0) {
                usable.add(server);
            }
        }
        int total = usable.stream().mapToInt(weightOf).sum();
        BalancedServer[] table = new BalancedServer[total];
        long[] credit = new long[usable.size()];
        for (int slot = 0; slot < total; slot++) {
            int best = 0;
            for (int i = 0; i < usable.size(); i++) {
                credit[i] += weightOf.applyAsInt(usable.get(i));
                if (credit[i] > credit[best]) {
                    best = i;
                }
            }
            credit[best] -= total;
            table[slot] = usable.get(best);
        }
        slots = table;
    }

    int size() {
        return slots.length;
    }

    /**
     * Starting at {@code slot}, the first server with room that is not {@code avoid}; its
     * slot is returned through {@code found[0]}, or null when none has room.
     */
    BalancedServer firstWithRoom(int slot, BalancedServer avoid, int[] found) {
        for (int step = 0; step < slots.length; step++) {
            int at = (slot + step) % slots.length;
            BalancedServer server = slots[at];
            if (server.hasRoom() && server != avoid) {
                found[0] = at;
                return server;
            }
        }
        return null;
    }
}
