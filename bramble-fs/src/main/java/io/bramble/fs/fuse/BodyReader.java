package io.bramble.fs.fuse;

import io.bramble.fs.ops.Errno;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of a request body in the order {@code fuse.h} lays them out: unsigned
 * integers in the machine's order (little-endian on every Linux bramble runs on), names as
 * NUL-terminated UTF-8. Every read is bounds-checked against the body, so a short or
 * garbled request fails with {@link MalformedRequestException} instead of reading past it.
 */
final class BodyReader {
    private final ByteBuffer body;
    private final int opcode;

    /** Reads {@code body} from its position to its limit; the buffer is not modified. */
    BodyReader(ByteBuffer body, int opcode) {
        this.body = body.slice().order(ByteOrder.LITTLE_ENDIAN);
        this.opcode = opcode;
    }

    int u32() throws MalformedRequestException {
        need(Integer.BYTES, "a 32-bit field");
        return body.getInt();
    }

    long u64() throws MalformedRequestException {
        need(Long.BYTES, "a 64-bit field");
        return body.getLong();
    }

    /** Skips padding and fields bramble does not use. */
    void skip(int bytes) throws MalformedRequestException {
        need(bytes, bytes + " bytes");
        body.position(body.position() + bytes);
    }

    /** The next {@code length} bytes, copied. */
    byte[] bytes(int length) throws MalformedRequestException {
        if (length < 0) {
            throw malformed("a negative length " + length);
        }
        need(length, length + " bytes of data");
        byte[] out = new byte[length];
        body.get(out);
        return out;
    }

    /** A NUL-terminated UTF-8 string; the NUL is consumed. */
    String cString() throws MalformedRequestException {
        int start = body.position();
        int end = start;
        while (end < body.limit() && body.get(end) != 0) {
            end++;
        }
        if (end == body.limit()) {
            throw malformed("a name without its terminating NUL");
        }
        ByteBuffer bytes = body.slice(start, end - start);
        body.position(end + 1);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedRequestException(Errno.EINVAL,
                    FuseOpcode.name(opcode) + ": a name that is not UTF-8");
        }
    }

    int remaining() {
        return body.remaining();
    }

    private void need(int bytes, String what) throws MalformedRequestException {
        if (body.remaining() < bytes) {
            throw malformed(what + " past the end of the body");
        }
    }

    private MalformedRequestException malformed(String what) {
        return new MalformedRequestException(Errno.EIO, FuseOpcode.name(opcode) + ": " + what);
    }
}
