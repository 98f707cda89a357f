package io.bramble.fs.volume;

import io.bramble.fs.replicate.StaleRecorder;
import io.bramble.pool.store.RecordCodec;
import io.bramble.pool.store.RecordType;
import io.bramble.pool.wire.MalformedFrameException;

/**
 * The tie-breaker of replica-2 sets, kept in the pool's store: for a replica set that took
 * changes on one copy alone, which copy missed them. The key is {@code VOLUME/SET}; the
 * value the stale copy's index in its set. A record stays until self-heal has brought the
 * copy up to date; while it stands, that copy is never read alone and never written alone.
 *
 * <p>A client that records a copy (or confirms the record, which moves its version on) acts
 * on it for {@link StaleRecorder#TRUSTED_MS} without asking again. Self-heal therefore takes
 * a record back only once the set was found healed with the record at one version, and found
 * so again, the version unchanged, {@link #RELEASE_WAIT_MS} later: by then no client acts on
 * what it learnt before the first look, and any client that wrote alone since left a mark the
 * second look sees, or moved the version on.
 */
public final class StaleCopies {
    /**
     * What {@code volume stale-copy} says when it refuses a record because the other copy is
     * recorded: any member would refuse it, so a client asks no further.
     */
    public static final String OTHER_RECORDED = "is recorded as stale already";
    /**
     * How long a record must stand unchanged, the set healed, before self-heal takes it back:
     * twice what clients trust a record for, for clocks that run at different rates and
     * clients that pause between asking and writing.
     */
    public static final long RELEASE_WAIT_MS = 2 * StaleRecorder.TRUSTED_MS + 1_000;
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
