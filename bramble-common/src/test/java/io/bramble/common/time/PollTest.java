package io.bramble.common.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollTest {
    private final ManualClock clock = new ManualClock();
    private final Poll.Pause advance = ms -> clock.advanceMillis(ms);

    @Test
    void asksAgainUntilTheAnswerIsDone() {
        AtomicInteger asked = new AtomicInteger();
        long start = clock.millis();
        int answer = Poll.until(asked::incrementAndGet, n -> n == 3, 1_000, 10, clock, advance);
        assertThat(answer).isEqualTo(3);
        assertThat(clock.millis() - start).isEqualTo(20);
    }

    @Test
    void givesTheLastAnswerWhenTimeRunsOut() {
        AtomicInteger asked = new AtomicInteger();
        long start = clock.millis();
        int answer = Poll.until(asked::incrementAndGet, n -> false, 100, 10, clock, advance);
        assertThat(answer).isEqualTo(11);
        assertThat(clock.millis() - start).isEqualTo(100);
    }

    @Test
    void anInterruptEndsTheWaitAndStaysSet() {
        int answer = Poll.until(() -> 1, n -> false, 1_000, 10, clock, ms -> {
            throw new InterruptedException();
        });
        assertThat(answer).isEqualTo(1);
        assertThat(Thread.interrupted()).isTrue();
    }
}
