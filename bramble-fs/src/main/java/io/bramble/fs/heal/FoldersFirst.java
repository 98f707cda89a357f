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

/**
 * Heals a pass's paths at once, each as soon as the folders above it that the pass lists have
 * made their names: a folder's heal makes the names its files lack many at once, before they
 * heal, while files elsewhere go on meanwhile. (Healing every path of a depth before the next one
 * held a big file back until the small files of a folder beside it were all healed.) How many
 * heal at once is the heal's own bound; this one bounds the paths started and waiting.
 */
final class FoldersFirst {
    private FoldersFirst() {
    }

    /** One path's heal, which says when what lies below the path may start. */
    @FunctionalInterface
    interface Heal {
        /**
         * Heals {@code path}; calls {@code belowMayStart} once its own names are made, before
         * it heals the files it made (they are its own to finish, and others may go on).
         */
        HealOutcome heal(FsPath path, Runnable belowMayStart);
    }

    /**
     * @param waitingMax paths started and not done at once, at least 1
     * @return each path's outcome, in the order given; a heal that failed is WAITING
     */
    static List<HealOutcome> heal(List<FsPath> paths, int waitingMax, Heal healer) {
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
        Map<FsPath, CompletableFuture<Void>> started = new HashMap<>();
        Semaphore waiting = new Semaphore(waitingMax);
        try (ExecutorService files = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i : order) {
                FsPath path = paths.get(i);
                CompletableFuture<Void> above = nearestAbove(started, path);
                CompletableFuture<Void> ready = new CompletableFuture<>();
                CompletableFuture<HealOutcome> done = outcomes.get(i);
                started.put(path, ready);
                waiting.acquireUninterruptibly();
                files.submit(() -> {
                    try {
                        if (above != null) {
                            above.join(); // never fails: completed in a finally
                        }
                        done.complete(healer.heal(path, () -> ready.complete(null)));
                    } finally {
                        ready.complete(null);
                        done.complete(HealOutcome.WAITING);
                        waiting.release();
                    }
                });
            }
        }
        return outcomes.stream().map(CompletableFuture::join).toList();
    }

    /** When what lies below the nearest folder above {@code path} (or itself) may start. */
    private static CompletableFuture<Void> nearestAbove(
            Map<FsPath, CompletableFuture<Void>> started, FsPath path) {
        CompletableFuture<Void> same = started.get(path);
        if (same != null) {
            return same;
        }
        for (FsPath at = path; !at.isRoot();) {
            at = at.parent();
            CompletableFuture<Void> found = started.get(at);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
