package io.bramble.fs.volume;

import io.bramble.pool.store.RecordCodec;
import io.bramble.pool.store.RecordType;
import io.bramble.pool.wire.MalformedFrameException;

/**
 * The tie-breaker of replica-2 sets, kept in the pool's store: for a replica set that took
 * changes on one copy alone, which copy missed them. The key is {@code VOLUME/SET}; the
 * value the stale copy's index in its set. A record stays until self-heal has brought the
 * copy up to date; while it stands, that copy is never read alone and never written alone.
 */
public final class StaleCopies {
    /**
     * What {@code volume stale-copy} says when it refuses a record because the other copy is
     * recorded: any member would refuse it, so a client asks no further.
     */
    public static final String OTHER_RECORDED = "is recorded as stale already";
    /** Copies in a set fit in one byte; a replica set has at most three. */
    private static final int COPY_INDEX_MAX = 15;

    public static final RecordType<Integer> TYPE = new RecordType<>("fs.stale-copy",
            new RecordCodec<>() {
                @Override
                public byte[] encode(Integer copy) {
                    return new byte[]{copy.byteValue()};
                }

                @Override
                public Integer decode(byte[] bytes) throws MalformedFrameException {
                    if (bytes.length != 1 || bytes[0] < 0 || bytes[0] > COPY_INDEX_MAX) {
                        throw new MalformedFrameException("a stale copy record is one index");
                    }
                    return (int) bytes[0];
                }
            });

    private StaleCopies() {
    }

    /** The record key of replica set {@code set} of {@code volume}. */
    public static String key(String volume, int set) {
        return volume + "/" + set;
    }
}
