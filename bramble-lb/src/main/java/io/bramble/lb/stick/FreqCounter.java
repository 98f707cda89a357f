package io.bramble.lb.stick;

/**
 * An event rate over a period, counted as HAProxy's frequency counters count it: events of
 * the current period, plus those of the previous period weighted by the share of the current
 * period still to run. Periods are not aligned to the clock: the first event after two idle
 * periods starts a new one. Not thread-safe: its {@link StickEntry} guards it.
 */
final class FreqCounter {
    /** A period's count saturates here, HAProxy's counters being 32-bit. */
    static final long COUNT_MAX = 0xFFFF_FFFFL;
    /** Longest period: HAProxy's ticks wrap past 2^31 ms. */
    static final long PERIOD_MS_MAX = Integer.MAX_VALUE;

    /** Start of the current period, in the table clock's milliseconds; unset before use. */
    private long periodStartMs;
    private boolean started;
    private long current;
    private long previous;

    /** Counts {@code events} at {@code nowMs}, rotating the period first when it is over. */
    void add(long nowMs, long periodMs, long events) {
        rotate(nowMs, periodMs);
        current = Math.min(COUNT_MAX, current + events);
    }

    /**
     * The rate at {@code nowMs}: {@code current + previous * remaining / period}, where
     * remaining is what is left of the current period, rounded down as HAProxy rounds it.
     */
    long read(long nowMs, long periodMs) {
        if (!started) {
            return 0;
        }
        long elapsed = nowMs - periodStartMs;
        long now = current;
        long past = previous;
        if (elapsed >= periodMs) {
            // The period is over: the current count becomes the previous one, or is too old.
            past = elapsed < 2 * periodMs ? current : 0;
            now = 0;
            elapsed -= periodMs;
        }
        long remaining = Math.max(0, periodMs - elapsed);
        // Both factors stay below 2^32: the product fits a long.
        return now + past * remaining / periodMs;
    }

    private void rotate(long nowMs, long periodMs) {
        if (!started) {
            started = true;
            periodStartMs = nowMs;
            return;
        }
        long elapsed = nowMs - periodStartMs;
        if (elapsed < periodMs) {
            return;
        }
        previous = current;
        current = 0;
        periodStartMs += periodMs;
        if (nowMs - periodStartMs >= periodMs) {
            // At least two periods went by without an event: nothing of them counts.
            previous = 0;
            periodStartMs = nowMs;
        }
    }
}
