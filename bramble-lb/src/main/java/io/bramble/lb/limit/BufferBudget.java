package io.bramble.lb.limit;

import io.bramble.common.check.Checks;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes the whole process holds in output buffers for peers that read slower than the
 * other side sends, against one bound. Each connection's own backpressure keeps its share
 * small; this bounds the sum over thousands of connections, so slow readers cannot exhaust
 * memory. A connection holding more than {@link #FAIR_SHARE_BYTES} when the bound is reached
 * is the one refused. Thread-safe.
 */
public final class BufferBudget {
    /** Default bound on buffered output bytes for the whole process. */
    public static final long BYTES_MAX_DEFAULT = 256L * 1024 * 1024;
    /**
     * What a connection may always hold, budget or not: above Netty's default high water mark
     * (64 KiB) plus one read, so ordinary traffic never trips the bound.
     */
    public static final long FAIR_SHARE_BYTES = 256 * 1024;

    private final long bytesMax;
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();

    /** The default bound, or half the direct memory the JVM may use when that is less. */
    public static long processBytesMax(long directMemoryBytes) {
        long half = directMemoryBytes / 2;
        return half > FAIR_SHARE_BYTES * 4 ? Math.min(BYTES_MAX_DEFAULT, half) : BYTES_MAX_DEFAULT;
    }

    public BufferBudget(long bytesMax) {
        Checks.argument(bytesMax > FAIR_SHARE_BYTES, "the budget must exceed one fair share");
        this.bytesMax = bytesMax;
    }

    /**
     * Takes {@code bytes} for a connection already holding {@code connectionBytes}; false
     * (nothing taken) when the process is over its bound and this connection holds more than
     * its fair share.
     */
    public boolean tryTake(long bytes, long connectionBytes) {
        long after = held.addAndGet(bytes);
        if (after > bytesMax && connectionBytes + bytes > FAIR_SHARE_BYTES) {
            held.addAndGet(-bytes);
            refusals.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Gives back bytes taken with {@link #tryTake}. */
    public void give(long bytes) {
        long after = held.addAndGet(-bytes);
        Checks.invariant(after >= 0, "gave back more buffer bytes than taken");
    }

    public long heldBytes() {
        return held.get();
    }

    public long bytesMax() {
        return bytesMax;
    }

    /** Connections cut because the process was over its bound. */
    public long refusals() {
        return refusals.get();
    }
}
