package io.bramble.fs.brick.profile;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code volume top} shows of one brick: per {@link TopKind} its most called files
 * ({@link TopCounts}, bounded), and its open files now and at most. Counted whether or not
 * the volume is profiled, as Gluster does, since {@code volume top} needs no start.
 */
public final class BrickTop {
    private final Map<TopKind, TopCounts> counts = new EnumMap<>(TopKind.class);
    private long open;
    private long openMax;
    private long openMaxAtEpochMs;

    public BrickTop() {
        for (TopKind kind : TopKind.values()) {
            counts.put(kind, new TopCounts());
        }
    }

    public synchronized void called(TopKind kind, String path) {
        counts.get(kind).called(path);
    }

    /** A file was opened (or created open) at {@code epochMs}. */
    public synchronized void opened(long epochMs) {
        open++;
        if (open > openMax) {
            openMax = open;
            openMaxAtEpochMs = epochMs;
        }
    }

    public synchronized void released() {
        open = Math.max(0, open - 1);
    }

    public synchronized List<TopEntry> top(TopKind kind, int shownMax) {
        return counts.get(kind).top(shownMax);
    }

    public synchronized OpenFiles openFiles() {
        return new OpenFiles(open, openMax, openMaxAtEpochMs);
    }

    /**
     * {@code volume top NAME clear}: every ranking starts again, and the most files open at
     * once is the number open now.
     */
    public synchronized void clear(long epochMs) {
        counts.values().forEach(TopCounts::clear);
        openMax = open;
        openMaxAtEpochMs = epochMs;
    }
}
