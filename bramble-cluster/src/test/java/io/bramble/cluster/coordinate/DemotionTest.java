package io.bramble.cluster.coordinate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A node's lease: when it runs, stops everything, and is reset. */
class DemotionTest {
    private final LeaseTiming timing = LeaseTiming.DEFAULTS;

    @Test
    void aNodeStartsNothingUntilAnsweredAndStopsWhatItFindsWhenAnEarlierLeaseWouldEnd() {
        Demotion d = Demotion.starting(timing, 10_000);
        assertThat(d.mayStart(10_000)).isFalse();
        assertThat(d.verdict(10_000 + timing.leaseMs() - 1)).isEqualTo(Demotion.Verdict.RUN);
        assertThat(d.verdict(10_000 + timing.leaseMs())).isEqualTo(Demotion.Verdict.STOP_ALL);
        assertThat(d.verdict(10_000 + timing.leaseMs() + timing.stopMaxMs()))
                .isEqualTo(Demotion.Verdict.RESET);
    }

    @Test
    void theLeaseCountsFromTheRequestNotFromTheAnswer() {
        Demotion d = Demotion.starting(timing, 0);
        d.granted(5_000, 1);
        assertThat(d.mayStart(5_000 + timing.leaseMs() - 1)).isTrue();
        assertThat(d.mayStart(5_000 + timing.leaseMs())).isFalse();
        d.granted(4_000, 1); // a late answer to an older request shortens nothing
        assertThat(d.leaseEndMs()).isEqualTo(5_000 + timing.leaseMs());
        assertThat(d.nextChangeMs(5_000)).isEqualTo(5_000 + timing.leaseMs());
    }

    @Test
    void instructionsOfAnOlderSessionAreRefused() {
        Demotion d = Demotion.starting(timing, 0);
        d.granted(0, 7);
        assertThat(d.accepts(6)).isFalse();
        assertThat(d.accepts(8)).isTrue();
        assertThat(d.accepts(7)).isFalse();
    }

    @Test
    void aRestartedDaemonKeepsItsEarlierRunsPromise() {
        Demotion d = Demotion.resuming(timing, 3_000);
        assertThat(d.verdict(2_999)).isEqualTo(Demotion.Verdict.RUN);
        assertThat(d.mayStart(2_999)).isFalse();
        assertThat(d.verdict(3_000)).isEqualTo(Demotion.Verdict.STOP_ALL);
    }

    @Test
    void whileItStopsEverythingTheNodeAsksForNoLease() {
        Demotion d = Demotion.starting(timing, 0);
        d.granted(0, 1);
        d.stopping();
        assertThat(d.asksForLease()).isFalse();
        assertThat(d.mayStart(1)).isFalse();
        d.allStopped();
        assertThat(d.asksForLease()).isTrue();
    }

    @Test
    void theCoordinatorsWaitCoversLeaseStopsAndClockRates() {
        // (1500 + 1000) * 1.01 / 0.99 = 2550.5..., rounded up, + 50 margin
        assertThat(timing.waitMs()).isEqualTo(2_601);
        assertThat(new LeaseTiming(1_000, 100, 0, 0, 0).waitMs()).isEqualTo(1_000);
    }
}
