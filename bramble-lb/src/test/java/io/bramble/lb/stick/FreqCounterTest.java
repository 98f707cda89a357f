package io.bramble.lb.stick;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreqCounterTest {
    private static final long PERIOD_MS = 1_000;
    private final FreqCounter counter = new FreqCounter();

    @Test
    void countsEventsOfThePeriodThatStartedWithTheFirstOne() {
        assertThat(counter.read(0, PERIOD_MS)).isZero();
        counter.add(100, PERIOD_MS, 10);
        assertThat(counter.read(100, PERIOD_MS)).isEqualTo(10);
        assertThat(counter.read(1_099, PERIOD_MS)).isEqualTo(10);
    }

    @Test
    void weighsThePreviousPeriodByWhatIsLeftOfTheCurrentOne() {
        counter.add(0, PERIOD_MS, 10);
        // A quarter of the next period gone: three quarters of the last one still count.
        assertThat(counter.read(1_250, PERIOD_MS)).isEqualTo(7);
        counter.add(1_250, PERIOD_MS, 2);
        assertThat(counter.read(1_250, PERIOD_MS)).isEqualTo(2 + 7);
        assertThat(counter.read(1_900, PERIOD_MS)).isEqualTo(2 + 1);
        // The next period: only the 2 events of the last one count, weighted.
        assertThat(counter.read(2_500, PERIOD_MS)).isEqualTo(1);
    }

    @Test
    void forgetsEverythingAfterTwoIdlePeriods() {
        counter.add(0, PERIOD_MS, 10);
        assertThat(counter.read(2_000, PERIOD_MS)).isZero();
        counter.add(5_300, PERIOD_MS, 1);
        assertThat(counter.read(5_300, PERIOD_MS)).isEqualTo(1);
        assertThat(counter.read(6_299, PERIOD_MS)).isEqualTo(1);
        assertThat(counter.read(6_300, PERIOD_MS)).isEqualTo(1);
        assertThat(counter.read(6_800, PERIOD_MS)).isZero();
    }

    @Test
    void aSteadyRateReadsAsThatRate() {
        for (long t = 0; t < 10_000; t += 100) {
            counter.add(t, PERIOD_MS, 1);
        }
        assertThat(counter.read(9_950, PERIOD_MS)).isBetween(9L, 10L);
    }
}
