package io.bramble.fs.disperse;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.replicate.ChangeKind;
import io.bramble.fs.replicate.ChildSet;
import io.bramble.fs.replicate.PendingCounters;

/**
 * Records that some children of a disperse set missed a change, in the pending marks the
 * replicate layer uses ({@link PendingCounters}: {@code trusted.bramble.pending.<i>} on the
 * children that took it, one counter per kind of change), so that the bricks' index of marked
 * files lists what a heal must visit. A file's data change is marked on the file, a change of
 * attributes or xattrs on the file, a change of names on the folder.
 *
 * <p>Marks only point heal at a file: which fragments of a regular file are in step is told
 * by their versions ({@link Freshness}), never by marks. Marking is best effort after the
 * change: a counter raised twice at once may count one, which still blames the child.
 */
final class PendingMarks {
    private final ChildCalls children;

    PendingMarks(ChildCalls children) {
        this.children = children;
    }

    /** Raises on each of {@code takers} at {@code path} the marks against {@code missed}. */
    void record(ChildSet takers, FsPath path, ChildSet missed, ChangeKind kind) {
        if (missed.isEmpty() || path == null) {
            return;
        }
        children.call(takers, (child, ops) -> {
            for (int blamed : missed.indexes()) {
                String name = PendingCounters.name(blamed);
                PendingCounters counters;
                try {
                    counters = PendingCounters.decode(ops.getxattr(Caller.ROOT, path, name));
                } catch (FsException e) {
                    if (e.errno() != Errno.ENODATA) {
                        throw e;
                    }
                    counters = PendingCounters.ZERO;
                } catch (IllegalArgumentException e) {
                    counters = PendingCounters.ZERO;
                }
                ops.setxattr(Caller.ROOT, path, name, counters.plus(kind).encode(), 0);
            }
            return Boolean.TRUE;
        });
    }
}
