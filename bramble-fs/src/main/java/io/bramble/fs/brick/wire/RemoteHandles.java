package io.bramble.fs.brick.wire;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The files a client opened, by the handles it gave its caller. Each remembers the connection
 * it was opened on (by its epoch): the server closed it when that connection dropped, so after
 * a reconnection it is stale (ESTALE), never silently opened again on the new connection.
 */
final class RemoteHandles {
    /** A file open on the server: the server's handle, on connection {@code epoch}. */
    record Remote(long epoch, long serverHandle) {}

    private final Map<Long, Remote> open = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong(1);

    long add(long epoch, long serverHandle) {
        long handle = next.getAndIncrement();
        open.put(handle, new Remote(epoch, serverHandle));
        return handle;
    }

    /** The server handle of {@code handle}, for a call on connection {@code epoch}. */
    long serverHandle(long handle, long epoch) throws FsException {
        Remote remote = open.get(handle);
        if (remote == null) {
            throw new FsException(Errno.EBADF, "handle " + handle);
        }
        if (remote.epoch() != epoch) {
            throw new FsException(Errno.ESTALE, "handle " + handle + " was opened on a"
                    + " connection that has since dropped");
        }
        return remote.serverHandle();
    }

    /** Forgets {@code handle}; null when it is unknown. */
    Remote remove(long handle) {
        return open.remove(handle);
    }

    void clear() {
        open.clear();
    }
}
