package io.bramble.fs.replicate;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;

/**
 * The tie-breaker as the pool's store will keep it, in memory: a copy recorded stale stays so
 * (there is no self-heal to clear it), and recording a copy fails while another is recorded.
 */
public final class MemoryStaleRecorder implements StaleRecorder {
    private ChildSet stale = ChildSet.NONE;
    private boolean reachable = true;
    private int recordCalls;

    @Override
    public synchronized void recordStale(int staleChild) throws FsException {
        recordCalls++;
        if (!reachable) {
            throw new FsException(Errno.ENOTCONN, "store unreachable");
        }
        if (!stale.without(staleChild).isEmpty()) {
            throw new FsException(Errno.EROFS, "copy " + stale + " is recorded stale");
        }
        stale = stale.with(staleChild);
    }

    @Override
    public synchronized boolean isRecordedStale(int child) throws FsException {
        if (!reachable) {
            throw new FsException(Errno.ENOTCONN, "store unreachable");
        }
        return stale.contains(child);
    }

    public synchronized void reachable(boolean isReachable) {
        reachable = isReachable;
    }

    public synchronized ChildSet stale() {
        return stale;
    }

    public synchronized int recordCalls() {
        return recordCalls;
    }
}
