package io.bramble.common.time;

/**
 * The source of time for every core class. Core code never reads the system clock itself,
 * so tests drive time with {@link ManualClock} and a failing run replays exactly.
 */
public interface Clock {
    /** Monotonic time in nanoseconds; only differences are meaningful. */
    long nanoTime();

    /** Wall-clock time in milliseconds since the epoch, for logs and reports only. */
    long epochMillis();

    /** Monotonic time in milliseconds. */
    default long millis() {
        return nanoTime() / 1_000_000L;
    }

    /** The real clock of this machine. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
