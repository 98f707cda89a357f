package io.bramble.fs.volume.rebalance;

import io.bramble.common.time.Poll;
import io.bramble.fs.distribute.Move;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import java.util.Optional;

/**
 * What {@code remove-brick start} does to each file once its folder is spread: moves it off
 * the subvolume being removed to the one its name hashes to. Every such file must leave, so
 * free space is not weighed; a busy file (open, changing) is tried again after a pause, and
 * counted as a failure when it stays busy, so that the run ends failed and the user sees it.
 */
public final class DrainMigration implements LayoutWalk.FileVisit {
    /** Tries of a busy file before it counts as a failure. */
    static final int BUSY_TRIES_MAX = 20;
    /** The pause between two tries of a busy file. */
    static final long BUSY_PAUSE_MS = 500;

    private final FileMigration.Planner planner;
    private final RebalanceProgress progress;
    private final Poll.Pause pause;

    public DrainMigration(FileMigration.Planner planner, RebalanceProgress progress,
            Poll.Pause pause) {
        this.planner = planner;
        this.progress = progress;
        this.pause = pause;
    }

    @Override
    public void visit(FsPath file) throws FsException {
        for (int tried = 1;; tried++) {
            Optional<Move> move = FileMigration.plan(planner, file);
            if (move.isEmpty()) {
                return;
            }
            if (move.get().run() == Move.Outcome.MOVED) {
                progress.moved(move.get().sizeBytes());
                return;
            }
            if (tried >= BUSY_TRIES_MAX) {
                throw new FsException(Errno.EBUSY, file + " stayed busy: not moved off");
            }
            try {
                pause.pause(BUSY_PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FsException(Errno.EINTR, file.toString());
            }
        }
    }
}
