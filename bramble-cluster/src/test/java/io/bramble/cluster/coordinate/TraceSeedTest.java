package io.bramble.cluster.coordinate;

import org.junit.jupiter.api.Test;

class TraceSeedTest {
    @Test
    void trace() {
        long seed = Long.getLong("seed", 1);
        SimWorld world = new SimWorld(seed, TestClusters.simulated(), LeaseTiming.DEFAULTS,
                LeaseTiming.DEFAULTS);
        world.tracing = true;
        CoordinatorSimulationTest.injectFaultsForTrace(world, seed);
        world.trace.forEach(System.out::println);
        System.out.println(world.violations);
    }
}
