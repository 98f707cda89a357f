package io.bramble.fs.distribute;

import io.bramble.fs.ops.Attr;
import java.util.List;

/**
 * One directory's attributes from its copies on every subvolume. Owner, mode and id come from
 * the first copy (the hashed one, which mkdir made first and setattr changes first); sizes,
 * link counts and times are the largest of all copies, so that a change on any subvolume
 * shows (an mtime that moved anywhere means the listing changed).
 */
final class DirectoryAttrs {
    private DirectoryAttrs() {
    }

    static Attr merge(List<Attr> copies) {
        Attr first = copies.getFirst();
        long nlink = first.nlink();
        long size = first.sizeBytes();
        long blocks = first.blocks512();
        long atime = first.atimeNs();
        long mtime = first.mtimeNs();
        long ctime = first.ctimeNs();
        for (Attr copy : copies) {
            nlink = Math.max(nlink, copy.nlink());
            size = Math.max(size, copy.sizeBytes());
            blocks = Math.max(blocks, copy.blocks512());
            atime = Math.max(atime, copy.atimeNs());
            mtime = Math.max(mtime, copy.mtimeNs());
            ctime = Math.max(ctime, copy.ctimeNs());
        }
        return new Attr(first.id(), first.mode(), nlink, first.uid(), first.gid(), first.rdev(),
                size, blocks, atime, mtime, ctime);
    }
}
