package io.bramble.cluster.policy;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bramble.cluster.cib.CibWriter;
import io.bramble.cluster.model.Cluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random small clusters, each scheduled by bramble's engine and by Pacemaker's own scheduler
 * ({@code crm_simulate}): the placement after the transition and the set of starts, stops,
 * moves and restarts must be the same. {@code -Dbramble.cluster.diff.cases=N} runs N clusters
 * (default {@value #DEFAULT_CASES}); {@code -Dbramble.cluster.diff.seed=S} replays one.
 */
class CrmSimulateDifferentialTest {
    static final int DEFAULT_CASES = 400;
    /** Differences printed in full before the rest are only counted. */
    /** Clusters compared at once. */
    private static final int AT_ONCE = 2;
    private static final int SHOWN_MAX = Integer.getInteger("bramble.cluster.diff.shown", 3);

    @TempDir
    Path dir;

    @Test
    void bramblePlacesAndActsAsPacemakerDoes() throws Exception {
        assumeTrue(CrmSimulate.available(), "crm_simulate is not on the PATH: install"
                + " pacemaker-cli-utils to check the policy engine against Pacemaker");
        List<Long> seeds = seeds();
        List<Future<Optional<String>>> compared = new ArrayList<>();
        // crm_simulate keeps one core busy: two clusters at a time on a machine of two cores.
        try (ExecutorService both = Executors.newFixedThreadPool(AT_ONCE)) {
            for (long seed : seeds) {
                compared.add(both.submit(() -> compare(seed)));
            }
        }
        List<String> differences = new ArrayList<>();
        for (Future<Optional<String>> one : compared) {
            one.get().ifPresent(differences::add);
        }
        if (!differences.isEmpty()) {
            fail(differences.size() + " of " + seeds.size() + " clusters differ from"
                    + " crm_simulate:\n" + String.join("\n", differences.subList(0,
                            Math.min(SHOWN_MAX, differences.size()))));
        }
    }

    private static List<Long> seeds() {
        String one = System.getProperty("bramble.cluster.diff.seed");
        if (one != null) {
            return List.of(Long.parseLong(one));
        }
        int cases = Integer.getInteger("bramble.cluster.diff.cases", DEFAULT_CASES);
        List<Long> seeds = new ArrayList<>();
        for (long s = 1; s <= cases; s++) {
            seeds.add(s);
        }
        return seeds;
    }

    private Optional<String> compare(long seed) throws Exception {
        Cluster cluster = RandomClusters.generate(seed);
        String cib = CibWriter.write(cluster);
        CrmSimulate.Result pacemaker = CrmSimulate.run(dir, cib, RandomClusters.NOW);
        Transition bramble = PolicyEngine.schedule(cluster, RandomClusters.NOW);
        Set<String> ours = new LinkedHashSet<>();
        bramble.changes().forEach(c -> ours.add(c.brief()));
        Map<String, Optional<String>> placement = bramble.placement();
        if (placement.equals(pacemaker.placement()) && ours.equals(pacemaker.changes())) {
            return Optional.empty();
        }
        return Optional.of("seed " + seed + " (replay: -Dbramble.cluster.diff.seed=" + seed
                + ")\n  bramble placement  " + placement + "\n  pacemaker placement "
                + pacemaker.placement() + "\n  bramble changes  " + ours
                + "\n  pacemaker changes " + pacemaker.changes() + "\n--- CIB ---\n" + cib
                + "--- crm_simulate ---\n" + pacemaker.output());
    }
}
