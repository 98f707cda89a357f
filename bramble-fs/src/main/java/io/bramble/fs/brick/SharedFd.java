package io.bramble.fs.brick;

import io.bramble.fs.ops.FileId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A file descriptor used by concurrent calls. It is closed only when its owner has let go and
 * the last call using it has finished, so that a call never reaches a descriptor number the
 * kernel has meanwhile given to another file.
 */
final class SharedFd {
    private final int fd;
    /** The inode the descriptor is open on, whose changes it counts; -1 when none are. */
    private final long inode;
    /** The id of the file the descriptor is open on; null for the brick's own descriptors. */
    private final FileId id;
    private final IntConsumer closer;
    /** The owner's reference plus one per call in progress; 0 once closed. */
    private final AtomicInteger references = new AtomicInteger(1);

    SharedFd(int fd, long inode, FileId id) {
        this.fd = fd;
        this.inode = inode;
        this.id = id;
        this.closer = Libc::close;
    }

    SharedFd(int fd, IntConsumer closer) {
        this.fd = fd;
        this.inode = -1;
        this.id = null;
        this.closer = closer;
    }

    int fd() {
        return fd;
    }

    long inode() {
        return inode;
    }

    FileId id() {
        return id;
    }

    /** Takes a reference for one call; false when the descriptor is already closed. */
    boolean retain() {
        while (true) {
            int count = references.get();
            if (count <= 0) {
                return false;
            }
            if (references.compareAndSet(count, count + 1)) {
                return true;
            }
        }
    }

    /** Drops a reference; the last one closes the descriptor. Once per retain, plus once. */
    void release() {
        if (references.decrementAndGet() == 0) {
            closer.accept(fd);
        }
    }
}
