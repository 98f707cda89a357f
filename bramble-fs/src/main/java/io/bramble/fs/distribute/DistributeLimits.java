package io.bramble.fs.distribute;

import io.bramble.common.check.Checks;

/**
 * The bounds of one {@link Distribute}.
 *
 * @param layoutsCachedMax directory layouts kept in memory (each a few hundred bytes)
 * @param handlesOpenMax files open at once through this client; more fail with ENFILE
 */
public record DistributeLimits(int layoutsCachedMax, int handlesOpenMax) {
    public static final DistributeLimits DEFAULTS = new DistributeLimits(4096, 65_536);

    public DistributeLimits {
        Checks.inRange(layoutsCachedMax, 1, 1 << 24, "layoutsCachedMax");
        Checks.inRange(handlesOpenMax, 1, 1 << 24, "handlesOpenMax");
    }
}
