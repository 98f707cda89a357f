package io.bramble.fs.brick.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesUpToItsBoundWithSpreadAndStartsOverAfterSuccess() {
        Backoff backoff = new Backoff(100, 1_000, new SplittableRandom(1));
        long[] expectedBase = {100, 200, 400, 800, 1_000, 1_000};
        for (long base : expectedBase) {
            assertThat(backoff.nextDelayMs()).isBetween(base - base / 5, Math.min(1_000, base
                    + base / 5));
        }
        backoff.reset();
        assertThat(backoff.nextDelayMs()).isBetween(80L, 120L);
    }
}
