package io.bramble.lb.balance;

import io.bramble.lb.config.BalanceConfig;
import java.util.random.RandomGenerator;

/** Maps a {@code balance} line to the class that implements it: the one place that knows. */
final class Algorithms {
    private Algorithms() {
    }

    static Algorithm.Factory factory(BalanceConfig config, RandomGenerator random) {
        return switch (config.algorithm()) {
            case ROUNDROBIN -> RoundRobin::new;
            case STATIC_RR -> StaticRoundRobin::new;
            case LEASTCONN -> LeastConnections::new;
            case SOURCE -> servers -> new HashMapped(servers, SourceHash.INSTANCE);
            case URI -> servers -> new HashMapped(servers, new UriHash(config.uriWhole(),
                    config.uriLengthMax(), config.uriDepthMax()));
            case FIRST -> First::new;
            case RANDOM -> servers -> new RandomDraws(servers, random, config.randomDraws());
        };
    }
}
