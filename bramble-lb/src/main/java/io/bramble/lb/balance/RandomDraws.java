package io.bramble.lb.balance;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code balance random(N)}: draws N servers at random in proportion to their weights and keeps
 * the least loaded, HAProxy's "power of two choices" by default. The generator is injected so
 * a seed replays the same choices.
 */
final class RandomDraws implements Algorithm {
    private final List<BalancedServer> servers;
    private final RandomGenerator random;
    private final int draws;

    RandomDraws(List<BalancedServer> servers, RandomGenerator random, int draws) {
        this.servers = List.copyOf(servers);
        this.random = random;
        this.draws = draws;
    }

    @Override
    public BalancedServer pick(RequestKey key, BalancedServer avoid) {
        long total = 0;
        for (BalancedServer server : servers) {
            if (server.hasRoom() && server != avoid) {
                total += server.liveWeight();
            }
        }
        if (total == 0) {
            return null;
        }
        BalancedServer best = null;
        for (int draw = 0; draw < draws; draw++) {
            BalancedServer drawn = draw(random.nextLong(total), avoid);
            if (best == null || LeastConnections.lessLoaded(drawn, best)) {
                best = drawn;
            }
        }
        return best;
    }

    private BalancedServer draw(long point, BalancedServer avoid) {
        long reached = 0;
        BalancedServer last = null;
        for (BalancedServer server : servers) {
            if (server.hasRoom() && server != avoid) {
                reached += server.liveWeight();
                last = server;
                if (point < reached) {
                    return server;
                }
            }
        }
        return last;
    }

    @Override
    public boolean weighsLive() {
        return true;
    }
}
