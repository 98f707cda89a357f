package io.bramble.fs.disperse;

import java.nio.ByteBuffer;

/**
 * What a fragment file says of the file it is a fragment of, kept in its xattr
 * {@value #XATTR}: the file's version (how many data changes, writes and truncates, this
 * fragment took) and the file's size in bytes (the fragment file's own length is
 * {@link StripeLayout#fragmentSize} of it, whole stripes). Gluster keeps the same two facts
 * in {@code trusted.ec.version} and {@code trusted.ec.size}; bramble keeps them in one value
 * so that a brick takes both or neither. A fragment file without the xattr (just created) is
 * at version 0 and size 0.
 *
 * <p>A fragment that missed a change keeps its older version, so the fragments in step are the
 * ones at the newest version ({@link Freshness}); a version is never lowered except by a heal,
 * which sets a stale fragment to the state of the fragments it was rebuilt from.
 */
record FragmentState(long version, long sizeBytes) {
    /** The xattr of every fragment file of a regular file in a disperse set. */
    static final String XATTR = "trusted.bramble.ec";
    /** The version and the size, each 8 bytes big-endian. */
    static final int BYTES = 16;
    /** A fragment file that has taken no data change yet. */
    static final FragmentState EMPTY = new FragmentState(0, 0);

    FragmentState {
        if (version < 0 || sizeBytes < 0) {
            throw new IllegalArgumentException("not a fragment state: version " + version
                    + ", size " + sizeBytes);
        }
    }

    /** The state of a fragment that took one more change, leaving the file {@code size}. */
    FragmentState next(long size) {
        return new FragmentState(version + 1, size);
    }

    byte[] bytes() {
        return ByteBuffer.allocate(BYTES).putLong(version).putLong(sizeBytes).array();
    }

    /** The state in an xattr's value; null when the value is not one (a damaged fragment). */
    static FragmentState parse(byte[] value) {
        if (value == null) {
            return EMPTY;
        }
        if (value.length != BYTES) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        long version = buffer.getLong();
        long size = buffer.getLong();
        return version < 0 || size < 0 ? null : new FragmentState(version, size);
    }
}
