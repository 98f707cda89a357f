package io.bramble.pool.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the fields {@link WireWriter} wrote, checking every length against what is left and
 * against the caller's bound, so that no input can make it allocate more than the frame holds.
 */
public final class WireReader {
    private final ByteBuffer buffer;

    public WireReader(byte[] body) {
        this.buffer = ByteBuffer.wrap(body);
    }

    /**
     * Reads the bytes between {@code body}'s position and limit, in place: a body still in a
     * network buffer is read without a copy. Nothing read refers to {@code body} afterwards.
     */
    public WireReader(ByteBuffer body) {
        this.buffer = body.slice().order(ByteOrder.BIG_ENDIAN);
    }

    public int u8() throws MalformedFrameException {
        need(1);
        return buffer.get() & 0xff;
    }

    public int i32() throws MalformedFrameException {
        need(4);
        return buffer.getInt();
    }

    public long i64() throws MalformedFrameException {
        need(8);
        return buffer.getLong();
    }

    public boolean bool() throws MalformedFrameException {
        int value = u8();
        if (value > 1) {
            throw new MalformedFrameException("a flag must be 0 or 1, got " + value);
        }
        return value == 1;
    }

    public UUID uuid() throws MalformedFrameException {
        return new UUID(i64(), i64());
    }

    /** A UTF-8 string of at most {@code bytesMax} bytes; invalid UTF-8 is malformed. */
    public String string(int bytesMax) throws MalformedFrameException {
        byte[] raw = bytes(bytesMax);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedFrameException("a string is not valid UTF-8");
        }
    }

    public List<String> strings(int countMax, int bytesMax) throws MalformedFrameException {
        int count = count(countMax);
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            texts.add(string(bytesMax));
        }
        return texts;
    }

    public byte[] bytes(int bytesMax) throws MalformedFrameException {
        int length = i32();
        if (length < 0 || length > bytesMax) {
            throw new MalformedFrameException("a field of " + length + " bytes (at most "
                    + bytesMax + ")");
        }
        need(length);
        byte[] raw = new byte[length];
        buffer.get(raw);
        return raw;
    }

    /** A count of at most {@code countMax}, each item at least one byte, so never huge. */
    public int count(int countMax) throws MalformedFrameException {
        int count = i32();
        if (count < 0 || count > countMax || count > buffer.remaining()) {
            throw new MalformedFrameException("a list of " + count + " items (at most "
                    + countMax + ")");
        }
        return count;
    }

    /** Fails when bytes are left: a frame holds exactly one message. */
    public void end() throws MalformedFrameException {
        if (buffer.hasRemaining()) {
            throw new MalformedFrameException(buffer.remaining() + " bytes after the message");
        }
    }

    private void need(int bytes) throws MalformedFrameException {
        if (buffer.remaining() < bytes) {
            throw new MalformedFrameException("the frame ends inside a field");
        }
    }

}
