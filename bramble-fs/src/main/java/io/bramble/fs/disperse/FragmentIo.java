package io.bramble.fs.disperse;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.replicate.ChangeKind;
import io.bramble.fs.replicate.ChildSet;
import java.util.Arrays;

/**
 * Reads, writes and truncates of one open file over its fragments, each under the file's
 * lock. Writes rewrite whole stripes: the stripes a write covers in part are read first
 * (from any D fragments in step) and merged with the new bytes, then every stripe is encoded
 * and each fragment in step gets its range (read-modify-write only at the edges). Reads take
 * the data fragments as they are when all of them are in step and answer, and otherwise
 * decode the missing ones from parity.
 *
 * <p>A change is acknowledged once at least D fragments took it and their new state
 * ({@link FragmentState}); the fragments that did not keep their older state and are stale.
 * Children that missed an acknowledged change are marked ({@link PendingMarks}), once per
 * open file. With fewer than D, the change fails (ENOTCONN when the children were down) and no state
 * moves; the bytes of a failed write are then undefined, as POSIX allows.
 */
final class FragmentIo {
    /** File bytes coded per round of child calls: bounds the buffers of one call. */
    static final int PIECE_BYTES_MAX = 1 << 20;

    private final ChildCalls children;
    private final StripeCodec codec;
    private final StripeLayout layout;
    private final int dataCount;
    private final PendingMarks marks;

    FragmentIo(ChildCalls children, StripeCodec codec, PendingMarks marks) {
        this.children = children;
        this.marks = marks;
        this.codec = codec;
        this.layout = codec.layout();
        this.dataCount = codec.code().dataCount();
    }

    /** What an open file can be read at: its fragments in step, or a failure. */
    Freshness freshness(DisperseHandle handle) throws FsException {
        Freshness fresh = handle.file.freshness(dataCount);
        if (fresh == null) {
            throw new FsException(Errno.EIO, "fewer than " + dataCount + " fragments of "
                    + handle.file.id + " are in step");
        }
        return fresh;
    }

    byte[] read(DisperseHandle handle, long offset, int sizeBytes) throws FsException {
        handle.file.lock.lock();
        try {
            long size = freshness(handle).state().sizeBytes();
            if (offset >= size || sizeBytes <= 0) {
                return new byte[0];
            }
            int length = (int) Math.min(sizeBytes, size - offset);
            byte[] out = new byte[length];
            int done = 0;
            while (done < length) {
                int piece = Math.min(length - done, PIECE_BYTES_MAX);
                StripeRange stripes = layout.stripes(offset + done, piece);
                byte[] bytes = readStripes(handle, stripes);
                System.arraycopy(bytes, (int) (offset + done - stripes.fileOffset()), out, done,
                        piece);
                done += piece;
            }
            return out;
        } finally {
            handle.file.lock.unlock();
        }
    }

    int write(DisperseHandle handle, long offset, byte[] data) throws FsException {
        handle.file.lock.lock();
        try {
            int done = 0;
            while (done < data.length) {
                long at = offset + done;
                // Pieces end on stripe edges, so only the first and last can be partial.
                long pieceEnd = Math.min(offset + data.length, (at + PIECE_BYTES_MAX)
                        / layout.stripeBytes() * layout.stripeBytes());
                int piece = (int) Math.max(Math.min(data.length - done, pieceEnd - at), 1);
                writePiece(handle, at, Arrays.copyOfRange(data, done, done + piece));
                done += piece;
            }
            return data.length;
        } finally {
            handle.file.lock.unlock();
        }
    }

    private void writePiece(DisperseHandle handle, long offset, byte[] data)
            throws FsException {
        long size = freshness(handle).state().sizeBytes();
        StripeWrite plan = layout.write(offset, data.length, size);
        StripeRange stripes = plan.stripes();
        byte[] bytes = new byte[(int) stripes.fileLength()];
        if (plan.readsFirst()) {
            byte[] first = readStripes(handle, new StripeRange(stripes.first(), 1,
                    layout.stripeBytes()));
            System.arraycopy(first, 0, bytes, 0, first.length);
        }
        if (plan.readsLast() && (stripes.count() > 1 || !plan.readsFirst())) {
            long last = stripes.first() + stripes.count() - 1;
            byte[] lastBytes = readStripes(handle, new StripeRange(last, 1,
                    layout.stripeBytes()));
            System.arraycopy(lastBytes, 0, bytes, bytes.length - lastBytes.length,
                    lastBytes.length);
        }
        System.arraycopy(data, 0, bytes, plan.headBytes(), data.length);
        long newSize = Math.max(size, offset + data.length);
        change(handle, stripes.fragmentOffset(), codec.split(bytes), -1, newSize);
    }

