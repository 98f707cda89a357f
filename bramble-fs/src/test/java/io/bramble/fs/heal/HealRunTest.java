package io.bramble.fs.heal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HealRunTest {
    private static final long MIB = 1 << 20;

    @Test
    void aRunHalfWayThroughItsBytesAndFilesHasAsLongLeftAsItRan() {
        HealRun run = new HealRun(100, 50, 100 * MIB, 50 * MIB, 4_000);
        assertThat(run.secondsLeft()).hasValue(4);
        assertThat(run.bytesPerSecond()).isEqualTo(50 * MIB / 4);
        assertThat(run.shown()).isEqualTo("Heal in progress: 50 of 100 files healed, 50 of 100"
                + " MiB copied in 4.0 s (12 MiB/s), about 4 s left");
    }

    @Test
    void smallFilesCountEvenWithoutData() {
        HealRun run = new HealRun(500, 100, 0, 0, 1_000);
        assertThat(run.secondsLeft()).hasValue(4);
    }

    @Test
    void nothingDoneYetGivesNoEstimate() {
        assertThat(new HealRun(10, 0, 10 * MIB, 0, 500).secondsLeft()).isEmpty();
        assertThat(new HealRun(10, 0, 10 * MIB, 0, 500).shown()).endsWith(
                "time left not known yet");
        assertThat(new HealRun(10, 0, 0, 0, 0).bytesPerSecond()).isZero();
    }

    @Test
    void aRunThatDidAllItListedHasNothingLeft() {
        assertThat(new HealRun(3, 3, 3 * MIB, 5 * MIB, 900).secondsLeft()).hasValue(0);
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> new HealRun(1, -1, 0, 0, 0)).isInstanceOf(
                IllegalArgumentException.class);
    }
}
