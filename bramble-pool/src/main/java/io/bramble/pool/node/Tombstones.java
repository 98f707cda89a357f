package io.bramble.pool.node;

import io.bramble.pool.store.RecordCodec;
import io.bramble.pool.store.RecordType;
import io.bramble.pool.wire.MalformedFrameException;
import io.bramble.pool.wire.WireReader;
import io.bramble.pool.wire.WireWriter;

/**
 * The members detached from the pool, by UUID, with the time (wall clock) they were. A node
 * detached while it was down calls again when it returns; the member it calls finds it here
 * and tells it to forget the pool. Probing it again removes its entry.
 */
final class Tombstones {
    static final RecordType<Long> TYPE = new RecordType<>("pool.detached",
            new RecordCodec<>() {
                @Override
                public byte[] encode(Long detachedMillis) {
                    return new WireWriter().i64(detachedMillis).toByteArray();
                }

                @Override
                public Long decode(byte[] bytes) throws MalformedFrameException {
                    WireReader in = new WireReader(bytes);
                    long millis = in.i64();
                    in.end();
                    return millis;
                }
            });

    private Tombstones() {
    }
}
