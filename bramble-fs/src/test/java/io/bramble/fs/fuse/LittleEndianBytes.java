package io.bramble.fs.fuse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Builds protocol messages by hand, field by field, the way fuse.h lays them out. */
final class LittleEndianBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    LittleEndianBytes u16(int value) {
        out.write(value);
        out.write(value >>> 8);
        return this;
    }

    LittleEndianBytes u32(long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)));
        }
        return this;
    }

    LittleEndianBytes u64(long value) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (value >>> (8 * i)));
        }
        return this;
    }

    LittleEndianBytes zeros(int count) {
        out.write(new byte[count], 0, count);
        return this;
    }

    LittleEndianBytes bytes(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    /** A NUL-terminated UTF-8 name. */
    LittleEndianBytes cString(String text) {
        bytes(text.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toArray() {
        return out.toByteArray();
    }

    /** A whole request: fuse_in_header for {@code body}, then the body. */
    static byte[] request(int opcode, long unique, long nodeId, LittleEndianBytes body) {
        return new LittleEndianBytes().u32(40 + body.size()).u32(opcode).u64(unique)
                .u64(nodeId).u32(1000).u32(100).u32(4242).u16(0).u16(0).bytes(body.toArray())
                .toArray();
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
