package io.bramble.fs.replicate;

import io.bramble.fs.ops.FsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the {@link StaleRecorder} and remembers what it recorded, so that a copy that stays
 * down costs one call to the store, not one per write. The memory of a copy is dropped when
 * it comes back, so its next absence is recorded again.
 */
final class TieBreaker {
    private static final Logger LOG = LoggerFactory.getLogger(TieBreaker.class);

    private final StaleRecorder recorder;
    private ChildSet recorded = ChildSet.NONE;

    TieBreaker(StaleRecorder recorder) {
        this.recorder = recorder;
    }

    /** Whether {@code staleChild} is recorded as stale now. */
    boolean record(int staleChild) {
        synchronized (this) {
            if (recorded.contains(staleChild)) {
                return true;
            }
        }
        try {
            recorder.recordStale(staleChild);
        } catch (FsException e) {
            LOG.warn("the tie-breaker did not record copy {} as stale: {}", staleChild,
                    e.getMessage());
            return false;
        }
        synchronized (this) {
            recorded = recorded.with(staleChild);
        }
        return true;
    }

    /** Whether {@code child} must not be read alone; a store that does not answer says so. */
    boolean isStale(int child) {
        try {
            return recorder.isRecordedStale(child);
        } catch (FsException e) {
            LOG.warn("the tie-breaker could not say whether copy {} is stale: {}", child,
                    e.getMessage());
            return true;
        }
    }

    synchronized void forget(int child) {
        recorded = recorded.without(child);
    }
}
