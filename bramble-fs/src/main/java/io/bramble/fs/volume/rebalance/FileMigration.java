package io.bramble.fs.volume.rebalance;

import io.bramble.fs.distribute.Move;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import java.util.Optional;

/**
 * What {@code rebalance start} does to each file once its folder is spread: moves it to the
 * subvolume its name hashes to ({@link Move}), counting it as rebalanced, or as skipped when
 * it is busy (open, changing, linked) or, without {@code force}, when the move would leave the
 * target with less free space than the source, as Gluster skips it.
 */
public final class FileMigration implements LayoutWalk.FileVisit {
    /** The move of one file to its hashed subvolume, empty when it is there already. */
    public interface Planner {
        Optional<Move> plan(FsPath file) throws FsException;
    }

    private final Planner planner;
    private final boolean force;
    private final RebalanceProgress progress;

    public FileMigration(Planner planner, boolean force, RebalanceProgress progress) {
        this.planner = planner;
        this.force = force;
        this.progress = progress;
    }

    /** The move {@code planner} plans for {@code file}; empty when it is gone since listed. */
    static Optional<Move> plan(Planner planner, FsPath file) throws FsException {
        try {
            return planner.plan(file);
        } catch (FsException e) {
            if (e.errno() == Errno.ENOENT) {
                return Optional.empty(); // removed since it was listed
            }
            throw e;
        }
    }

    @Override
    public void visit(FsPath file) throws FsException {
        Optional<Move> move = plan(planner, file);
        if (move.isEmpty()) {
            return;
        }
        if (!force && move.get().leavesTargetWithLessFreeSpace()) {
            progress.skipped();
            return;
        }
        if (move.get().run() == Move.Outcome.MOVED) {
            progress.moved(move.get().sizeBytes());
        } else {
            progress.skipped();
        }
    }
}
