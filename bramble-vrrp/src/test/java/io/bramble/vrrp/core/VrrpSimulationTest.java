package io.bramble.vrrp.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link Simulation} over many seeds and checks each with {@link SimulationChecker}.
 * {@code -Dbramble.vrrp.seeds=N} runs more seeds; {@code -Dbramble.vrrp.seed=S} replays one
 * seed and prints its whole trace.
 */
class VrrpSimulationTest {
    private static final int SEEDS_DEFAULT = 1_000;
    private static final int TRACE_LINES_SHOWN = 80;

    @Test
    void oneMasterPerRouterIdOnceTheNetworkHeals() {
        String replay = System.getProperty("bramble.vrrp.seed");
        List<Long> seeds = new ArrayList<>();
        if (replay != null) {
            seeds.add(Long.parseLong(replay));
        } else {
            int count = Integer.getInteger("bramble.vrrp.seeds", SEEDS_DEFAULT);
            for (long seed = 1; seed <= count; seed++) {
                seeds.add(seed);
            }
        }
        List<String> failures = new ArrayList<>();
        for (long seed : seeds) {
            Simulation simulation = new Simulation(seed);
            SimulationChecker checker = new SimulationChecker(simulation);
            simulation.run(checker::observe);
            checker.finish();
            if (replay != null) {
                System.out.println(simulation.describe() + String.join("\n", simulation.trace));
            }
            if (!checker.violations().isEmpty()) {
                failures.add(report(simulation, checker));
            }
        }
        assertThat(failures).as("failing seeds (replay one with -Dbramble.vrrp.seed=SEED)")
                .isEmpty();
    }

    @Test
    void aSeedReplaysExactly() {
        for (long seed = 1; seed <= 5; seed++) {
            Simulation first = new Simulation(seed);
            first.run(s -> {
            });
            Simulation second = new Simulation(seed);
            second.run(s -> {
            });
            assertThat(second.trace).isEqualTo(first.trace);
            assertThat(first.trace).isNotEmpty();
        }
    }

    private static String report(Simulation simulation, SimulationChecker checker) {
        List<String> trace = simulation.trace;
        List<String> tail = trace.subList(Math.max(0, trace.size() - TRACE_LINES_SHOWN),
                trace.size());
        return simulation.describe() + "violations:\n  "
                + String.join("\n  ", checker.violations()) + "\nlast events:\n  "
                + String.join("\n  ", tail);
    }
}
