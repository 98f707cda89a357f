package io.bramble.vrrp.wire;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** How many received packets were dropped, per reason. Safe to use from any thread. */
public final class DropCounters {
    private final Map<DropReason, LongAdder> counts = new EnumMap<>(DropReason.class);

    public DropCounters() {
        for (DropReason reason : DropReason.values()) {
            counts.put(reason, new LongAdder());
        }
    }

    public void add(DropReason reason) {
        counts.get(reason).increment();
    }

    public long count(DropReason reason) {
        return counts.get(reason).sum();
    }

    public long total() {
        long total = 0;
        for (LongAdder count : counts.values()) {
            total += count.sum();
        }
        return total;
    }

    /** The non-zero counters, in reason order. */
    public Map<DropReason, Long> snapshot() {
        Map<DropReason, Long> snapshot = new EnumMap<>(DropReason.class);
        counts.forEach((reason, count) -> {
            if (count.sum() > 0) {
                snapshot.put(reason, count.sum());
            }
        });
        return snapshot;
    }
}
