package io.bramble.fs.replicate;

import java.nio.ByteBuffer;

/**
 * The value of {@code trusted.bramble.version} on one copy of a file: how many changes this
 * copy took that another copy missed (MooseFS's chunk versions, counted where they matter).
 * Copies in step have equal versions; the copy with the highest counts holds the most, which
 * self-heal reads as a check on the pending markers. Entry changes of a directory count as
 * its data.
 *
 * <p>Format: 16 bytes, two big-endian signed 64-bit counters, data then metadata.
 */
public record FileVersion(long data, long metadata) {
    public static final String NAME = "trusted.bramble.version";
    public static final int VALUE_BYTES = 16;
    public static final FileVersion ZERO = new FileVersion(0, 0);

    public FileVersion {
        if (data < 0 || metadata < 0) {
            throw new IllegalArgumentException("negative version");
        }
    }

    public FileVersion plus(ChangeKind kind) {
        return kind == ChangeKind.METADATA
                ? new FileVersion(data, Math.addExact(metadata, 1))
                : new FileVersion(Math.addExact(data, 1), metadata);
    }

    /** One change fewer (a change that was taken back); not below 0. */
    public FileVersion minus(ChangeKind kind) {
        return kind == ChangeKind.METADATA
                ? new FileVersion(data, Math.max(0, metadata - 1))
                : new FileVersion(Math.max(0, data - 1), metadata);
    }

    public byte[] encode() {
        return ByteBuffer.allocate(VALUE_BYTES).putLong(data).putLong(metadata).array();
    }

    public static FileVersion decode(byte[] value) {
        if (value.length != VALUE_BYTES) {
            throw new IllegalArgumentException("version of " + value.length + " bytes, not "
                    + VALUE_BYTES);
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        return new FileVersion(buffer.getLong(), buffer.getLong());
    }
}
