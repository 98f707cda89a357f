package io.bramble.fs.replicate;

import io.bramble.common.time.Clock;
import io.bramble.fs.ops.FsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the {@link StaleRecorder} and remembers what it recorded for
 * {@link StaleRecorder#TRUSTED_MS}, counted from before it asked, so that a copy that stays
 * down costs one call to the store a second, not one per write. Self-heal may take the record
 * back once the copy is healed, so what is remembered must not outlive that window: past it,
 * the next change that goes to one copy alone asks (and confirms the record) again. The
 * memory of a copy is also dropped when it comes back, so its next absence is recorded again.
 */
final class TieBreaker {
    private static final Logger LOG = LoggerFactory.getLogger(TieBreaker.class);
    private static final long TRUSTED_NS = StaleRecorder.TRUSTED_MS * 1_000_000L;

    private final StaleRecorder recorder;
    private final Clock clock;
    /** By child: when the record that child is stale was last made or confirmed. */
    private final long[] confirmedAtNs = new long[ChildSet.CHILDREN_MAX];
    private ChildSet recorded = ChildSet.NONE;

    TieBreaker(StaleRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    /** Whether {@code staleChild} is recorded as stale now. */
    boolean record(int staleChild) {
        long askedAtNs = clock.nanoTime();
        synchronized (this) {
            if (recorded.contains(staleChild)
                    && askedAtNs - confirmedAtNs[staleChild] < TRUSTED_NS) {
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
            confirmedAtNs[staleChild] = askedAtNs;
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
