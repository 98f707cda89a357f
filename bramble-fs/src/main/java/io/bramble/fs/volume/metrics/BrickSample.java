package io.bramble.fs.volume.metrics;

import io.bramble.fs.brick.profile.FopTotals;
import java.util.List;

/**
 * One of the node's bricks as a scrape sees it. A brick not served has only {@code up} 0:
 * its counters start again from zero once it is served again.
 *
 * @param brick the brick as users name it, {@code HOST:PATH}
 * @param connections client connections attached to it
 * @param pendingEntries files its index of marked files holds, which its heal copies out
 * @param fops every operation's totals, in {@link io.bramble.fs.brick.profile.Fop} order
 */
public record BrickSample(String volume, String brick, boolean up, int connections,
        long pendingEntries, long bytesRead, long bytesWritten, List<FopTotals> fops) {
    public BrickSample {
        fops = List.copyOf(fops);
    }

    /** A brick of the node that is not served now. */
    public static BrickSample down(String volume, String brick) {
        return new BrickSample(volume, brick, false, 0, 0, 0, 0, List.of());
    }
}
