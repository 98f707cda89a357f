package io.bramble.fs.heal;

import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.SetAttr;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Copies a regular file's data from the copy that has it to one that missed changes, in
 * ranges: the source is read in pieces of {@link #RANGE_BYTES}, several at once, and each
 * written over the sink's (pieces of zeros past the sink's end are skipped: they stay holes),
 * the size is set last and the sink flushed to its disk. A copy that fails half-way keeps
 * what it had where it was not yet written, and stays marked.
 */
final class DataCopy {
    /** The largest piece a brick reads or writes in one call. */
    static final int RANGE_BYTES = 1 << 20;
    /** Ranges in flight at once for one file. */
    static final int STREAMS = 4;

    private DataCopy() {
    }

    /**
     * Copies {@code path} from {@code source} to {@code sink}.
     *
     * @return the changes made to the sink's file, as its brick counts them
     */
    static long copy(FileOps source, FileOps sink, FsPath path, long sizeBytes,
            long sinkSizeBytes, int streams, HealProgress progress) throws FsException {
        long changes = 0;
        Opened from = source.open(Caller.ROOT, path, OpenFlags.RDONLY);
        try {
            Opened to = sink.open(Caller.ROOT, path, OpenFlags.WRONLY);
            try {
                changes += copyRanges(source, from.handle(), sink, to.handle(), path, sizeBytes,
                        sinkSizeBytes, streams, progress);
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

    /**
     * Copies the ranges of {@code [0, sizeBytes)} on up to {@code streamsMax} streams, each
     * reading and writing every n-th range, so that reads and writes overlap.
     *
     * @return the writes made to the sink
     */
    private static long copyRanges(FileOps source, long from, FileOps sink, long to,
            FsPath path, long sizeBytes, long sinkSizeBytes, int streamsMax,
            HealProgress progress) throws FsException {
        long ranges = (sizeBytes + RANGE_BYTES - 1) / RANGE_BYTES;
        int streams = (int) Math.min(streamsMax, ranges);
        if (streams <= 1) {
            long writes = 0;
            for (long range = 0; range < ranges; range++) {
                writes += copyRange(source, from, sink, to, path, range * RANGE_BYTES, sizeBytes,
                        sinkSizeBytes, progress);
            }
            return writes;
        }
        List<Future<Long>> running = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int stream = 0; stream < streams; stream++) {
                long first = stream;
                running.add(pool.submit(() -> {
                    long writes = 0;
                    for (long range = first; range < ranges; range += streams) {
                        writes += copyRange(source, from, sink, to, path, range * RANGE_BYTES,
                                sizeBytes, sinkSizeBytes, progress);
                    }
                    return writes;
                }));
            }
        }
        long writes = 0;
        for (Future<Long> stream : running) {
            if (stream.state() == Future.State.FAILED) {
                throw stream.exceptionNow() instanceof FsException e
                        ? e
                        : new FsException(Errno.EIO, "copy of " + path + ": " + stream
                                .exceptionNow());
            }
            writes += stream.resultNow();
        }
        return writes;
    }

    private static long copyRange(FileOps source, long from, FileOps sink, long to,
            FsPath path, long offset, long sizeBytes, long sinkSizeBytes, HealProgress progress)
            throws FsException {
        int length = (int) Math.min(RANGE_BYTES, sizeBytes - offset);
        byte[] data = source.read(from, offset, length);
        if (data.length != length) {
            throw new FsException(Errno.EAGAIN, path + " shrank while it healed");
        }
        progress.copied(length);
        if (offset >= sinkSizeBytes && zeros(data)) {
            return 0; // past the sink's end: a hole reads as these zeros
        }
        sink.write(to, offset, data);
        return 1;
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
