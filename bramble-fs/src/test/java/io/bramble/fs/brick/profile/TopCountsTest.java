package io.bramble.fs.brick.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopCountsTest {
    @Test
    void ranksFilesByCallsThenName() {
        TopCounts counts = new TopCounts();
        counts.called("/b");
        counts.called("/a");
        counts.called("/c");
        counts.called("/c");
        assertThat(counts.top(10)).containsExactly(new TopEntry("/c", 2), new TopEntry("/a",
                1), new TopEntry("/b", 1));
        assertThat(counts.top(1)).containsExactly(new TopEntry("/c", 2));
    }

    @Test
    void keepsABoundedTableWhereAFrequentFileStillRisesToTheTop() {
        TopCounts counts = new TopCounts();
        for (int i = 0; i < 10 * TopCounts.TRACKED_MAX; i++) {
            counts.called("/once-" + i);
            if (i % 3 == 0) {
                counts.called("/hot");
            }
        }
        assertThat(counts.top(Integer.MAX_VALUE)).hasSize(TopCounts.TRACKED_MAX);
        assertThat(counts.top(1).getFirst().path()).isEqualTo("/hot");
        assertThat(counts.top(1).getFirst().count()).isGreaterThanOrEqualTo(
                10 * TopCounts.TRACKED_MAX / 3);
    }

    @Test
    void brickTopKeepsTheMostFilesOpenAndWhen() {
        BrickTop top = new BrickTop();
        top.opened(1000);
        top.opened(2000);
        top.released();
        top.opened(3000);
        top.released();
        assertThat(top.openFiles()).isEqualTo(new OpenFiles(1, 2, 2000));
        top.called(TopKind.READ, "/r");
        top.clear(4000);
        assertThat(top.openFiles()).isEqualTo(new OpenFiles(1, 1, 4000));
        assertThat(top.top(TopKind.READ, 10)).isEmpty();
    }
}
