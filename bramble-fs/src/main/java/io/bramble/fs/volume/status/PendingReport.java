package io.bramble.fs.volume.status;

import io.bramble.fs.heal.HealRun;
import io.bramble.fs.volume.Brick;
import java.util.List;
import java.util.Optional;

/**
 * What one brick's index of marked files holds, for {@code volume heal NAME info}: the files
 * this copy took changes of that another copy of the set missed, so that copy needs them.
 * A brick whose machine did not answer, or that is not served, is {@link #unreachable}.
 *
 * @param count how many files the index holds
 * @param shown the paths of the first of them, at most what a reply carries
 * @param healing how far the heal pass of the brick's node got, while one runs
 */
public record PendingReport(Brick brick, boolean reachable, long count, List<String> shown,
        Optional<HealRun> healing) {
    public PendingReport {
        shown = List.copyOf(shown);
    }

    /** A report of no heal pass running. */
    public PendingReport(Brick brick, boolean reachable, long count, List<String> shown) {
        this(brick, reachable, count, shown, Optional.empty());
    }

    public static PendingReport unreachable(Brick brick) {
        return new PendingReport(brick, false, 0, List.of());
    }
}
