package io.bramble.pool.wire;

import io.bramble.pool.wire.Message.CommandReply;
import io.bramble.pool.wire.Message.CommandRequest;
import io.bramble.pool.wire.Message.Detached;
import io.bramble.pool.wire.Message.Heartbeat;
import io.bramble.pool.wire.Message.Hello;
import io.bramble.pool.wire.Message.JoinDone;
import io.bramble.pool.wire.Message.JoinGrant;
import io.bramble.pool.wire.Message.Outcome;
import io.bramble.pool.wire.Message.ProbeAnswer;
import io.bramble.pool.wire.Message.ProbeRequest;

/**
 * The body of a frame: one type byte, then the record's fields in order. Decoding is strict:
 * an unknown type, a field over its bound, a truncated field or bytes left over make the frame
 * malformed. The frame itself (a 4-byte length, at most {@link #FRAME_BYTES_MAX}) is cut by
 * the transport.
 */
public final class MessageCodec {
    /** Largest frame body; a command's output is the biggest thing sent. */
    public static final int FRAME_BYTES_MAX = 2 * 1024 * 1024;
    /** Longest name, in bytes of UTF-8. */
    public static final int NAME_BYTES_MAX = 255;
    /** Most names of a node in one message. */
    public static final int NAMES_MAX = 16;
    /** Largest join secret. */
    public static final int SECRET_BYTES_MAX = 4096;
    /** Largest certificate or key (DER). */
    public static final int CREDENTIAL_BYTES_MAX = 16 * 1024;
    /** Most arguments of a command line, and the longest one. */
    public static final int ARGS_MAX = 64;
    public static final int ARG_BYTES_MAX = 4096;
    /** Largest output of a command. */
    public static final int OUTPUT_BYTES_MAX = 1024 * 1024;
    /** Longest detail text. */
    public static final int DETAIL_BYTES_MAX = 4096;

    private MessageCodec() {
    }

    public static byte[] encode(Message message) {
        WireWriter out = new WireWriter();
        switch (message) {
            case Hello m -> out.u8(1).uuid(m.node()).uuid(m.pool());
            case Heartbeat m -> out.u8(2).uuid(m.node()).i64(m.sequence());
            case ProbeRequest m -> out.u8(3).uuid(m.prober()).uuid(m.pool())
                    .string(m.proberName()).string(m.targetName()).bytes(m.secret());
            case ProbeAnswer m -> out.u8(4).u8(m.outcome().ordinal()).uuid(m.node())
                    .strings(m.names()).bool(m.witness()).i32(m.raftPort())
                    .bytes(m.publicKey());
            case JoinGrant m -> out.u8(5).uuid(m.pool()).bytes(m.authorityCertificate())
                    .bytes(m.authorityKey()).bytes(m.nodeCertificate()).string(m.address());
            case JoinDone m -> out.u8(6).bool(m.ok()).string(m.detail());
            case Detached m -> out.u8(7).uuid(m.pool());
            case CommandRequest m -> out.u8(8).strings(m.args());
            case CommandReply m -> out.u8(9).i32(m.exitCode()).string(m.out()).string(m.err());
        }
        return out.toByteArray();
    }

    public static Message decode(byte[] body) throws MalformedFrameException {
        if (body.length > FRAME_BYTES_MAX) {
            throw new MalformedFrameException("a frame of " + body.length + " bytes (at most "
                    + FRAME_BYTES_MAX + ")");
        }
        WireReader in = new WireReader(body);
        int type = in.u8();
        Message message = switch (type) {
            case 1 -> new Hello(in.uuid(), in.uuid());
            case 2 -> new Heartbeat(in.uuid(), in.i64());
            case 3 -> new ProbeRequest(in.uuid(), in.uuid(), in.string(NAME_BYTES_MAX),
                    in.string(NAME_BYTES_MAX), in.bytes(SECRET_BYTES_MAX));
            case 4 -> probeAnswer(in);
            case 5 -> new JoinGrant(in.uuid(), in.bytes(CREDENTIAL_BYTES_MAX),
                    in.bytes(CREDENTIAL_BYTES_MAX), in.bytes(CREDENTIAL_BYTES_MAX),
                    in.string(NAME_BYTES_MAX));
            case 6 -> new JoinDone(in.bool(), in.string(DETAIL_BYTES_MAX));
            case 7 -> new Detached(in.uuid());
            case 8 -> new CommandRequest(in.strings(ARGS_MAX, ARG_BYTES_MAX));
            case 9 -> new CommandReply(in.i32(), in.string(OUTPUT_BYTES_MAX),
                    in.string(OUTPUT_BYTES_MAX));
            default -> throw new MalformedFrameException("unknown message type " + type);
        };
        in.end();
        return message;
    }

    private static ProbeAnswer probeAnswer(WireReader in) throws MalformedFrameException {
        int outcome = in.u8();
        if (outcome >= Outcome.values().length) {
            throw new MalformedFrameException("unknown probe outcome " + outcome);
        }
        var node = in.uuid();
        var names = in.strings(NAMES_MAX, NAME_BYTES_MAX);
        boolean witness = in.bool();
        int raftPort = in.i32();
        if (raftPort < 1 || raftPort > 65535) {
            throw new MalformedFrameException("port " + raftPort + " out of range");
        }
        return new ProbeAnswer(Outcome.values()[outcome], node, names, witness, raftPort,
                in.bytes(CREDENTIAL_BYTES_MAX));
    }
}
