package io.bramble.pool.store;

import io.bramble.common.check.Checks;
import io.bramble.pool.wire.MalformedFrameException;
import io.bramble.pool.wire.WireReader;
import io.bramble.pool.wire.WireWriter;

/** A change to the store as it travels through the Raft log. */
public sealed interface StoreCommand {
    /** Longest type name or key, in bytes. */
    int KEY_BYTES_MAX = 255;
    /** Largest value of one record. */
    int VALUE_BYTES_MAX = 1024 * 1024;

    String type();

    String key();

    long expectedVersion();

    record Put(String type, String key, byte[] value, long expectedVersion)
            implements
                StoreCommand {
        public Put {
            Checks.argument(value.length <= VALUE_BYTES_MAX,
                    "a record value is at most " + VALUE_BYTES_MAX + " bytes");
        }
    }

    record Delete(String type, String key, long expectedVersion) implements StoreCommand {}

    static byte[] encode(StoreCommand command) {
        WireWriter out = new WireWriter();
        switch (command) {
            case Put p -> out.u8(1).string(p.type()).string(p.key()).i64(p.expectedVersion())
                    .bytes(p.value());
            case Delete d -> out.u8(2).string(d.type()).string(d.key())
                    .i64(d.expectedVersion());
        }
        return out.toByteArray();
    }

    static StoreCommand decode(byte[] bytes) throws MalformedFrameException {
        WireReader in = new WireReader(bytes);
        int kind = in.u8();
        StoreCommand command = switch (kind) {
            case 1 -> {
                String type = in.string(KEY_BYTES_MAX);
                String key = in.string(KEY_BYTES_MAX);
                long expected = in.i64();
                yield new Put(type, key, in.bytes(VALUE_BYTES_MAX), expected);
            }
            case 2 -> new Delete(in.string(KEY_BYTES_MAX), in.string(KEY_BYTES_MAX), in.i64());
            default -> throw new MalformedFrameException("unknown store command " + kind);
        };
        in.end();
        return command;
    }
}
