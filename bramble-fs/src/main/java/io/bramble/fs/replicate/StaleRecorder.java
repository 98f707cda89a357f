package io.bramble.fs.replicate;

import io.bramble.fs.ops.FsException;

/**
 * The tie-breaker of a replica-2 set (Gluster's thin-arbiter idea, kept in the pool's store):
 * before a change goes to one copy alone, the store records the other copy as stale, and it
 * refuses when it already records the surviving copy as stale (another client wrote the other
 * side alone), which is how two clients that each see a different copy never both write. A
 * record stays until self-heal clears it. Recording a copy recorded already confirms the
 * record in the store (it moves the record's version on), which is what lets a client rely on
 * it for {@link #TRUSTED_MS}.
 */
public interface StaleRecorder {
    /**
     * How long a client acts on a record it has just made (or confirmed) without asking
     * again, counted from before it asked. Self-heal takes a record back only after it stood
     * unchanged for longer ({@link io.bramble.fs.volume.StaleCopies#RELEASE_WAIT_MS}).
     */
    long TRUSTED_MS = 1_000;

    /**
     * Records that child {@code staleChild} misses changes the other copy takes alone. Fails
     * when the store refuses or cannot be reached; the change is then not acknowledged.
     */
    void recordStale(int staleChild) throws FsException;

    /** Whether the store records {@code child} as stale: such a copy is never read alone. */
    boolean isRecordedStale(int child) throws FsException;

    /**
     * Records nothing and knows of nothing: a replica-2 set then lets one copy take changes
     * and answer reads alone, as Gluster's replica 2 without an arbiter does.
     */
    StaleRecorder NONE = new StaleRecorder() {
        @Override
        public void recordStale(int staleChild) {
        }

        @Override
        public boolean isRecordedStale(int child) {
            return false;
        }
    };
}
