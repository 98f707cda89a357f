package io.bramble.lvs.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.lvs.config.CheckTiming;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetriesTest {
    private static final CheckTiming TIMING = new CheckTiming(Duration.ofSeconds(6),
            Duration.ofSeconds(3), 2, Duration.ofSeconds(1));

    @Test
    void anUpServerFailsAfterItsRetriesSpacedByDelayBeforeRetry() {
        Retries retries = new Retries(TIMING, true);
        assertThat(retries.attempted(true)).isEqualTo(new Retries.Step(Retries.Verdict.NONE,
                Duration.ofSeconds(6)));
        assertThat(retries.attempted(false)).isEqualTo(new Retries.Step(Retries.Verdict.NONE,
                Duration.ofSeconds(1)));
        assertThat(retries.attempted(false).verdict()).isEqualTo(Retries.Verdict.NONE);
        assertThat(retries.attempted(false)).isEqualTo(new Retries.Step(Retries.Verdict.DOWN,
                Duration.ofSeconds(6)));
        assertThat(retries.attempted(false).verdict()).isEqualTo(Retries.Verdict.NONE);
        assertThat(retries.attempted(true).verdict()).isEqualTo(Retries.Verdict.UP);
    }

    @Test
    void aPassBetweenFailuresStartsTheCountAgain() {
        Retries retries = new Retries(TIMING, true);
        retries.attempted(false);
        retries.attempted(false);
        retries.attempted(true);
        retries.attempted(false);
        assertThat(retries.attempted(false).verdict()).isEqualTo(Retries.Verdict.NONE);
        assertThat(retries.up()).isTrue();
    }

    @Test
    void withAlphaTheServerComesUpOnItsFirstPass() {
        Retries retries = new Retries(TIMING, false);
        assertThat(retries.attempted(true).verdict()).isEqualTo(Retries.Verdict.UP);
    }
}
