package io.bramble.fs.replicate;

import java.nio.ByteBuffer;

/**
 * The value of {@code trusted.bramble.pending.<i>} on one copy of a file: how many changes of
 * each kind child {@code i} of the replica set missed that this copy took. Any non-zero
 * counter blames child i. Bricks index the files that carry a non-zero marker, which is what
 * self-heal walks.
 *
 * <p>Format: 24 bytes, three big-endian signed 64-bit counters, data then metadata then
 * entry; all zero bytes means nothing pending. {@code <i>} is the child's index in the replica
 * set in decimal, without leading zeros.
 */
public record PendingCounters(long data, long metadata, long entry) {
    public static final String PREFIX = "trusted.bramble.pending.";
    public static final int VALUE_BYTES = 24;
    public static final PendingCounters ZERO = new PendingCounters(0, 0, 0);

    public PendingCounters {
        if (data < 0 || metadata < 0 || entry < 0) {
            throw new IllegalArgumentException("negative pending counter");
        }
    }

    /** The xattr name of the marker blaming child {@code child}. */
    public static String name(int child) {
        return PREFIX + child;
    }

    /** The child a marker name blames, or -1 when {@code name} is not a marker's name. */
    public static int childOf(String name) {
        if (!name.startsWith(PREFIX)) {
            return -1;
        }
        String digits = name.substring(PREFIX.length());
        if (!digits.matches("0|[1-9][0-9]?")) {
            return -1;
        }
        int child = Integer.parseInt(digits);
        return child < ChildSet.CHILDREN_MAX ? child : -1;
    }

    public boolean isZero() { return data == 0 && metadata == 0 && entry == 0; }

    /** One more missed change of {@code kind}. */
    public PendingCounters plus(ChangeKind kind) {
        return switch (kind) {
            case DATA -> new PendingCounters(Math.addExact(data, 1), metadata, entry);
            case METADATA -> new PendingCounters(data, Math.addExact(metadata, 1), entry);
            case ENTRY -> new PendingCounters(data, metadata, Math.addExact(entry, 1));
        };
    }

    /** One missed change of {@code kind} fewer (a change that was taken back); not below 0. */
    public PendingCounters minus(ChangeKind kind) {
        return switch (kind) {
            case DATA -> new PendingCounters(Math.max(0, data - 1), metadata, entry);
            case METADATA -> new PendingCounters(data, Math.max(0, metadata - 1), entry);
            case ENTRY -> new PendingCounters(data, metadata, Math.max(0, entry - 1));
        };
    }

    public byte[] encode() {
        return ByteBuffer.allocate(VALUE_BYTES).putLong(data).putLong(metadata).putLong(entry)
                .array();
    }

    /** Parses a value; fails on a length or counter no writer produces. */
    public static PendingCounters decode(byte[] value) {
        if (value.length != VALUE_BYTES) {
            throw new IllegalArgumentException("pending marker of " + value.length
                    + " bytes, not " + VALUE_BYTES);
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        return new PendingCounters(buffer.getLong(), buffer.getLong(), buffer.getLong());
    }

    /**
     * The children that a copy's xattrs named {@link #PREFIX} blame, among the first
     * {@code replicaCount}. A counter that cannot be read blames its child: doubt keeps reads
     * away from a copy, never towards it.
     */
    public static ChildSet blamed(java.util.Map<String, byte[]> xattrs, int replicaCount) {
        ChildSet blamed = ChildSet.NONE;
        for (java.util.Map.Entry<String, byte[]> xattr : xattrs.entrySet()) {
            int child = childOf(xattr.getKey());
            if (child < 0 || child >= replicaCount) {
                continue;
            }
            try {
                if (!decode(xattr.getValue()).isZero()) {
                    blamed = blamed.with(child);
                }
            } catch (IllegalArgumentException e) {
                blamed = blamed.with(child);
            }
        }
        return blamed;
    }
}
