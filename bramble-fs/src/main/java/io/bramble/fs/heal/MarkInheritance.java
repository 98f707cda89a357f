package io.bramble.fs.heal;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.replicate.ChildSet;
import io.bramble.fs.replicate.PendingCounters;

/**
 * Gives a healed copy the source's marks against the copies this heal leaves as they are (those
 * away): once healed, the sink holds what the source holds, so it too holds the changes those
 * copies missed, and must say so. Its own marks were its file's: a file the heal made anew or
 * moved into place carries none, or stale ones. Without this, with the source away, the
 * healed copy and a stale one that missed a change both healed copies took would answer a
 * read quorum with no mark against the stale one, and it could serve an older read.
 */
final class MarkInheritance {
    private MarkInheritance() {
    }

    /**
     * @param kept the copies whose marks the heal leaves (not healed, not cleared)
     * @return the changes made to the sink's file, as its brick counts them
     */
    static long inherit(CopyState source, CopyState sink, int sinkIndex, ChildSet kept,
            FileOps sinkOps, FsPath path) throws FsException {
        long changes = 0;
        for (int child : source.blamed().intersect(kept).without(sinkIndex).indexes()) {
            if (sink.blamed().contains(child)) {
                continue;
            }
            byte[] value = source.xattrs().get(PendingCounters.name(child));
            if (value == null) {
                continue;
            }
            sinkOps.setxattr(Caller.ROOT, path, PendingCounters.name(child), value, 0);
            changes++;
        }
        return changes;
    }
}
