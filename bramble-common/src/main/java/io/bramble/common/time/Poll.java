package io.bramble.common.time;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for a condition by asking again: {@code ask} every {@code everyMs} until its answer
 * passes {@code done} or {@code timeoutMs} has gone by on the clock; the last answer either
 * way. An interrupt ends the wait at once and leaves the thread's flag set. The clock and the
 * pause are passed in, so a caller's tests can run on a {@link ManualClock}.
 */
public final class Poll {
    /** How a poll waits between two questions. */
    @FunctionalInterface
    public interface Pause {
        void pause(long ms) throws InterruptedException;
    }

    /** The real pause: the calling thread sleeps. */
    public static final Pause SLEEP = Thread::sleep;

    private Poll() {
    }

    public static <T> T until(Supplier<T> ask, Predicate<? super T> done, long timeoutMs,
            long everyMs, Clock clock, Pause pause) {
        long end = clock.nanoTime() + timeoutMs * 1_000_000L;
        T answer = ask.get();
        while (!done.test(answer) && clock.nanoTime() < end) {
            try {
                pause.pause(everyMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
            answer = ask.get();
        }
        return answer;
    }
}
