package io.bramble.lb.balance;

import io.bramble.common.time.Clock;
import io.bramble.lb.config.BalanceAlgorithm;
import io.bramble.lb.config.BalanceConfig;
import java.util.List;
import java.util.SplittableRandom;

/** Balancers for tests: every server usable, draws from a fixed seed. */
final class Balancers {
    private Balancers() {
    }

    static Balancer allUp(BalanceAlgorithm algorithm, List<BalancedServer> servers, long seed) {
        return allUp(algorithm, servers, seed, Clock.system());
    }

    /** As above, warm-ups timed by {@code clock}. */
    static Balancer allUp(BalanceAlgorithm algorithm, List<BalancedServer> servers, long seed,
            Clock clock) {
        Balancer balancer = Balancer.create(BalanceConfig.of(algorithm), servers,
                new SplittableRandom(seed), false, clock);
        servers.forEach(balancer::serverUp);
        return balancer;
    }
}
