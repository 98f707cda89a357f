package io.bramble.fs.volume.rebalance;

import io.bramble.common.time.Clock;
import io.bramble.common.time.Poll;
import io.bramble.fs.ops.FileOps;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rebalance runs of one node, by volume (its id, so that a volume made again under the
 * same name starts with none): each walks the volume through a client stack of
 * its own, on a thread of its own, and is kept (in memory) once it ended, for
 * {@code status}. One run per volume at a time.
 */
public final class Rebalances {
    private static final Logger LOG = LoggerFactory.getLogger(Rebalances.class);

    /** A client stack over the whole volume, closed when the run ends. */
    public interface Stack extends AutoCloseable {
        FileOps files();

        LayoutWalk.Fix fix();

        /** Plans the move of a file: to its hashed subvolume, or off one being removed. */
        FileMigration.Planner planner();

        @Override
        void close();
    }

    /**
     * What {@code status} shows of a run.
     *
     * @param runSeconds how long it ran, or has run so far
     */
    public record Report(UUID id, RebalanceState state, long runSeconds, long scanned,
            long failures, long moved, long movedBytes, long skipped) {}

    /**
     * What a run does.
     *
     * @param moveFiles moves files to their hashed subvolumes after spreading each folder
     *     ({@code start}), not only spreads them ({@code fix-layout start})
     * @param force moves files even when that leaves the target with less free space
     * @param drain moves every file the stack's planner plans ({@code remove-brick start}:
     *     those on subvolumes being removed), trying busy ones again ({@link DrainMigration})
     */
    public record Kind(boolean moveFiles, boolean force, boolean drain) {
        public static final Kind FIX_LAYOUT = new Kind(false, false);
        /** {@code remove-brick start}'s. */
        public static final Kind DRAIN = new Kind(true, true, true);

        /** A run of {@code rebalance}. */
        public Kind(boolean moveFiles, boolean force) {
            this(moveFiles, force, false);
        }

        RebalanceState running() {
            return moveFiles ? RebalanceState.IN_PROGRESS : RebalanceState.FIX_LAYOUT_IN_PROGRESS;
        }
    }

    private static final class Run {
        final UUID id;
        final long startedMs;
        final RebalanceProgress progress = new RebalanceProgress();
        final Kind kind;
        volatile RebalanceState state;
        volatile long endedMs;
        volatile boolean stopAsked;

        Run(UUID id, long startedMs, Kind kind) {
            this.id = id;
            this.startedMs = startedMs;
            this.kind = kind;
            this.state = kind.running();
        }
    }

    /** Runs kept; past it, the ended ones are forgotten (volumes deleted long ago among them). */
    static final int RUNS_MAX = 256;

    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Clock clock;
    /** The wait before a busy file is tried again, in a drain. */
    private final Poll.Pause pause;

    public Rebalances(Clock clock) {
        this(clock, Poll.SLEEP);
    }

    public Rebalances(Clock clock, Poll.Pause pause) {
        this.clock = clock;
        this.pause = pause;
    }

    /**
     * Starts a fix-layout of the volume {@code key} ({@code name} in the log) over the stack
     * {@code open} makes, in the background; empty when one runs already.
     */
    public Optional<UUID> startFixLayout(String key, String name, Supplier<Stack> open) {
        return start(key, name, Kind.FIX_LAYOUT, open);
    }

    /** Starts a run of {@code kind}, as {@link #startFixLayout}. */
    public synchronized Optional<UUID> start(String key, String name, Kind kind,
            Supplier<Stack> open) {
        Run before = runs.get(key);
        if (before != null && !before.state.ended()) {
            return Optional.empty();
        }
        if (runs.size() >= RUNS_MAX) {
            runs.values().removeIf(r -> r.state.ended());
        }
        Run run = new Run(UUID.randomUUID(), clock.millis(), kind);
        runs.put(key, run);
        Thread.ofVirtual().name("rebalance-" + name).start(() -> walk(name, run, open));
        return Optional.of(run.id);
    }

    private void walk(String volume, Run run, Supplier<Stack> open) {
        boolean moves = run.kind.moveFiles();
        RebalanceState end;
        try (Stack stack = open.get()) {
            LayoutWalk.FileVisit visit = !moves
                    ? LayoutWalk.FileVisit.NONE
                    : run.kind.drain()
                            ? new DrainMigration(stack.planner(), run.progress, pause)
                            : new FileMigration(stack.planner(), run.kind.force(), run.progress);
            boolean whole = LayoutWalk.walk(stack.files(), stack.fix(), visit, run.progress,
                    () -> run.stopAsked);
            end = !whole
                    ? (moves ? RebalanceState.STOPPED : RebalanceState.FIX_LAYOUT_STOPPED)
                    : run.progress.failureCount() > 0
                            ? (moves ? RebalanceState.FAILED : RebalanceState.FIX_LAYOUT_FAILED)
                            : (moves
                                    ? RebalanceState.COMPLETED
                                    : RebalanceState.FIX_LAYOUT_COMPLETED);
        } catch (RuntimeException e) {
            LOG.warn("{} of {}: {}", run.kind.drain() ? "remove-brick" : "rebalance", volume, e
                    .getMessage());
            end = moves ? RebalanceState.FAILED : RebalanceState.FIX_LAYOUT_FAILED;
        }
        run.endedMs = clock.millis();
        run.state = end;
        LOG.info("{} of {}: {} ({} scanned, {} moved, {} skipped, {} failures)", run.kind
                .drain() ? "remove-brick" : "rebalance", volume, end.shown(), run.progress
                        .scannedCount(),
                run.progress.movedCount(), run.progress.skippedCount(),
                run.progress.failureCount());
    }

    /** Asks the run of {@code volume} to stop; false when none runs. */
    public boolean stop(String volume) {
        Run run = runs.get(volume);
        if (run == null || run.state.ended()) {
            return false;
        }
        run.stopAsked = true;
        return true;
    }

    /** The last run of {@code volume} on this node, running or ended; empty if none. */
    public Optional<Report> report(String volume) {
        Run run = runs.get(volume);
        if (run == null) {
            return Optional.empty();
        }
        RebalanceState state = run.state;
        long until = state.ended() ? run.endedMs : clock.millis();
        RebalanceProgress done = run.progress;
        return Optional.of(new Report(run.id, state, Math.max(0, until - run.startedMs) / 1000,
                done.scannedCount(), done.failureCount(), done.movedCount(), done.movedBytes(),
                done.skippedCount()));
    }
}
