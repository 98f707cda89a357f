package io.bramble.fs.heal;

import java.util.concurrent.atomic.AtomicLong;

/** What the heals of one node have done so far: files healed, bytes copied. Thread-safe. */
public final class HealProgress {
    private final AtomicLong filesHealed = new AtomicLong();
    private final AtomicLong bytesCopied = new AtomicLong();

    /** Counts {@code bytes} copied (or, healing a disperse set, rebuilt) to a copy. */
    public void copied(long bytes) {
        bytesCopied.addAndGet(bytes);
    }

    /** Counts a file healed. */
    public void healed() {
        filesHealed.incrementAndGet();
    }

    public long filesHealed() {
        return filesHealed.get();
    }

    public long bytesCopied() {
        return bytesCopied.get();
    }
}
