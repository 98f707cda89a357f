package io.bramble.fs.volume.rebalance;

import java.util.concurrent.atomic.AtomicLong;

/** What one rebalance run did so far: directories spread, and failures. Thread-safe. */
public final class RebalanceProgress {
    private final AtomicLong scanned = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    void scanned() {
        scanned.incrementAndGet();
    }

    void failed() {
        failures.incrementAndGet();
    }

    public long scannedCount() {
        return scanned.get();
    }

    public long failureCount() {
        return failures.get();
    }
}
