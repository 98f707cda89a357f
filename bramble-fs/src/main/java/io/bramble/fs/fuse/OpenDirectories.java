package io.bramble.fs.fuse;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import java.util.HashMap;
import java.util.Map;

/**
 * The directories the kernel has open, by the handle bramble gave at OPENDIR. Bounded:
 * past {@code openMax} an OPENDIR fails with EMFILE rather than growing without end.
 */
final class OpenDirectories {
    static final int EMFILE = 24;

    private final int openMax;
    private final Map<Long, DirectoryStream> open = new HashMap<>();
    private long nextHandle = 1;

    OpenDirectories(int openMax) {
        this.openMax = openMax;
    }

    synchronized long open(DirectoryStream stream) throws FsException {
        if (open.size() >= openMax) {
            throw new FsException(EMFILE, openMax + " directories open");
        }
        long handle = nextHandle++;
        open.put(handle, stream);
        return handle;
    }

    /** The stream of {@code handle}; the caller synchronizes on it while reading. */
    synchronized DirectoryStream get(long handle) throws FsException {
        DirectoryStream stream = open.get(handle);
        if (stream == null) {
            throw new FsException(Errno.EBADF, "directory handle " + handle);
        }
        return stream;
    }

    synchronized void close(long handle) {
        open.remove(handle);
    }

    synchronized int size() {
        return open.size();
    }
}
