package io.bramble.fs.brick.wire;

import java.util.random.RandomGenerator;

/**
 * Waits between reconnection attempts: doubling from a minimum to a maximum, each spread by
 * up to a fifth either way so that the clients of a restarted node do not all return at the
 * same instant. Success starts over from the minimum.
 */
final class Backoff {
    private static final double SPREAD = 0.2;

    private final long minMs;
    private final long maxMs;
    private final RandomGenerator random;
    private long nextMs;

    Backoff(long minMs, long maxMs, RandomGenerator random) {
        this.minMs = minMs;
        this.maxMs = maxMs;
        this.random = random;
        this.nextMs = minMs;
    }

    /** The wait before the next attempt, in milliseconds. */
    synchronized long nextDelayMs() {
        long base = nextMs;
        nextMs = Math.min(maxMs, nextMs * 2);
        long spread = (long) (base * SPREAD);
        long delay = base - spread + (spread == 0 ? 0 : random.nextLong(2 * spread + 1));
        return Math.clamp(delay, 1, maxMs);
    }

    synchronized void reset() {
        nextMs = minMs;
    }
}
