package io.bramble.fs.brick.wire;

import io.bramble.fs.brick.wire.Frame.Attach;
import io.bramble.fs.brick.wire.Frame.Ping;
import io.bramble.fs.brick.wire.Frame.Pong;
import io.bramble.fs.brick.wire.Frame.Request;
import io.bramble.fs.brick.wire.Frame.Response;
import io.bramble.pool.wire.MalformedFrameException;
import io.bramble.pool.wire.WireReader;
import io.bramble.pool.wire.WireWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;

/**
 * The body of a brick frame: a kind byte and the frame's id, then its fields. On the stream
 * each body follows a 4-byte length. File data, the last field of a write or of a read's
 * answer, is sent from the caller's own array and copied only once on arrival, out of the
 * network buffer. Decoding is strict: an unknown kind or opcode, a field over its bound, a
 * truncated field or bytes left over make the frame malformed.
 */
public final class FrameCodec {
    /** Most file data in one frame: the largest read or write. */
    public static final int DATA_BYTES_MAX = 1 << 20;
    /**
     * Largest frame body: the data, plus a header that holds the largest caller (65,536
     * groups) and two of the deepest paths, about 520 KiB at worst.
     */
    public static final int FRAME_BYTES_MAX = 2 << 20;
    /**
     * The version this code speaks; an attach with another is refused, so that a brick never
     * meets a call it lacks mid-session (4: readdirXattrs).
     */
    public static final int PROTOCOL_VERSION = 4;
    /** Longest volume name. */
    static final int VOLUME_BYTES_MAX = 255;
    /** Longest brick folder. */
    static final int BRICK_PATH_BYTES_MAX = 4096;
    /** Longest deadline a request may carry: an hour. */
    static final int DEADLINE_MS_MAX = 3_600_000;

    private static final int ATTACH = 1;
    private static final int REQUEST = 2;
    private static final int RESPONSE = 3;
    private static final int PING = 4;
    private static final int PONG = 5;

    private FrameCodec() {
    }

    /** Encodes {@code frame}; fails with IllegalArgumentException over the frame bound. */
    public static byte[] encode(Frame frame) {
        ByteBuf body = encodeShared(frame);
        try {
            return ByteBufUtil.getBytes(body);
        } finally {
            body.release();
        }
    }

    /**
     * Encodes {@code frame} into a buffer that shares the file data of a write or a read with
     * it, so that a megabyte is not copied to be sent: only the fields before it are. The
     * frame's data must not change until the buffer is written. Fails with
     * IllegalArgumentException over the frame bound.
     */
    static ByteBuf encodeShared(Frame frame) {
        WireWriter out = new WireWriter();
        byte[] payload = switch (frame) {
            case Attach a -> {
                out.u8(ATTACH).i64(a.id()).u8(a.version()).string(a.volume())
                        .string(a.brickPath());
                yield null;
            }
            case Request r -> {
                out.u8(REQUEST).i64(r.id()).i32(r.deadlineMs());
                Values.caller(out, r.caller());
                yield CallCodec.encode(out, r.call());
            }
            case Response r -> ReplyCodec.encode(out.u8(RESPONSE).i64(r.id()), r.reply());
            case Ping p -> {
                out.u8(PING).i64(p.id());
                yield null;
            }
            case Pong p -> {
                out.u8(PONG).i64(p.id());
                yield null;
            }
        };
        byte[] fields = out.toByteArray();
        long bodyBytes = (long) fields.length + (payload == null ? 0 : payload.length);
        if (bodyBytes > FRAME_BYTES_MAX) {
            throw new IllegalArgumentException("a frame of " + bodyBytes + " bytes (at most "
                    + FRAME_BYTES_MAX + ")");
        }
        return payload == null || payload.length == 0
                ? Unpooled.wrappedBuffer(fields)
                : Unpooled.wrappedBuffer(fields, payload);
    }

    public static Frame decode(byte[] body) throws MalformedFrameException {
        return decode(ByteBuffer.wrap(body));
    }

    /**
     * Decodes the bytes between {@code body}'s position and limit where they are (file data
     * is copied out once, into the frame); the frame keeps no reference to {@code body}.
     */
    public static Frame decode(ByteBuffer body) throws MalformedFrameException {
        if (body.remaining() > FRAME_BYTES_MAX) {
            throw new MalformedFrameException("a frame of " + body.remaining() + " bytes");
        }
        WireReader in = new WireReader(body);
        int kind = in.u8();
        long id = in.i64();
        Frame frame = switch (kind) {
            case ATTACH -> new Attach(id, in.u8(), in.string(VOLUME_BYTES_MAX), in.string(
                    BRICK_PATH_BYTES_MAX));
            case REQUEST -> new Request(id, deadline(in.i32()), Values.caller(in), CallCodec
                    .decode(in));
            case RESPONSE -> new Response(id, ReplyCodec.decode(in));
            case PING -> new Ping(id);
            case PONG -> new Pong(id);
            default -> throw new MalformedFrameException("unknown frame kind " + kind);
        };
        in.end();
        return frame;
    }

    private static int deadline(int deadlineMs) throws MalformedFrameException {
        if (deadlineMs < 1 || deadlineMs > DEADLINE_MS_MAX) {
            throw new MalformedFrameException("a deadline of " + deadlineMs + " ms");
        }
        return deadlineMs;
    }
}
