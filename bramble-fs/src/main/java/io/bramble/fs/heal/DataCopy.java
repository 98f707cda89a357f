package io.bramble.fs.heal;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.SetAttr;

/**
 * Copies a regular file's data from the copy that has it to one that missed changes, a range
 * at a time: the sink is emptied, the source read in pieces of {@link #RANGE_BYTES}, pieces of
 * zeros skipped (they stay holes, as on the source), and the size set last.
 */
final class DataCopy {
    /** The largest piece a brick reads or writes in one call. */
    static final int RANGE_BYTES = 1 << 20;

    private DataCopy() {
    }

    /**
     * Copies {@code path} from {@code source} to {@code sink}.
     *
     * @return the changes made to the sink's file, as its brick counts them
     */
    static long copy(FileOps source, FileOps sink, FsPath path, long sizeBytes,
            HealProgress progress) throws FsException {
        long changes = 0;
        Opened from = source.open(Caller.ROOT, path, OpenFlags.RDONLY);
        try {
            Opened to = sink.open(Caller.ROOT, path, OpenFlags.WRONLY | OpenFlags.TRUNC);
            changes++;
            try {
                for (long offset = 0; offset < sizeBytes; offset += RANGE_BYTES) {
                    int length = (int) Math.min(RANGE_BYTES, sizeBytes - offset);
                    byte[] data = source.read(from.handle(), offset, length);
                    if (data.length != length) {
                        throw new FsException(Errno.EAGAIN, path + " shrank while it healed");
                    }
                    if (!zeros(data)) {
                        sink.write(to.handle(), offset, data);
                        changes++;
                    }
                    progress.copied(length);
                }
                sink.fsetattr(to.handle(), SetAttr.truncate(sizeBytes));
                changes++;
                sink.fsync(to.handle(), false);
            } finally {
                releaseQuietly(sink, to.handle());
            }
        } finally {
            releaseQuietly(source, from.handle());
        }
        return changes;
    }

    private static boolean zeros(byte[] data) {
        for (byte b : data) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void releaseQuietly(FileOps copy, long handle) {
        try {
            copy.release(handle);
        } catch (FsException e) {
            // the copy went away: its handles went with it
        }
    }
}
