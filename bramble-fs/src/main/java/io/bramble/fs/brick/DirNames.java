package io.bramble.fs.brick;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads the names of an open directory with {@code getdents64}, in disk order, without
 * {@code .} and {@code ..}. Names that are not valid UTF-8 (files copied onto the brick by
 * other means) cannot be named in a volume path, so they are skipped.
 */
final class DirNames {
    /** Bytes of directory records read per call: about a thousand names. */
    static final int BUFFER_BYTES = 64 * 1024;
    /** Offsets in {@code struct linux_dirent64}. */
    private static final int RECORD_LENGTH_OFFSET = 16;
    private static final int NAME_OFFSET = 19;

    private DirNames() {
    }

    static void forEach(int dirFd, Consumer<String> names) throws FsException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] name = new byte[FsPath.NAME_BYTES_MAX + 1];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(BUFFER_BYTES, 8);
            int filled;
            while ((filled = Libc.getdents64(dirFd, buffer)) > 0) {
                int offset = 0;
                while (offset < filled) {
                    int length = nameLength(buffer, offset + NAME_OFFSET, name);
                    String text = decode(decoder, name, length);
                    if (text != null && !text.equals(".") && !text.equals("..")) {
                        names.accept(text);
                    }
                    offset += buffer.get(JAVA_SHORT, offset + RECORD_LENGTH_OFFSET) & 0xffff;
                }
            }
        }
    }

    /** Copies the NUL-terminated name at {@code offset} into {@code into}; its length. */
    private static int nameLength(MemorySegment buffer, long offset, byte[] into) {
        int length = 0;
        while (length < into.length) {
            byte b = buffer.get(JAVA_BYTE, offset + length);
            if (b == 0) {
                break;
            }
            into[length++] = b;
        }
        return length;
    }

    private static boolean ascii(byte[] name, int length) {
        for (int i = 0; i < length; i++) {
            if (name[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static String decode(CharsetDecoder decoder, byte[] name, int length) {
        if (ascii(name, length)) { // most names: no decoder needed
            return new String(name, 0, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return decoder.decode(ByteBuffer.wrap(name, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
