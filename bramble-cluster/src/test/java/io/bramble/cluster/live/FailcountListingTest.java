package io.bramble.cluster.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.cluster.model.FailCount;
import io.bramble.cluster.model.Score;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pcs's failcount show, from the counts the coordinator recorded. */
class FailcountListingTest {
    private static final List<FailCount> COUNTS = List.of(
            new FailCount("db", "node2", "monitor_10000", 2, 100),
            new FailCount("db", "node2", "start_0", 1, 90),
            new FailCount("db", "node1", "start_0", Score.INFINITY, 80),
            new FailCount("web", "node1", "monitor_15000", 1, 70));

    @Test
    void sumsPerResourceAndNodeAsPcsPrintsThem() {
        assertThat(FailcountListing.show(COUNTS, List.of("db"))).containsExactly(
                "Failcounts for resource 'db'", "  node1: INFINITY", "  node2: 3");
        assertThat(FailcountListing.show(COUNTS, List.of())).containsExactly(
                "Failcounts for resource 'db'", "  node1: INFINITY", "  node2: 3",
                "Failcounts for resource 'web'", "  node1: 1");
        assertThat(FailcountListing.show(COUNTS, List.of("web", "node=node2")))
                .containsExactly("No failcounts for resource 'web' on node 'node2'");
        assertThat(FailcountListing.show(List.of(), List.of())).containsExactly(
                "No failcounts");
    }
}
