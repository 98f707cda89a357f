package io.bramble.fs.heal;

import io.bramble.common.check.Checks;
import io.bramble.fs.ops.FsPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Heals a pass's paths at once, each as soon as the folders above it that the pass lists are
 * healed: a folder's heal makes the names its files lack many at once, before they heal,
 * while files elsewhere go on meanwhile. (Healing every path of a depth before the next one
 * held a big file back until the small files of a folder beside it were all healed.) How many
 * heal at once is the heal's own bound; this one bounds the paths started and waiting.
 */
final class FoldersFirst {
    private FoldersFirst() {
    }

    /**
     * @param waitingMax paths started and not done at once, at least 1
     * @return each path's outcome, in the order given; a heal that failed is WAITING
     */
    static List<HealOutcome> heal(List<FsPath> paths, int waitingMax,
            Function<FsPath, HealOutcome> healer) {
        Checks.argument(waitingMax >= 1, "waitingMax must be at least 1");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            order.add(i);
        }
        // Folders above a path come first, so that its wait is on a path already started.
        order.sort(Comparator.comparingInt(i -> paths.get(i).names().size()));
        List<CompletableFuture<HealOutcome>> outcomes = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            outcomes.add(new CompletableFuture<>());
        }
        Map<FsPath, CompletableFuture<HealOutcome>> started = new HashMap<>();
        Semaphore waiting = new Semaphore(waitingMax);
        try (ExecutorService files = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i : order) {
                FsPath path = paths.get(i);
                CompletableFuture<HealOutcome> above = nearestAbove(started, path);
                CompletableFuture<HealOutcome> done = outcomes.get(i);
                started.put(path, done);
                waiting.acquireUninterruptibly();
                files.submit(() -> {
                    try {
                        if (above != null) {
                            above.join(); // never fails: completed in a finally
                        }
                        done.complete(healer.apply(path));
                    } finally {
                        done.complete(HealOutcome.WAITING);
                        waiting.release();
                    }
                });
            }
        }
        return outcomes.stream().map(CompletableFuture::join).toList();
    }

    /** The heal of the nearest folder above {@code path} (or of itself, listed twice). */
    private static CompletableFuture<HealOutcome> nearestAbove(
            Map<FsPath, CompletableFuture<HealOutcome>> started, FsPath path) {
        CompletableFuture<HealOutcome> same = started.get(path);
        if (same != null) {
            return same;
        }
        for (FsPath at = path; !at.isRoot();) {
            at = at.parent();
            CompletableFuture<HealOutcome> found = started.get(at);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
