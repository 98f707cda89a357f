package io.bramble.lvs.schedule;

import java.util.List;

/**
 * {@code wrr}: IPVS's interleaved weighted round robin. A current weight starts at the
 * largest weight and drops by the weights' greatest common divisor after each pass over the
 * servers; a pass picks every server whose weight reaches it. Weights 3 and 1 give
 * A, A, A, B, then again.
 */
final class WeightedRoundRobin implements Scheduler {
    private int index = -1;
    private int currentWeight;
    private int maxWeight;
    private int gcd = 1;

    @Override
    public void serversChanged(List<Destination> servers) {
        maxWeight = 0;
        gcd = 0;
        for (Destination server : servers) {
            maxWeight = Math.max(maxWeight, server.weight());
            gcd = gcd(gcd, server.weight());
        }
        gcd = Math.max(gcd, 1);
        currentWeight = Math.min(currentWeight, maxWeight);
        if (index >= servers.size()) {
            index = -1;
        }
    }

    @Override
    public Destination schedule(List<Destination> servers, Flow flow) {
        if (maxWeight == 0) {
            serversChanged(servers);
            if (maxWeight == 0) {
                return null;
            }
        }
        // At most one full cycle of current weights, each with a pass over the servers.
        int steps = (maxWeight / gcd + 1) * servers.size();
        for (int step = 0; step <= steps; step++) {
            index = (index + 1) % servers.size();
            if (index == 0) {
                currentWeight -= gcd;
                if (currentWeight <= 0) {
                    currentWeight = maxWeight;
                }
            }
            Destination candidate = servers.get(index);
            if (candidate.weight() > 0 && candidate.weight() >= currentWeight) {
                return candidate;
            }
        }
        return null;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
