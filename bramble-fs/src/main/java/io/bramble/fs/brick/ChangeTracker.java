package io.bramble.fs.brick;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts the changes made to each inode of the brick, so that self-heal can tell whether a
 * file changed while it copied it, without locking out the applications that write it. Each
 * change counts once when it starts and is in progress until it ends; a {@linkplain #stamp
 * stamp} taken before a heal matches at its end only when no change started in between and
 * none is in progress. Inodes share a bounded table of counters: two files in one slot only
 * make a heal try again.
 */
final class ChangeTracker {
    /** Bytes of a stamp: the brick's start, the inode and its count, big-endian. */
    static final int STAMP_BYTES = io.bramble.fs.ops.ChangeStamps.STAMP_BYTES;
    private static final int SLOTS = 1 << 16;

    private final long epoch;
    private final AtomicLongArray started = new AtomicLongArray(SLOTS);
    private final AtomicLongArray running = new AtomicLongArray(SLOTS);

    /** @param epoch differs at each start of the brick: counts start again at zero */
    ChangeTracker(long epoch) {
        this.epoch = epoch;
    }

    /** One change of {@code inode}, in progress until closed. */
    Change begin(long inode) {
        int slot = slot(inode);
        running.incrementAndGet(slot);
        started.incrementAndGet(slot);
        return new Change(slot);
    }

    /** The inode's count now, to compare with {@link #unchanged} later. */
    byte[] stamp(long inode) {
        return ByteBuffer.allocate(STAMP_BYTES).putLong(epoch).putLong(inode)
                .putLong(started.get(slot(inode))).array();
    }

    /**
     * Whether {@code stamp}, raised by {@code ownChanges} made since it was taken, is still
     * the count of {@code inode}, with no change in progress.
     */
    boolean unchanged(byte[] stamp, long inode) throws FsException {
        if (stamp.length != STAMP_BYTES) {
            throw new FsException(Errno.EINVAL, "a change stamp is " + STAMP_BYTES + " bytes");
        }
        ByteBuffer read = ByteBuffer.wrap(stamp);
        int slot = slot(inode);
        return read.getLong() == epoch && read.getLong() == inode
                && read.getLong() == started.get(slot) && running.get(slot) == 0;
    }

    private static int slot(long inode) {
        long mixed = inode * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 48) & (SLOTS - 1);
    }

    /** A change in progress. */
    final class Change implements AutoCloseable {
        private final int slot;

        private Change(int slot) {
            this.slot = slot;
        }

        @Override
        public void close() {
            running.decrementAndGet(slot);
        }
    }
}
