package io.bramble.fs.volume.rebalance;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What one rebalance run did so far: folders and files looked at, files moved and their
 * bytes, files skipped, and failures. Thread-safe.
 */
public final class RebalanceProgress {
    private final AtomicLong scanned = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong moved = new AtomicLong();
    private final AtomicLong movedBytes = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    void scanned() {
        scanned.incrementAndGet();
    }

    void failed() {
        failures.incrementAndGet();
    }

    void moved(long bytes) {
        moved.incrementAndGet();
        movedBytes.addAndGet(bytes);
    }

    void skipped() {
        skipped.incrementAndGet();
    }

    public long scannedCount() {
        return scanned.get();
    }

    public long failureCount() {
        return failures.get();
    }

    public long movedCount() {
        return moved.get();
    }

    public long movedBytes() {
        return movedBytes.get();
    }

    public long skippedCount() {
        return skipped.get();
    }
}
