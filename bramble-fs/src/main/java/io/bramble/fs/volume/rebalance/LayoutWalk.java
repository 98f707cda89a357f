package io.bramble.fs.volume.rebalance;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.DirPage;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;

/**
 * Walks a volume's directories from the root, parents before children, and spreads each
 * over every subvolume. A directory that fails is counted and its subdirectories are still
 * walked when it can be listed. Each failure is counted, and a run with failures ends
 * failed, so that the user runs it again.
 */
public final class LayoutWalk {
    /** Entries listed per call. */
    static final int PAGE_ENTRIES = 256;
    /** Directories waiting to be walked; a wider tree is walked as it is listed. */
    static final int PENDING_MAX = 1 << 20;

    /** Spreads one directory. */
    public interface Fix {
        void fix(FsPath dir) throws FsException;
    }

    /** Does what the run does to each file of a directory once it is spread. */
    public interface FileVisit {
        void visit(FsPath file) throws FsException;

        /** fix-layout's: files are left where they are. */
        FileVisit NONE = file -> {
        };
    }

    private LayoutWalk() {
    }

    /**
     * Walks {@code files} from the root, fixing each directory with {@code fix}, until done
     * or {@code stopped} says so; counts into {@code progress}.
     *
     * @return whether the walk reached every directory
     */
    public static boolean walk(FileOps files, Fix fix, RebalanceProgress progress,
            BooleanSupplier stopped) {
        return walk(files, fix, FileVisit.NONE, progress, stopped);
    }

    /**
     * Like {@link #walk(FileOps, Fix, RebalanceProgress, BooleanSupplier)}, and visits each
     * file of a directory with {@code visit} once the directory is spread; a visit that fails
     * is counted and the walk goes on.
     */
    public static boolean walk(FileOps files, Fix fix, FileVisit visit,
            RebalanceProgress progress, BooleanSupplier stopped) {
        Deque<FsPath> pending = new ArrayDeque<>();
        pending.push(FsPath.ROOT);
        while (!pending.isEmpty()) {
            if (stopped.getAsBoolean()) {
                return false;
            }
            FsPath dir = pending.pop();
            try {
                fix.fix(dir);
                progress.scanned();
            } catch (FsException e) {
                progress.failed();
            }
            try {
                if (!listInto(files, dir, pending, visit, progress, stopped)) {
                    return false;
                }
            } catch (FsException e) {
                progress.failed();
            }
        }
        return true;
    }

    /** Lists {@code dir}, visiting its files; false when stopped on the way. */
    private static boolean listInto(FileOps files, FsPath dir, Deque<FsPath> pending,
            FileVisit visit, RebalanceProgress progress, BooleanSupplier stopped)
            throws FsException {
        String after = null;
        while (true) {
            DirPage page = files.readdir(Caller.ROOT, dir, after, PAGE_ENTRIES);
            for (DirEntry entry : page.entries()) {
                if (!entry.attr().isDirectory()) {
                    if (visit != FileVisit.NONE) {
                        if (stopped.getAsBoolean()) {
                            return false;
                        }
                        visitFile(visit, dir.child(entry.name()), progress);
                    }
                    continue;
                }
                if (pending.size() < PENDING_MAX) {
                    pending.push(dir.child(entry.name()));
                } else {
                    progress.failed(); // left unspread: the run ends failed, to be run again
                }
            }
            if (page.complete() || page.entries().isEmpty()) {
                return true;
            }
            after = page.lastName();
        }
    }

    private static void visitFile(FileVisit visit, FsPath file, RebalanceProgress progress) {
        progress.scanned();
        try {
            visit.visit(file);
        } catch (FsException e) {
            progress.failed();
        }
    }
}