    /**
     * Truncates the file to {@code sizeBytes}. A shrink that ends inside a stripe rewrites
     * that stripe with zeros after the end, so that bytes past the end stay zeros in every
     * fragment, data and parity (a later grow then reads zeros there with nothing to write).
     */
    void truncate(DisperseHandle handle, long sizeBytes) throws FsException {
        handle.file.lock.lock();
        try {
            long size = freshness(handle).state().sizeBytes();
            long fragmentSize = layout.fragmentSize(sizeBytes);
            int keep = (int) (sizeBytes % layout.stripeBytes());
            if (sizeBytes >= size || keep == 0) {
                change(handle, 0, null, fragmentSize, sizeBytes);
                return;
            }
            StripeRange last = layout.stripes(sizeBytes - keep, keep);
            byte[] bytes = readStripes(handle, last);
            Arrays.fill(bytes, keep, bytes.length, (byte) 0);
            change(handle, last.fragmentOffset(), codec.split(bytes), fragmentSize, sizeBytes);
        } finally {
            handle.file.lock.unlock();
        }
    }

    /**
     * Reads whole stripes from D fragments in step: the data fragments when they answer,
     * else whichever others do, decoding the missing data.
     */
    private byte[] readStripes(DisperseHandle handle, StripeRange stripes) throws FsException {
        Freshness fresh = freshness(handle);
        int length = (int) stripes.fragmentLength();
        byte[][] fragments = new byte[children.size()][];
        ChildAnswers<byte[]> failures = new ChildAnswers<>(children.size());
        int have = 0;
        for (int child : fresh.children().indexes()) {
            if (have == dataCount) {
                break;
            }
            try {
                byte[] read = onChild(handle, child, (ops, h) -> ops.read(h,
                        stripes.fragmentOffset(), length));
                fragments[child] = read.length == length ? read : Arrays.copyOf(read, length);
                have++;
            } catch (FsException e) {
                failures.failed(child, e.errno());
            }
        }
        if (have < dataCount) {
            throw failures.failure("fewer than " + dataCount + " fragments answered:");
        }
        return codec.join(fragments, (int) stripes.count());
    }

    /**
     * Gives each fragment in step its part of a change, then its new state: the bytes at
     * {@code fragmentOffset} ({@code fragments} null when none), the fragment file's new
     * length ({@code fragmentLength} -1 when unchanged), the file's new size.
     */
    private void change(DisperseHandle handle, long fragmentOffset, byte[][] fragments,
            long fragmentLength, long newSize) throws FsException {
        Freshness fresh = freshness(handle);
        FragmentState next = fresh.state().next(newSize);
        FsPath path = handle.file.path();
        ChildAnswers<Boolean> took = children.call(fresh.children(), (child, ops) -> {
            if (fragments != null) {
                onChild(handle, child, (o, h) -> o.write(h, fragmentOffset, fragments[child]));
            }
            if (fragmentLength >= 0) {
                onChild(handle, child, (o, h) -> o.fsetattr(h, SetAttr.truncate(
                        fragmentLength)));
            }
            return Boolean.TRUE;
        });
        if (took.ok().size() < dataCount) {
            throw took.failure("a change reached fewer than " + dataCount + " fragments:");
        }
        ChildAnswers<Boolean> stated = children.call(took.ok(), (child, ops) -> {
            if (path != null) {
                ops.setxattr(Caller.ROOT, path, FragmentState.XATTR, next.bytes(), 0);
            }
            return Boolean.TRUE;
        });
        ChildSet marked = stated.ok();
        if (marked.size() < dataCount) {
            throw stated.failure("a change's state reached fewer than " + dataCount
                    + " fragments:");
        }
        for (int child : marked.indexes()) {
            handle.file.changed(child, next);
        }
        ChildSet missed = handle.file.newlyMissed(children.all().minus(marked));
        marks.record(marked, path, missed, ChangeKind.DATA);
    }

    /** A call on a child's handle of the file. */
    @FunctionalInterface
    interface HandleCall<T> {
        T call(FileOps ops, long childHandle) throws FsException;
    }

    /**
     * Calls {@code call} with this open's handle on {@code child}; a child that restarted
     * since (EBADF) is opened again by path, once.
     */
    <T> T onChild(DisperseHandle handle, int child, HandleCall<T> call) throws FsException {
        FileOps ops = children.child(child);
        long childHandle = handle.childHandle(child);
        if (childHandle < 0) {
            throw new FsException(Errno.ENOTCONN, "child " + child + " did not open the file");
        }
        try {
            return call.call(ops, childHandle);
        } catch (FsException e) {
            FsPath path = handle.file.path();
            if (e.errno() != Errno.EBADF || path == null) {
                throw e;
            }
            long reopened = ops.open(Caller.ROOT, path, childFlags(handle.flags)).handle();
            handle.childHandle(child, reopened);
            return call.call(ops, reopened);
        }
    }

    /**
     * The flags a child opens a fragment with: reading too when the file is written (a
     * partial stripe is read before it is written), without the flags this layer applies
     * itself (truncation at open, appending, creation).
     */
    static int childFlags(int flags) {
        int kept = flags & ~(OpenFlags.ACCESS_MASK | OpenFlags.TRUNC | OpenFlags.APPEND
                | OpenFlags.CREAT | OpenFlags.EXCL);
        return kept | (OpenFlags.writes(flags) ? OpenFlags.RDWR : OpenFlags.RDONLY);
    }
}
