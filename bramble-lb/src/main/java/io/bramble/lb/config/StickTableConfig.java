package io.bramble.lb.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code stick-table} line: the table of its proxy, named after it.
 *
 * @param name the proxy's name, which {@code table NAME} arguments use
 * @param keyType what the keys are
 * @param keyLength for {@link KeyType#STRING}, the characters kept of a key
 * @param size entries held at most
 * @param expireMs an entry left untouched this long is dropped; never when empty
 * @param noPurge {@code nopurge}: a full table takes no new entry rather than drop old ones
 * @param stored the data stored, each rate with its period in milliseconds (0 for the others)
 * @param location where it was written
 */
public record StickTableConfig(String name, KeyType keyType, int keyLength, long size,
        Optional<Long> expireMs, boolean noPurge, Map<StickDataType, Long> stored,
        ConfigLocation location) {
    /** Most entries one table may hold. */
    public static final long SIZE_MAX = 16L << 20;
    /** HAProxy's key length for string tables when {@code len} is not written. */
    public static final int STRING_LENGTH_DEFAULT = 32;
    /** Longest string key a table may keep. */
    public static final int STRING_LENGTH_MAX = 4_096;

    /** What a table's keys are. */
    public enum KeyType {
        /** An IPv4 address; an IPv6 one is kept only when it maps an IPv4 one. */
        IP,
        /** An IPv6 address; an IPv4 one is kept mapped ({@code ::ffff:a.b.c.d}). */
        IPV6,
        /** A 32-bit integer. */
        INTEGER,
        /** A string, cut at {@code len} characters. */
        STRING
    }

    public StickTableConfig {
        stored = Map.copyOf(stored);
        if (size < 1 || size > SIZE_MAX) {
            throw new IllegalArgumentException("size must be 1 to " + SIZE_MAX + ", got " + size);
        }
    }

    /** It stores {@code type}. */
    public boolean stores(StickDataType type) {
        return stored.containsKey(type);
    }

    /** The period of a stored rate, in milliseconds. */
    public long periodMs(StickDataType type) {
        return stored.getOrDefault(type, 0L);
    }

    /** The stored types, in the enum's order, for messages. */
    public List<StickDataType> storedTypes() {
        return java.util.Arrays.stream(StickDataType.values()).filter(this::stores).toList();
    }
}
