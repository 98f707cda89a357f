package io.bramble.fs.brick.wire;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The handles one connection opened. A connection may use only its own (another's number is
 * EBADF, as if it did not exist), and when it closes the server releases what it left open.
 */
final class SessionHandles {
    private final Set<Long> open = ConcurrentHashMap.newKeySet();

    void add(long handle) {
        open.add(handle);
    }

    void check(long handle) throws FsException {
        if (!open.contains(handle)) {
            throw new FsException(Errno.EBADF, "handle " + handle);
        }
    }

    /** Forgets {@code handle}; false when this connection does not hold it. */
    boolean remove(long handle) {
        return open.remove(handle);
    }

    /** Forgets and returns every handle still held. */
    List<Long> drain() {
        List<Long> left = new ArrayList<>();
        for (Long handle : List.copyOf(open)) {
            if (open.remove(handle)) {
                left.add(handle);
            }
        }
        return left;
    }
}
