package io.bramble.fs.handle;

import io.bramble.common.check.Checks;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The handles one layer issued and what each stands for. Bounded, because every open file of
 * every application on the mount holds an entry: a full table fails new opens with ENFILE
 * instead of growing until the client runs out of memory. Thread-safe.
 *
 * @param <T> what a handle stands for in the layer below
 */
public final class HandleTable<T> {
    private final int handlesMax;
    private final Map<Long, T> entries = new HashMap<>();
    private long lastHandle;

    public HandleTable(int handlesMax) {
        Checks.argument(handlesMax >= 1, "handlesMax must be at least 1, got " + handlesMax);
        this.handlesMax = handlesMax;
    }

    /** Issues a new handle for {@code value}; fails with ENFILE when the table is full. */
    public synchronized long add(T value) throws FsException {
        if (entries.size() >= handlesMax) {
            throw new FsException(Errno.ENFILE, handlesMax + " files open");
        }
        // Numbers are never reused while the layer lives, so a stale handle cannot reach the
        // file that took its place; 2^63 opens do not happen.
        lastHandle++;
        entries.put(lastHandle, value);
        return lastHandle;
    }

    /** What {@code handle} stands for; fails with EBADF when it was never issued or is gone. */
    public synchronized T get(long handle) throws FsException {
        T value = entries.get(handle);
        if (value == null) {
            throw new FsException(Errno.EBADF, "handle " + handle);
        }
        return value;
    }

    /** Forgets {@code handle} and returns what it stood for (EBADF when unknown). */
    public synchronized T remove(long handle) throws FsException {
        T value = entries.remove(handle);
        if (value == null) {
            throw new FsException(Errno.EBADF, "handle " + handle);
        }
        return value;
    }

    /** A snapshot of the entries, for a layer that must visit every open file. */
    public synchronized List<T> values() {
        return List.copyOf(entries.values());
    }

    public synchronized int size() {
        return entries.size();
    }
}
