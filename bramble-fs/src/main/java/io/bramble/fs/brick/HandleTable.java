package io.bramble.fs.brick;

import io.bramble.common.check.Checks;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FsException;
import java.util.ArrayList;
import java.util.List;

/**
 * The open files of a brick, by handle. A handle is a slot number and the slot's generation,
 * so a handle released and reused is never mistaken for the old one. The table is bounded:
 * past {@code handlesMax} open files, opens fail with EMFILE as a process's would.
 */
final class HandleTable {
    private final SharedFd[] files;
    private final int[] generations;
    private final int[] free;
    private int freeCount;
    private int used;

    HandleTable(int handlesMax) {
        Checks.argument(handlesMax >= 1, "handlesMax must be at least 1");
        files = new SharedFd[handlesMax];
        generations = new int[handlesMax];
        free = new int[handlesMax];
        for (int slot = 0; slot < handlesMax; slot++) {
            free[slot] = handlesMax - 1 - slot;
        }
        freeCount = handlesMax;
    }

    /** Registers {@code file}; the table owns its first reference from now on. */
    synchronized long add(SharedFd file) throws FsException {
        if (freeCount == 0) {
            throw new FsException(Errno.EMFILE, files.length + " files open on this brick");
        }
        int slot = free[--freeCount];
        files[slot] = file;
        used++;
        return handle(slot, ++generations[slot]);
    }

    /** The file of {@code handle} with a reference taken for one call; release it after. */
    SharedFd acquire(long handle) throws FsException {
        SharedFd file = lookup(handle);
        if (file == null || !file.retain()) {
            throw new FsException(Errno.EBADF, "handle " + handle);
        }
        return file;
    }

    private synchronized SharedFd lookup(long handle) {
        int slot = (int) handle;
        if (slot < 0 || slot >= files.length || generations[slot] != (int) (handle >>> 32)) {
            return null;
        }
        return files[slot];
    }

    /** Forgets {@code handle}; its descriptor closes when the calls using it end. */
    void remove(long handle) throws FsException {
        SharedFd file;
        synchronized (this) {
            file = lookup(handle);
            if (file == null) {
                throw new FsException(Errno.EBADF, "handle " + handle);
            }
            int slot = (int) handle;
            files[slot] = null;
            free[freeCount++] = slot;
            used--;
        }
        file.release();
    }

    /** Forgets every handle (the brick is closing). */
    void removeAll() {
        List<SharedFd> open = new ArrayList<>();
        synchronized (this) {
            for (int slot = 0; slot < files.length; slot++) {
                if (files[slot] != null) {
                    open.add(files[slot]);
                    files[slot] = null;
                    free[freeCount++] = slot;
                }
            }
            used = 0;
        }
        open.forEach(SharedFd::release);
    }

    /** Whether a handle is open on {@code inode}. */
    synchronized boolean openOn(long inode) {
        for (SharedFd file : files) {
            if (file != null && file.inode() == inode) {
                return true;
            }
        }
        return false;
    }

    /**
     * A file open with id {@code id}, with a reference taken for one call (release it after);
     * null when none is.
     */
    synchronized SharedFd acquireOpen(FileId id) {
        // The scan ends once it has seen every open file, not at the end of the table.
        int seen = 0;
        for (int slot = 0; slot < files.length && seen < used; slot++) {
            SharedFd file = files[slot];
            if (file == null) {
                continue;
            }
            seen++;
            if (id.equals(file.id()) && file.retain()) {
                return file;
            }
        }
        return null;
    }

    synchronized int size() {
        return used;
    }

    private static long handle(int slot, int generation) {
        return (long) generation << 32 | slot;
    }
}
