package io.bramble.common.time;

import io.bramble.common.check.Checks;

/** A clock that moves only when told to: for deterministic tests and simulations. */
public final class ManualClock implements Clock {
    private long nanos;
    private final long epochOffsetMillis;

    public ManualClock() {
        this(0L, 1_700_000_000_000L);
    }

    public ManualClock(long startNanos, long epochOffsetMillis) {
        this.nanos = startNanos;
        this.epochOffsetMillis = epochOffsetMillis;
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized long epochMillis() {
        return epochOffsetMillis + nanos / 1_000_000L;
    }

    /** Moves time forward; time never goes back. */
    public synchronized void advanceMillis(long millis) {
        Checks.argument(millis >= 0, "time moves forward only, got " + millis + " ms");
        nanos += millis * 1_000_000L;
    }

    public synchronized void advanceNanos(long delta) {
        Checks.argument(delta >= 0, "time moves forward only, got " + delta + " ns");
        nanos += delta;
    }
}
