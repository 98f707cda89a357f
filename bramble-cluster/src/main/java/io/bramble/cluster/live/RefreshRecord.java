package io.bramble.cluster.live;

import io.bramble.pool.store.RecordCodec;
import io.bramble.pool.store.RecordType;
import io.bramble.pool.wire.MalformedFrameException;
import io.bramble.pool.wire.WireReader;
import io.bramble.pool.wire.WireWriter;
import java.util.Optional;

/**
 * The last {@code pcs resource refresh|cleanup} asked for, kept in the pool's store for the
 * coordinator, wherever it runs: the coordinator acts on each new {@code seq} once (forgets the
 * fail counts and probes again), as Pacemaker's controller acts on crm_resource's request.
 *
 * @param seq grows by one with each request
 * @param resource the resource (a primitive or a group); empty for every resource
 * @param node the node; empty for every node
 */
public record RefreshRecord(long seq, Optional<String> resource, Optional<String> node) {
    public static final RecordType<RefreshRecord> TYPE = new RecordType<>("cluster.refresh",
            new Codec());
    public static final String KEY = "refresh";
    static final int FORMAT = 1;
    /** Longest resource or node name kept. */
    static final int NAME_BYTES_MAX = 1_024;

    private static final class Codec implements RecordCodec<RefreshRecord> {
        @Override
        public byte[] encode(RefreshRecord value) {
            return new WireWriter().u8(FORMAT).i64(value.seq()).string(value.resource().orElse(
                    "")).string(value.node().orElse("")).toByteArray();
        }

        @Override
        public RefreshRecord decode(byte[] bytes) throws MalformedFrameException {
            WireReader in = RecordFormat.open(bytes, FORMAT, "refresh request");
            long seq = in.i64();
            String resource = in.string(NAME_BYTES_MAX);
            String node = in.string(NAME_BYTES_MAX);
            in.end();
            return new RefreshRecord(seq, Optional.of(resource).filter(r -> !r.isEmpty()),
                    Optional.of(node).filter(n -> !n.isEmpty()));
        }
    }
}
