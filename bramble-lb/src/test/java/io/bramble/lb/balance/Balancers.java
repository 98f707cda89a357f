package io.bramble.lb.balance;

import io.bramble.lb.config.BalanceAlgorithm;
import io.bramble.lb.config.BalanceConfig;
import java.util.List;
import java.util.SplittableRandom;

/** Balancers for tests: every server usable, draws from a fixed seed. */
final class Balancers {
    private Balancers() {
    }

    static Balancer allUp(BalanceAlgorithm algorithm, List<BalancedServer> servers, long seed) {
        Balancer balancer = Balancer.create(BalanceConfig.of(algorithm), servers,
                new SplittableRandom(seed));
        servers.forEach(balancer::serverUp);
        return balancer;
    }
}
