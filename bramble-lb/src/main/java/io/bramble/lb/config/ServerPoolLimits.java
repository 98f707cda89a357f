package io.bramble.lb.config;

/**
 * How many idle connections to a server are kept for reuse and for how long: HAProxy's
 * {@code pool-max-conn} and {@code pool-purge-delay} server options.
 *
 * @param idleMax idle connections kept per event loop; {@link #IDLE_UNBOUNDED} keeps up to
 *        bramble's own bound, 0 keeps none
 * @param purgeDelayMs an idle connection unused for this long is closed
 */
public record ServerPoolLimits(int idleMax, long purgeDelayMs) {
    /** HAProxy's {@code pool-max-conn -1}: no limit of the file's own. */
    public static final int IDLE_UNBOUNDED = -1;
    /** HAProxy's default {@code pool-purge-delay}. */
    public static final long PURGE_DELAY_MS_DEFAULT = 5_000;
    public static final int IDLE_MAX = 65_535;

    public static final ServerPoolLimits DEFAULTS = new ServerPoolLimits(IDLE_UNBOUNDED,
            PURGE_DELAY_MS_DEFAULT);

    public ServerPoolLimits {
        if (idleMax < IDLE_UNBOUNDED || idleMax > IDLE_MAX) {
            throw new IllegalArgumentException("pool-max-conn must be -1 to " + IDLE_MAX);
        }
        if (purgeDelayMs < 0 || purgeDelayMs > Timeouts.MAX_MS) {
            throw new IllegalArgumentException("pool-purge-delay out of range");
        }
    }

    public ServerPoolLimits withIdleMax(int value) {
        return new ServerPoolLimits(value, purgeDelayMs);
    }

    public ServerPoolLimits withPurgeDelayMs(long value) {
        return new ServerPoolLimits(idleMax, value);
    }
}
