package io.bramble.lvs.schedule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map in order of last use that drops its least recently used entry past
 * {@code entriesMax}: the bounded tables of {@code lblc} and {@code lblcr}.
 */
final class RecentEntries<K, V> extends LinkedHashMap<K, V> {
    private final int entriesMax;

    RecentEntries(int entriesMax) {
        super(16, 0.75f, true);
        this.entriesMax = entriesMax;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > entriesMax;
    }
}
