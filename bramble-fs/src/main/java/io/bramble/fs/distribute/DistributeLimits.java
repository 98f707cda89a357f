package io.bramble.fs.distribute;

import io.bramble.common.check.Checks;

/**
 * The bounds of one {@link Distribute}.
 *
 * @param layoutsCachedMax directory layouts kept in memory (each a few hundred bytes)
 * @param handlesOpenMax files open at once through this client; more fail with ENFILE
 * @param layoutKeepMs how long a directory's layout is used before it is read again: how long
 *     a client may place names by a layout another client (a rebalance) has changed
 */
public record DistributeLimits(int layoutsCachedMax, int handlesOpenMax, long layoutKeepMs) {
    /** A layout read again every few seconds costs one getxattr per busy directory. */
    public static final long LAYOUT_KEEP_MS = 5_000;
    public static final DistributeLimits DEFAULTS = new DistributeLimits(4096, 65_536);

    public DistributeLimits {
        Checks.inRange(layoutsCachedMax, 1, 1 << 24, "layoutsCachedMax");
        Checks.inRange(handlesOpenMax, 1, 1 << 24, "handlesOpenMax");
        Checks.inRange(layoutKeepMs, 0, 3_600_000, "layoutKeepMs");
    }

    public DistributeLimits(int layoutsCachedMax, int handlesOpenMax) {
        this(layoutsCachedMax, handlesOpenMax, LAYOUT_KEEP_MS);
    }
}
