package io.bramble.pool.wire;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Writes the fields of a frame body: big-endian numbers, length-prefixed strings and bytes. */
public final class WireWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    private final DataOutputStream out = new DataOutputStream(bytes);

    public WireWriter u8(int value) {
        return io(() -> out.writeByte(value));
    }

    public WireWriter i32(int value) {
        return io(() -> out.writeInt(value));
    }

    public WireWriter i64(long value) {
        return io(() -> out.writeLong(value));
    }

    public WireWriter bool(boolean value) {
        return u8(value ? 1 : 0);
    }

    public WireWriter uuid(UUID id) {
        return i64(id.getMostSignificantBits()).i64(id.getLeastSignificantBits());
    }

    public WireWriter string(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    public WireWriter strings(List<String> texts) {
        i32(texts.size());
        texts.forEach(this::string);
        return this;
    }

    public WireWriter bytes(byte[] value) {
        i32(value.length);
        return io(() -> out.write(value));
    }

    public byte[] toByteArray() {
        return bytes.toByteArray();
    }

    private interface IoStep {
        void run() throws IOException;
    }

    private WireWriter io(IoStep step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return this;
    }
}
