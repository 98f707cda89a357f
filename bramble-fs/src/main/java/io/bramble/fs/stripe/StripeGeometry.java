package io.bramble.fs.stripe;

import io.bramble.common.check.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the bytes of a striped file live, as Gluster's stripe with {@code coalesce} on (its
 * default) puts them: the file is cut into blocks of {@code blockSizeBytes}; block {@code b}
 * lives on child {@code b mod childCount}, at offset {@code (b div childCount) x blockSize}
 * of that child's file, so each child's file holds its blocks back to back.
 *
 * <p>Sizes go both ways. A file of logical size {@code L} leaves on child {@code c} the bytes
 * of its blocks that lie below {@code L} ({@link #childSize}). Back from the children, the
 * logical size is the largest logical end any child implies: the logical offset of a child's
 * last byte, plus one ({@link #logicalSize}). Every child file shorter than its share reads as
 * zeros up to it: a hole, as in a sparse file. The two agree: {@code logicalSize} of the
 * {@code childSize}s of {@code L} is {@code L} for every {@code L}.
 */
public final class StripeGeometry {
    /** Gluster's smallest stripe block (16 KiB). */
    public static final int BLOCK_SIZE_MIN_BYTES = 16 * 1024;
    /** Largest block: a block is read and written in one call to one child. */
    public static final int BLOCK_SIZE_MAX_BYTES = 1024 * 1024 * 1024;
    /** Gluster's default, {@code cluster.stripe-block-size 128KB}. */
    public static final int BLOCK_SIZE_DEFAULT_BYTES = 128 * 1024;
    /** Block sizes are whole sectors, as Gluster asks. */
    public static final int BLOCK_SIZE_UNIT_BYTES = 512;
    /** Most children of one stripe: a volume has at most 256 bricks. */
    public static final int CHILD_COUNT_MAX = 256;

    private final int childCount;
    private final int blockSizeBytes;

    public StripeGeometry(int childCount, int blockSizeBytes) {
        Checks.argument(childCount >= 2 && childCount <= CHILD_COUNT_MAX,
                "a stripe has 2 to " + CHILD_COUNT_MAX + " children, not " + childCount);
        Checks.argument(blockSizeBytes >= BLOCK_SIZE_MIN_BYTES
                && blockSizeBytes <= BLOCK_SIZE_MAX_BYTES
                && blockSizeBytes % BLOCK_SIZE_UNIT_BYTES == 0,
                "not a stripe block size: " + blockSizeBytes);
        this.childCount = childCount;
        this.blockSizeBytes = blockSizeBytes;
    }

    public int childCount() {
        return childCount;
    }

    public int blockSizeBytes() {
        return blockSizeBytes;
    }

    /**
     * The bytes of child {@code child}'s file that hold logical bytes below {@code logical}:
     * the child's size for a file of logical size {@code logical}, and the child offset where
     * a range starting at {@code logical} begins on that child.
     */
    public long childSize(long logical, int child) {
        Checks.argument(logical >= 0, "negative offset " + logical);
        long rowBytes = (long) childCount * blockSizeBytes;
        long rows = logical / rowBytes;
        long inRow = logical % rowBytes - (long) child * blockSizeBytes;
        return rows * blockSizeBytes + Math.clamp(inRow, 0, blockSizeBytes);
    }

    /** The logical size the children's sizes imply: the largest logical end among them. */
    public long logicalSize(long[] childSizes) {
        Checks.argument(childSizes.length == childCount, "one size per child");
        long size = 0;
        for (int child = 0; child < childCount; child++) {
            if (childSizes[child] > 0) {
                size = Math.max(size, logicalOffset(child, childSizes[child] - 1) + 1);
            }
        }
        return size;
    }

    /** The logical offset of the byte at {@code childOffset} in child {@code child}'s file. */
    public long logicalOffset(int child, long childOffset) {
        long childBlock = childOffset / blockSizeBytes;
        return (childBlock * childCount + child) * blockSizeBytes
                + childOffset % blockSizeBytes;
    }

    /**
     * The pieces of the logical range of {@code lengthBytes} from {@code offset}, one per
     * block it touches, in logical order. A child's pieces follow one another in its file
     * without gaps, so each child's part of the range is one contiguous child range.
     */
    public List<StripePiece> pieces(long offset, int lengthBytes) {
        Checks.argument(offset >= 0 && lengthBytes >= 0, "bad range " + offset + "+"
                + lengthBytes);
        List<StripePiece> pieces = new ArrayList<>(lengthBytes / blockSizeBytes + 2);
        long at = offset;
        long end = offset + lengthBytes;
        while (at < end) {
            long block = at / blockSizeBytes;
            long inBlock = at % blockSizeBytes;
            int length = (int) Math.min(end - at, blockSizeBytes - inBlock);
            int child = (int) (block % childCount);
            long childOffset = block / childCount * blockSizeBytes + inBlock;
            pieces.add(new StripePiece(child, childOffset, at, length));
            at += length;
        }
        return pieces;
    }
}
