package io.bramble.fs.disperse;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;

/**
 * {@code fallocate} on a file of a disperse set, in the modes Linux file systems share:
 * allocation (mode 0, growing the file, or with {@code KEEP_SIZE}), {@code PUNCH_HOLE |
 * KEEP_SIZE} and {@code ZERO_RANGE}. Allocation reserves each fragment's share of the range
 * on its brick (the fragments in step, at least D of them), then grows the file as a truncate
 * does. A punched or zeroed range is written with zeros through {@link FragmentIo#write}, so
 * that it moves the fragments' version as any write does (a brick that misses it is stale);
 * the fragments' blocks are not freed. Collapse and insert range, which would move data
 * across stripes, are EOPNOTSUPP.
 */
final class FragmentAllocate {
    static final int KEEP_SIZE = 0x01;
    static final int PUNCH_HOLE = 0x02;
    static final int ZERO_RANGE = 0x10;
    private static final int SUPPORTED = KEEP_SIZE | PUNCH_HOLE | ZERO_RANGE;

    private final FragmentIo io;
    private final ChildCalls children;
    private final StripeLayout layout;
    private final int dataCount;

    FragmentAllocate(FragmentIo io, ChildCalls children, StripeLayout layout) {
        this.io = io;
        this.children = children;
        this.layout = layout;
        this.dataCount = layout.dataCount();
    }

    void fallocate(DisperseHandle handle, int mode, long offset, long lengthBytes)
            throws FsException {
        boolean punch = (mode & PUNCH_HOLE) != 0;
        if ((mode & ~SUPPORTED) != 0 || punch && (mode & (KEEP_SIZE | ZERO_RANGE)) != KEEP_SIZE) {
            throw new FsException(Errno.EOPNOTSUPP, "fallocate mode " + mode + " on a disperse"
                    + " set");
        }
        if (offset < 0 || lengthBytes <= 0) {
            throw new FsException(Errno.EINVAL, "fallocate of " + lengthBytes + " bytes at "
                    + offset);
        }
        if (lengthBytes > Long.MAX_VALUE - offset) {
            throw new FsException(Errno.EFBIG, "fallocate past the largest offset");
        }
        long end = offset + lengthBytes;
        long size = io.freshness(handle).state().sizeBytes();
        if (punch || (mode & ZERO_RANGE) != 0) {
            zero(handle, offset, Math.min(end, size));
        } else {
            reserve(handle, offset, end);
        }
        if ((mode & KEEP_SIZE) == 0 && end > size) {
            io.truncate(handle, end);
        }
    }

    /** Writes zeros over {@code [from, to)}, a piece of at most a write's bound at a time. */
    private void zero(DisperseHandle handle, long from, long to) throws FsException {
        byte[] zeros = new byte[(int) Math.min(FragmentIo.PIECE_BYTES_MAX, Math.max(0, to
                - from))];
        for (long at = from; at < to; at += zeros.length) {
            int piece = (int) Math.min(zeros.length, to - at);
            io.write(handle, at, piece == zeros.length ? zeros : new byte[piece]);
        }
    }

    /** Reserves each fragment's share of {@code [from, to)} on its brick, sizes unchanged. */
    private void reserve(DisperseHandle handle, long from, long to) throws FsException {
        long start = from / layout.stripeBytes() * StripeLayout.CHUNK_BYTES;
        long length = layout.fragmentSize(to) - start;
        ChildAnswers<Boolean> took = children.call(io.freshness(handle).children(), (child,
                ops) -> {
            io.onChild(handle, child, (o, h) -> {
                o.fallocate(h, KEEP_SIZE, start, length);
                return Boolean.TRUE;
            });
            return Boolean.TRUE;
        });
        if (took.ok().size() < dataCount) {
            throw took.failure("fallocate reached fewer than " + dataCount + " fragments:");
        }
    }
}
