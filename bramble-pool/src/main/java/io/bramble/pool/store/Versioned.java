package io.bramble.pool.store;

/**
 * A record as stored: its key, its version (1 when created, one more at each change) and its
 * value.
 */
public record Versioned<T>(String key, long version, T value) {}
