package io.bramble.pool.store;

import io.bramble.pool.store.StoreCommand.Delete;
import io.bramble.pool.store.StoreCommand.Put;
import io.bramble.pool.store.StoreResult.Applied;
import io.bramble.pool.store.StoreResult.Conflict;
import io.bramble.pool.store.StoreResult.Refused;
import io.bramble.pool.wire.MalformedFrameException;
import io.bramble.pool.wire.WireReader;
import io.bramble.pool.wire.WireWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The store's contents and the rules for changing them: every replica applies the same
 * commands in the same order and so holds the same records. Pure and deterministic; the
 * Ratis state machine around it adds locking and snapshots.
 *
 * <p>A witness keeps the values of the pool's own types only ({@link RecordType#isPoolType});
 * of other records it keeps the key and version, not the value, so that it answers every
 * change exactly as the members with data do, whichever of them leads.
 */
public final class StoreState {
    /** Records per type at most: a bound on memory, far above what a pool configures. */
    public static final int RECORDS_PER_TYPE_MAX = 100_000;
    /** Types at most. */
    public static final int TYPES_MAX = 256;

    /** One stored record: its version and raw value. */
    public record Entry(long version, byte[] value) {}

    private final boolean witness;
    private final Map<String, TreeMap<String, Entry>> types = new TreeMap<>();

    public StoreState(boolean witness) {
        this.witness = witness;
    }

    private static final byte[] NO_VALUE = new byte[0];

    public StoreResult apply(StoreCommand command) {
        TreeMap<String, Entry> records = types.get(command.type());
        Entry current = records == null ? null : records.get(command.key());
        long actual = current == null ? 0 : current.version();
        long expected = command.expectedVersion();
        if (expected != ClusterStore.ANY && expected != actual) {
            return new Conflict(actual);
        }
        return switch (command) {
            case Put put -> put(put, records, actual);
            case Delete delete -> {
                if (records != null) {
                    records.remove(delete.key());
                    if (records.isEmpty()) {
                        types.remove(delete.type());
                    }
                }
                yield new Applied(0);
            }
        };
    }

    private StoreResult put(Put put, TreeMap<String, Entry> records, long actual) {
        if (records == null) {
            if (types.size() >= TYPES_MAX) {
                return new Refused("the store holds at most " + TYPES_MAX + " record types");
            }
            records = new TreeMap<>();
            types.put(put.type(), records);
        } else if (actual == 0 && records.size() >= RECORDS_PER_TYPE_MAX) {
            return new Refused("the store holds at most " + RECORDS_PER_TYPE_MAX
                    + " records of type " + put.type());
        }
        long version = actual + 1;
        byte[] value = witness && !RecordType.isPoolType(put.type())
                ? NO_VALUE
                : put.value().clone();
        records.put(put.key(), new Entry(version, value));
        return new Applied(version);
    }

    /** A record; on a witness, records of other than the pool's types have empty values. */
    public Optional<Entry> get(String type, String key) {
        TreeMap<String, Entry> records = types.get(type);
        return Optional.ofNullable(records == null ? null : records.get(key));
    }

    /** The records of {@code type} by key. */
    public List<Map.Entry<String, Entry>> list(String type) {
        TreeMap<String, Entry> records = types.get(type);
        return records == null ? List.of() : new ArrayList<>(records.entrySet());
    }

    /** The whole state as bytes, for a snapshot. */
    public byte[] toBytes() {
        WireWriter out = new WireWriter().i32(types.size());
        types.forEach((type, records) -> {
            out.string(type).i32(records.size());
            records.forEach((key, entry) -> out.string(key).i64(entry.version())
                    .bytes(entry.value()));
        });
        return out.toByteArray();
    }

    /** A state read back from {@link #toBytes()}. */
    public static StoreState fromBytes(byte[] bytes, boolean witness)
            throws MalformedFrameException {
        StoreState state = new StoreState(witness);
        WireReader in = new WireReader(bytes);
        int typeCount = in.count(TYPES_MAX);
        for (int t = 0; t < typeCount; t++) {
            String type = in.string(StoreCommand.KEY_BYTES_MAX);
            int recordCount = in.count(RECORDS_PER_TYPE_MAX);
            TreeMap<String, Entry> records = new TreeMap<>();
            for (int r = 0; r < recordCount; r++) {
                String key = in.string(StoreCommand.KEY_BYTES_MAX);
                long version = in.i64();
                records.put(key, new Entry(version, in.bytes(StoreCommand.VALUE_BYTES_MAX)));
            }
            state.types.put(type, records);
        }
        in.end();
        return state;
    }
}
