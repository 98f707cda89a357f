package io.bramble.vrrp.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VrrpTimersTest {
    @Test
    void version3ScalesTheSkewWithTheInterval() {
        // RFC 5798 6.1 at priority 100 and 1 s: skew 156/256 s, down interval 3.609375 s.
        assertThat(VrrpTimers.skewNanos(VrrpVersion.V3, 100, 1_000)).isEqualTo(609_375_000L);
        assertThat(VrrpTimers.masterDownNanos(VrrpVersion.V3, 100, 1_000))
                .isEqualTo(3_609_375_000L);
        // bramble's default: 100 ms adverts fail over in about 0.36 s.
        assertThat(VrrpTimers.masterDownNanos(VrrpVersion.V3, 100, 100))
                .isEqualTo(360_937_500L);
    }

    @Test
    void version2SkewIsInSecondsWhateverTheInterval() {
        assertThat(VrrpTimers.skewNanos(VrrpVersion.V2, 100, 3_000)).isEqualTo(609_375_000L);
        assertThat(VrrpTimers.masterDownNanos(VrrpVersion.V2, 254, 1_000))
                .isEqualTo(3_007_812_500L);
    }
}
