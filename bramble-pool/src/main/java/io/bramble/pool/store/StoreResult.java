package io.bramble.pool.store;

import io.bramble.pool.wire.MalformedFrameException;
import io.bramble.pool.wire.WireReader;
import io.bramble.pool.wire.WireWriter;

/** What applying a {@link StoreCommand} did, as returned to the node that asked. */
public sealed interface StoreResult {
    /** The change was made; {@code version} is the record's version now (0 once deleted). */
    record Applied(long version) implements StoreResult {}

    /** The record's version was {@code actual}, not the one expected; nothing changed. */
    record Conflict(long actual) implements StoreResult {}

    /** The change breaks a bound of the store; nothing changed. */
    record Refused(String why) implements StoreResult {}

    static byte[] encode(StoreResult result) {
        return switch (result) {
            case Applied a -> new WireWriter().u8(1).i64(a.version()).toByteArray();
            case Conflict c -> new WireWriter().u8(2).i64(c.actual()).toByteArray();
            case Refused r -> new WireWriter().u8(3).string(r.why()).toByteArray();
        };
    }

    static StoreResult decode(byte[] bytes) throws MalformedFrameException {
        WireReader in = new WireReader(bytes);
        int kind = in.u8();
        StoreResult result = switch (kind) {
            case 1 -> new Applied(in.i64());
            case 2 -> new Conflict(in.i64());
            case 3 -> new Refused(in.string(4096));
            default -> throw new MalformedFrameException("unknown store result " + kind);
        };
        in.end();
        return result;
    }
}
