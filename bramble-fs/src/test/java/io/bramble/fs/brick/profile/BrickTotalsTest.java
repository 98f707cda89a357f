package io.bramble.fs.brick.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BrickTotalsTest {
    @Test
    void bucketsAreCumulativeAndTheLastCountsEveryCall() {
        BrickTotals totals = new BrickTotals();
        totals.called(Fop.READ, 50_000, false);
        totals.called(Fop.READ, 100_000, false);
        totals.called(Fop.READ, 100_001, true);
        totals.called(Fop.READ, 5_000_000_000L, false);
        totals.called(Fop.READ, -5, false);

        FopTotals read = totals.fops().get(Fop.READ.ordinal());
        assertThat(read).isEqualTo(new FopTotals(Fop.READ, 5, 1, List.of(3L, 4L, 4L, 4L, 4L,
                5L), 5_000_250_001L));
    }

    @Test
    void aBucketHoldsLatenciesUpToItsBound() {
        assertThat(BrickTotals.bucket(0)).isZero();
        assertThat(BrickTotals.bucket(100_000)).isZero();
        assertThat(BrickTotals.bucket(100_001)).isEqualTo(1);
        assertThat(BrickTotals.bucket(1_000_000_000)).isEqualTo(4);
        assertThat(BrickTotals.bucket(Long.MAX_VALUE)).isEqualTo(5);
    }
}
