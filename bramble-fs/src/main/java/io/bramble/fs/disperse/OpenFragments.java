package io.bramble.fs.disperse;

import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.OpenFileTable;
import io.bramble.fs.replicate.ChildSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A regular file open through a disperse set, shared by all its handles: the state of each of
 * its fragments as this client knows it, the path its xattrs are written at, and the lock that
 * makes its reads, writes and truncates one at a time (so that two read-modify-writes of one
 * stripe cannot interleave, and no read sees half a write).
 *
 * <p>States start as read at the first open and follow every change this client makes; a
 * fragment that missed one keeps its older state and is neither read nor written again
 * through this client until healed ({@link FragmentHeal}) and opened anew.
 */
final class OpenFragments implements OpenFileTable.Named {
    final FileId id;
    final ReentrantLock lock = new ReentrantLock();
    private final FragmentState[] states;
    private FsPath path;
    /** The children this client marked as having missed a data change of the file. */
    private ChildSet marked = ChildSet.NONE;

    OpenFragments(FileId id, FsPath path, int childCount) {
        this.id = id;
        this.path = path;
        this.states = new FragmentState[childCount];
    }

    /** The fragments in step, or null when fewer than {@code dataCount} are. */
    synchronized Freshness freshness(int dataCount) {
        return Freshness.of(states.clone(), dataCount);
    }

    /** What a child said at an open; kept only when this client knew nothing of it yet. */
    synchronized void learned(int child, FragmentState state) {
        if (states[child] == null) {
            states[child] = state;
        }
    }

    synchronized void changed(int child, FragmentState state) {
        states[child] = state;
    }

    /** Those of {@code missed} not marked yet by this client, now counted as marked. */
    synchronized ChildSet newlyMissed(ChildSet missed) {
        ChildSet fresh = missed.minus(marked);
        marked = marked.union(missed);
        return fresh;
    }

    /** Where to write its xattrs; null once its name is gone (states then live here only). */
    @Override
    public synchronized FsPath path() {
        return path;
    }

    @Override
    public synchronized void path(FsPath newPath) {
        path = newPath;
    }
}
