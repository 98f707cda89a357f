package io.bramble.fs.brick.profile;

import io.bramble.common.time.Clock;

/**
 * What a served brick counts, for {@code volume profile}, {@code volume top} and the node's
 * metrics, with the clock it counts on.
 */
public record BrickCounters(BrickProfile profile, BrickTop top, BrickTotals totals,
        Clock clock) {
    public static BrickCounters fresh(Clock clock) {
        return new BrickCounters(new BrickProfile(), new BrickTop(), new BrickTotals(), clock);
    }

    /** Starts or stops the profile as the volume's options say. */
    public void profiled(boolean on) {
        if (on) {
            profile.start(clock.nanoTime());
        } else if (profile.on()) {
            profile.stop();
        }
    }
}
