package io.bramble.fs.brick.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.brick.wire.Liveness.Step;
import org.junit.jupiter.api.Test;

class LivenessTest {
    private static final long TIMEOUT_NS = 1_500_000_000L;

    @Test
    void anIdleConnectionIsNeverJudged() {
        assertThat(Liveness.step(false, Long.MAX_VALUE, false, TIMEOUT_NS)).isEqualTo(
                Step.WAIT);
    }

    @Test
    void callsWaitingInSilencePingAtHalfTheTimeoutOnceAndDropAtTheTimeout() {
        assertThat(Liveness.step(true, TIMEOUT_NS / 2 - 1, false, TIMEOUT_NS)).isEqualTo(
                Step.WAIT);
        assertThat(Liveness.step(true, TIMEOUT_NS / 2, false, TIMEOUT_NS)).isEqualTo(
                Step.PING);
        assertThat(Liveness.step(true, TIMEOUT_NS - 1, true, TIMEOUT_NS)).isEqualTo(
                Step.WAIT);
        assertThat(Liveness.step(true, TIMEOUT_NS, true, TIMEOUT_NS)).isEqualTo(Step.DROP);
        assertThat(Liveness.step(true, TIMEOUT_NS, false, TIMEOUT_NS)).isEqualTo(Step.DROP);
    }

    @Test
    void theCheckRunsEightTimesPerTimeoutAndNotTooOften() {
        assertThat(Liveness.checkEveryMs(1_500)).isEqualTo(187);
        assertThat(Liveness.checkEveryMs(40)).isEqualTo(20);
    }
}
