package io.bramble.fs.volume.heal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a node's heal worker did since the node started, for its metrics: passes run, and per
 * volume the files healed and bytes copied. One entry per volume this node healed files of,
 * bounded by the pool's volumes; the worker adds, scrapes read.
 */
public final class HealTotals {
    private final AtomicLong passes = new AtomicLong();

    /** Files healed and bytes copied for one volume. */
    public record Healed(long files, long bytes) {}

    private record Counts(LongAdder files, LongAdder bytes) {}

    private final Map<String, Counts> counts = new ConcurrentHashMap<>();

    void passed() {
        passes.incrementAndGet();
    }

    void healed(String volume, long files, long bytes) {
        if (files <= 0 && bytes <= 0) {
            return;
        }
        Counts c = counts.computeIfAbsent(volume, v -> new Counts(new LongAdder(),
                new LongAdder()));
        c.files.add(Math.max(0, files));
        c.bytes.add(Math.max(0, bytes));
    }

    public long passes() {
        return passes.get();
    }

    /** What was healed of {@code volume}: zeros when nothing yet. */
    public Healed of(String volume) {
        Counts c = counts.get(volume);
        return c == null ? new Healed(0, 0) : new Healed(c.files.sum(), c.bytes.sum());
    }
}
