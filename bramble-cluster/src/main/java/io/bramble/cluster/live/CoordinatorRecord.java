package io.bramble.cluster.live;

import io.bramble.pool.store.RecordCodec;
import io.bramble.pool.store.RecordType;
import io.bramble.pool.wire.MalformedFrameException;
import io.bramble.pool.wire.WireReader;
import io.bramble.pool.wire.WireWriter;
import java.util.UUID;

/**
 * Who coordinates the cluster, in which epoch: a member that takes over raises the epoch by a
 * conditional update of this record, so two coordinators never share one, and every member
 * reads here where to send its lease requests and reports.
 *
 * @param epoch raised by one at each takeover
 * @param member the pool member that coordinates
 */
public record CoordinatorRecord(long epoch, UUID member) {
    /** The store's record type. */
    public static final RecordType<CoordinatorRecord> TYPE = new RecordType<>(
            "cluster.coordinator", new Codec());
    /** The one key. */
    public static final String KEY = "coordinator";
    private static final int FORMAT = 1;

    private static final class Codec implements RecordCodec<CoordinatorRecord> {
        @Override
        public byte[] encode(CoordinatorRecord value) {
            return new WireWriter().u8(FORMAT).i64(value.epoch()).uuid(value.member())
                    .toByteArray();
        }

        @Override
        public CoordinatorRecord decode(byte[] bytes) throws MalformedFrameException {
            WireReader in = RecordFormat.open(bytes, FORMAT, "coordinator");
            CoordinatorRecord record = new CoordinatorRecord(in.i64(), in.uuid());
            in.end();
            return record;
        }
    }
}
