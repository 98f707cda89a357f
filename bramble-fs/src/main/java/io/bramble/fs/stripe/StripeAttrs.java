package io.bramble.fs.stripe;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.FileType;
import java.util.List;

/**
 * A striped file's attributes from its pieces' attributes. Child 0's are the file's (its
 * identity, mode, owner and links are the same everywhere), except for what the data decides:
 * the size is the logical size the pieces imply ({@link StripeGeometry#logicalSize}), the
 * blocks are the pieces' together, and the times are the latest any piece has (a write
 * touches only some of them). Anything but a regular file is child 0's as it is.
 */
final class StripeAttrs {
    private StripeAttrs() {
    }

    /** Whether {@code attr}'s size needs the other children's: a regular file's does. */
    static boolean striped(Attr attr) {
        return attr.type() == FileType.REGULAR;
    }

    /** Merges the attributes of the pieces, one per child in child order. */
    static Attr merge(StripeGeometry geometry, List<Attr> pieces) {
        Attr first = pieces.getFirst();
        if (!striped(first)) {
            return first;
        }
        long[] sizes = new long[pieces.size()];
        long blocks = 0;
        long atime = first.atimeNs();
        long mtime = first.mtimeNs();
        long ctime = first.ctimeNs();
        for (int child = 0; child < pieces.size(); child++) {
            Attr piece = pieces.get(child);
            sizes[child] = piece.sizeBytes();
            blocks += piece.blocks512();
            atime = Math.max(atime, piece.atimeNs());
            mtime = Math.max(mtime, piece.mtimeNs());
            ctime = Math.max(ctime, piece.ctimeNs());
        }
        return new Attr(first.id(), first.mode(), first.nlink(), first.uid(), first.gid(),
                first.rdev(), geometry.logicalSize(sizes), blocks, atime, mtime, ctime);
    }
}
