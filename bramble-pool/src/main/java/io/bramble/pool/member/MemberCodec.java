package io.bramble.pool.member;

import io.bramble.pool.store.RecordCodec;
import io.bramble.pool.store.RecordType;
import io.bramble.pool.wire.MalformedFrameException;
import io.bramble.pool.wire.WireReader;
import io.bramble.pool.wire.WireWriter;

/** Members as records of the cluster store, one per member, keyed by the member's UUID. */
public final class MemberCodec implements RecordCodec<Member> {
    /** The store's record type for members. */
    public static final RecordType<Member> TYPE = new RecordType<>("pool.member",
            new MemberCodec());

    @Override
    public byte[] encode(Member m) {
        return new WireWriter().uuid(m.id()).strings(m.names()).string(m.address())
                .i32(m.port()).i32(m.raftPort()).u8(m.role().ordinal()).i64(m.joinedMillis())
                .toByteArray();
    }

    @Override
    public Member decode(byte[] bytes) throws MalformedFrameException {
        WireReader in = new WireReader(bytes);
        var id = in.uuid();
        var names = in.strings(Member.NAMES_MAX, Member.NAME_CHARS_MAX * 4);
        var address = in.string(Member.NAME_CHARS_MAX);
        int port = in.i32();
        int raftPort = in.i32();
        int role = in.u8();
        long joinedMillis = in.i64();
        in.end();
        if (role >= Role.values().length) {
            throw new MalformedFrameException("unknown member role " + role);
        }
        try {
            return new Member(id, names, address, port, raftPort, Role.values()[role],
                    joinedMillis);
        } catch (IllegalArgumentException e) {
            throw new MalformedFrameException("bad member record: " + e.getMessage());
        }
    }
}
