package io.bramble.vrrp.core;

/**
 * The timer arithmetic of the RFCs. Skew time makes higher priority backups time out first,
 * so they win the race to become master; the master-down interval is three missed adverts
 * plus that skew.
 */
public final class VrrpTimers {
    private static final long NANOS_PER_MS = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private VrrpTimers() {
    }

    /**
     * Skew time in nanoseconds. Version 2 (RFC 3768 6.1): (256 - priority) / 256 seconds.
     * Version 3 (RFC 5798 6.1): ((256 - priority) * Master_Adver_Interval) / 256.
     */
    public static long skewNanos(VrrpVersion version, int priority, int masterAdvertIntervalMs) {
        long base = version == VrrpVersion.V2
                ? NANOS_PER_SECOND
                : masterAdvertIntervalMs * NANOS_PER_MS;
        return (256L - priority) * base / 256L;
    }

    /** Master_Down_Interval: (3 * advert interval) + skew time, in nanoseconds. */
    public static long masterDownNanos(VrrpVersion version, int priority,
            int masterAdvertIntervalMs) {
        return 3L * masterAdvertIntervalMs * NANOS_PER_MS
                + skewNanos(version, priority, masterAdvertIntervalMs);
    }

    public static long nanosOfMs(long ms) {
        return ms * NANOS_PER_MS;
    }
}
