package io.bramble.fs.volume.command;

import io.bramble.fs.heal.FavoriteChildPolicy;
import io.bramble.fs.heal.HealProgress;
import io.bramble.fs.heal.SetHealer;
import io.bramble.fs.heal.SplitBrainListener;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.replicate.ReplicateOptions;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.heal.SetConnections;
import io.bramble.fs.volume.spec.BrickEndpoint;
import io.bramble.fs.volume.status.PendingReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Which of the files the bricks' indexes list are in split-brain, for {@code volume heal NAME
 * info split-brain} and {@code info summary}. A brick's member knows only its own copy, so the
 * node that runs the command decides: for each replica set it reads every copy's marks of the
 * files the set's bricks list, through connections of its own (as the heal worker does), and
 * a file is in split-brain when every copy holding it is blamed by another. Only the files a
 * brick's report lists are examined, at most
 * {@link io.bramble.fs.volume.status.PendingReportCodec#SHOWN_MAX} a brick.
 */
final class SplitBrainEntries {
    /** Files examined at once: each costs a few calls to every copy of its set. */
    static final int FILES_AT_ONCE = 16;

    private SplitBrainEntries() {
    }

    /**
     * Per brick, in the volume's order, the files of its index in split-brain; a brick whose
     * index could not be read stays unreachable.
     *
     * @param indexes each brick's index, as {@link VolumeContext#pendingReports} gave them
     */
    static List<PendingReport> of(VolumeContext ctx, VolumeSpec volume,
            List<PendingReport> indexes) {
        int replicas = volume.replicaCount();
        List<BrickEndpoint> endpoints = null;
        List<PendingReport> found = new ArrayList<>();
        for (int set = 0; set < volume.subvolumeCount(); set++) {
            List<PendingReport> ofSet = indexes.subList(set * replicas, (set + 1) * replicas);
            SortedSet<String> listed = new TreeSet<>();
            ofSet.stream().filter(PendingReport::reachable).forEach(r -> listed.addAll(r
                    .shown()));
            Set<String> split = Set.of();
            if (!listed.isEmpty()) {
                endpoints = endpoints != null ? endpoints : ctx.endpoints(volume);
                try (SetConnections copies = ctx.connect(volume, endpoints, set)) {
                    split = inSplitBrain(new SetHealer(copies.ops(), -1, new HealProgress(),
                            FavoriteChildPolicy.NONE, SplitBrainListener.NONE,
                            volume.arbiterInSet(), ReplicateOptions.fromVolume(volume.options())
                                    .quorum()),
                            listed);
                }
            }
            for (PendingReport r : ofSet) {
                Set<String> ofSplit = split;
                List<String> shown = r.shown().stream().filter(ofSplit::contains).toList();
                found.add(r.reachable()
                        ? new PendingReport(r.brick(), true, shown.size(), shown)
                        : r);
            }
        }
        return found;
    }

    /** Those of {@code paths} in split-brain now, {@link #FILES_AT_ONCE} examined at once. */
    static Set<String> inSplitBrain(SetHealer healer, Set<String> paths) {
        Set<String> split = new ConcurrentSkipListSet<>();
        Semaphore permits = new Semaphore(FILES_AT_ONCE);
        try (ExecutorService files = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String path : paths) {
                permits.acquireUninterruptibly();
                files.submit(() -> {
                    try {
                        if (healer.inSplitBrain(FsPath.parse(path))) {
                            split.add(path);
                        }
                    } catch (IllegalArgumentException e) {
                        // not a path a copy could hold: not in split-brain
                    } finally {
                        permits.release();
                    }
                });
            }
        }
        return split;
    }
}
