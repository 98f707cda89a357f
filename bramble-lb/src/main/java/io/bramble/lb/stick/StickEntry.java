package io.bramble.lb.stick;

import io.bramble.lb.config.StickDataType;

/**
 * One key's data in a {@link StickTable}. Its fields are guarded by the table's lock: only the
 * table reads or changes them.
 */
final class StickEntry {
    final String key;
    /** Counters and tags by {@link StickDataType#ordinal()}; unused slots stay 0. */
    final long[] counts = new long[StickDataType.values().length];
    /** Rates by {@link StickDataType#ordinal()}; null for types not stored or not rates. */
    final FreqCounter[] rates = new FreqCounter[StickDataType.values().length];
    /** Counters tracking it now: it is never dropped while some are. */
    int references;
    /** When it expires if untouched, in the table clock's milliseconds. */
    long expiresAtMs;

    StickEntry(String key) {
        this.key = key;
    }
}
