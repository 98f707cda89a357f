package io.bramble.cluster.coordinate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How long a resource is down when the machine it runs on dies, in the simulation with the
 * default lease and no other fault: from the death to the resource's start beginning on another
 * node. The bound is the timing argument's own: the pool notices the loss
 * {@link SimWorld#DETECT_MS} late, the coordinator waits {@link LeaseTiming#waitMs()} after its
 * last answer to the node (given at most one renewal period and a message before the death),
 * then the start waits for its coordinator tick and a message. When the dead machine also held
 * the coordinator, the new one counts its wait from its election.
 */
class FailoverTimeTest {
    private static final int SEEDS = 40;
    private static final long SEARCH_MS = 20_000;

    @Test
    void aResourceOfADeadNodeStartsElsewhereWithinTheLeaseWait() {
        LeaseTiming t = LeaseTiming.DEFAULTS;
        List<Long> plain = new ArrayList<>();
        List<Long> withCoordinator = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            plain.add(failover(seed, t, false, false));
            withCoordinator.add(failover(seed, t, true, false));
        }
        long tick = 100;
        long messages = 50;
        long bound = t.renewMs() + t.waitMs() + tick + messages;
        assertThat(plain).isNotEmpty().allMatch(ms -> ms <= bound);
        assertThat(withCoordinator).isNotEmpty()
                .allMatch(ms -> ms <= SimWorld.DETECT_MS + SimWorld.POOL_TICK_MS
                        + t.waitMs() + tick + messages + 1_000);
        System.out.println("failover, ms (death to start elsewhere), lease wait " + t.waitMs()
                + " ms: other node died " + stats(plain) + "; coordinator's node died "
                + stats(withCoordinator));
    }

    /**
     * With a fence device the wait ends when the device reports the node off, also when the
     * node was the coordinator's: the new coordinator fences it as it takes over.
     */
    @Test
    void aFenceDeviceShortensTheWait() {
        List<Long> fenced = new ArrayList<>();
        List<Long> withCoordinator = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            fenced.add(failover(seed, LeaseTiming.DEFAULTS, false, true));
            withCoordinator.add(failover(seed, LeaseTiming.DEFAULTS, true, true));
        }
        long bound = SimWorld.DETECT_MS + SimWorld.POOL_TICK_MS + SimWorld.FENCE_MS + 100 + 50;
        assertThat(fenced).allMatch(ms -> ms <= bound);
        assertThat(withCoordinator).as("the coordinator's node, fenced by the next one")
                .allMatch(ms -> ms <= bound + SimWorld.POOL_TICK_MS);
        System.out.println("failover with a fence device, ms: other node died " + stats(fenced)
                + "; coordinator's node died " + stats(withCoordinator));
    }

    /**
     * Kills the node that runs a resource (the coordinator's node, or another) once the cluster
     * settled, and measures until that resource's start begins elsewhere.
     */
    private static long failover(long seed, LeaseTiming t, boolean coordinatorNode,
            boolean fencing) {
        SimWorld world = new SimWorld(seed, TestClusters.simulated(), t, t, fencing);
        world.runUntil(10_000);
        String coordinator = world.coordinatorHost().orElseThrow();
        Map.Entry<String, List<String>> victim = world.activeNodes().entrySet().stream()
                .filter(e -> e.getValue().getFirst().equals(coordinator) == coordinatorNode)
                .findFirst().orElseThrow();
        String host = victim.getValue().getFirst();
        world.nodes.get(host).crash();
        long deathAt = world.now;
        while (world.activeNodes().get(victim.getKey()).isEmpty()
                && world.now < deathAt + SEARCH_MS) {
            world.runUntil(world.now + 1);
        }
        assertThat(world.violations).isEmpty();
        return world.now - deathAt;
    }

    private static String stats(List<Long> ms) {
        if (ms.isEmpty()) {
            return "(none)";
        }
        LongSummaryStatistics s = ms.stream().mapToLong(Long::longValue).summaryStatistics();
        List<Long> sorted = ms.stream().sorted().toList();
        return "n=" + s.getCount() + " min " + s.getMin() + " median "
                + sorted.get(sorted.size() / 2) + " max " + s.getMax();
    }
}
