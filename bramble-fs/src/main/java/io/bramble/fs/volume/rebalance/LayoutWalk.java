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
                listInto(files, dir, pending, progress);
            } catch (FsException e) {
                progress.failed();
            }
        }
        return true;
    }

    private static void listInto(FileOps files, FsPath dir, Deque<FsPath> pending,
            RebalanceProgress progress) throws FsException {
        String after = null;
        while (true) {
            DirPage page = files.readdir(Caller.ROOT, dir, after, PAGE_ENTRIES);
            for (DirEntry entry : page.entries()) {
                if (!entry.attr().isDirectory()) {
                    continue;
                }
                if (pending.size() < PENDING_MAX) {
                    pending.push(dir.child(entry.name()));
                } else {
                    progress.failed(); // left unspread: the run ends failed, to be run again
                }
            }
            if (page.complete() || page.entries().isEmpty()) {
                return;
            }
            after = page.lastName();
        }
    }
}
