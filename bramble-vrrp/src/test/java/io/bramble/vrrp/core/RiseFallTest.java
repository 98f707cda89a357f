package io.bramble.vrrp.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RiseFallTest {
    @Test
    void goesDownAfterFallFailuresInARowAndUpAfterRiseSuccesses() {
        RiseFall script = new RiseFall(2, 3, true);
        assertThat(script.record(false)).isFalse();
        assertThat(script.record(false)).isFalse();
        assertThat(script.record(true)).isFalse(); // the streak is broken
        assertThat(script.record(false)).isFalse();
        assertThat(script.record(false)).isFalse();
        assertThat(script.record(false)).isTrue();
        assertThat(script.up()).isFalse();
        assertThat(script.record(true)).isFalse();
        assertThat(script.record(true)).isTrue();
        assertThat(script.up()).isTrue();
    }

    @Test
    void initFailStartsDown() {
        RiseFall script = new RiseFall(1, 1, false);
        assertThat(script.up()).isFalse();
        assertThat(script.record(true)).isTrue();
    }

    @Test
    void rejectsCountsOutOfRange() {
        assertThatThrownBy(() -> new RiseFall(0, 1, true)).hasMessageContaining("rise");
        assertThatThrownBy(() -> new RiseFall(1, 1_001, true)).hasMessageContaining("fall");
    }
}
