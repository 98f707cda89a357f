package io.bramble.fs.volume.status;

import io.bramble.fs.volume.Brick;
import java.util.List;

/**
 * What one brick's index of marked files holds, for {@code volume heal NAME info}: the files
 * this copy took changes of that another copy of the set missed, so that copy needs them.
 * A brick whose machine did not answer, or that is not served, is {@link #unreachable}.
 *
 * @param count how many files the index holds
 * @param shown the paths of the first of them, at most what a reply carries
 */
public record PendingReport(Brick brick, boolean reachable, long count, List<String> shown) {
    public PendingReport {
        shown = List.copyOf(shown);
    }

    public static PendingReport unreachable(Brick brick) {
        return new PendingReport(brick, false, 0, List.of());
    }
}
