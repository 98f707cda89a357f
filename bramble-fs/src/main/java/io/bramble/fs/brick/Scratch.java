package io.bramble.fs.brick;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * Native memory each thread reuses for its Linux calls: the errno slot, a structure buffer,
 * a value buffer, a few C strings and a buffer for file data. A listing makes two calls per
 * file; allocating and freeing native memory for each would cost as much as the calls
 * themselves. Each call uses the buffers only until it returns, and no call runs inside
 * another.
 */
final class Scratch {
    /** Bytes of one string buffer: any name, and paths of ordinary depth. */
    static final int STRING_BYTES = 4096;
    /** Bytes of the value buffer: most attribute values and every link target fit. */
    static final int VALUE_BYTES = 4096;
    /** Bytes of the structure buffer: the largest is {@code struct statx}. */
    static final int STRUCT_BYTES = 256;
    private static final int STRING_SLOTS = 3;

    private static final ThreadLocal<Scratch> MINE = ThreadLocal.withInitial(Scratch::new);

    /** Freed with the thread's scratch when the collector finds it unreachable. */
    private final Arena arena = Arena.ofAuto();
    final MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
    final MemorySegment struct = arena.allocate(STRUCT_BYTES, 8);
    final MemorySegment value = arena.allocate(VALUE_BYTES, 8);
    private final MemorySegment[] strings = new MemorySegment[STRING_SLOTS];
    /** File data on its way to or from the disk; made on the thread's first read or write. */
    private MemorySegment data;

    private Scratch() {
        for (int slot = 0; slot < STRING_SLOTS; slot++) {
            strings[slot] = arena.allocate(STRING_BYTES);
        }
    }

    static Scratch mine() {
        return MINE.get();
    }

    /**
     * The thread's data buffer, at least {@code bytes} long, not cleared between uses: a
     * megabyte allocated (and zeroed) for every read and write would cost more than copying
     * it. A platform thread's is {@link LocalBrick#IO_BYTES_MAX} bytes from the start; a
     * virtual thread's (a heal reading its own brick, one such thread a file) is only as long
     * as the largest call it made, since it seldom makes many.
     */
    MemorySegment data(int bytes) {
        if (data == null || data.byteSize() < bytes) {
            long size = Thread.currentThread().isVirtual()
                    ? Math.max(bytes, VALUE_BYTES)
                    : LocalBrick.IO_BYTES_MAX;
            data = arena.allocate(size, 8);
        }
        return data;
    }

    /** {@code text} as a C string in string buffer {@code slot} (0 to 2). */
    MemorySegment string(int slot, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        MemorySegment target = bytes.length < STRING_BYTES
                ? strings[slot]
                : Arena.ofAuto().allocate(bytes.length + 1L);
        MemorySegment.copy(bytes, 0, target, ValueLayout.JAVA_BYTE, 0, bytes.length);
        target.set(ValueLayout.JAVA_BYTE, bytes.length, (byte) 0);
        return target;
    }
}
