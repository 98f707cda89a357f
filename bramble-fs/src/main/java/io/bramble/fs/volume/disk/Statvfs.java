package io.bramble.fs.volume.disk;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The C library's {@code statvfs}, for the inode counts the JDK does not give. The layout of
 * {@code struct statvfs} read here is glibc's on 64-bit Linux (x86-64, arm64): eleven
 * 8-byte fields, then spare ints; elsewhere the counts are unknown.
 */
final class Statvfs {
    /** The counts read: blocks in bytes of {@code blockBytes}, inodes. */
    record Counts(long blockBytes, long blocks, long blocksFree, long inodes, long inodesFree) {}

    /** More than {@code sizeof(struct statvfs)} (112 on 64-bit glibc), for safety. */
    private static final long STRUCT_BYTES = 256;
    private static final MethodHandle STATVFS = lookup();

    private Statvfs() {
    }

    private static MethodHandle lookup() {
        if (ValueLayout.ADDRESS.byteSize() != 8) {
            return null;
        }
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup().find("statvfs").map(f -> linker.downcallHandle(f,
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                        ValueLayout.ADDRESS)))
                .orElse(null);
    }

    static Optional<Counts> of(String path) {
        if (STATVFS == null) {
            return Optional.empty();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(STRUCT_BYTES);
            int result = (int) STATVFS.invokeExact(arena.allocateFrom(path), buffer);
            if (result != 0) {
                return Optional.empty();
            }
            long fragmentBytes = buffer.get(ValueLayout.JAVA_LONG, 8);
            return Optional.of(new Counts(fragmentBytes, buffer.get(ValueLayout.JAVA_LONG, 16),
                    buffer.get(ValueLayout.JAVA_LONG, 24), buffer.get(ValueLayout.JAVA_LONG, 40),
                    buffer.get(ValueLayout.JAVA_LONG, 48)));
        } catch (Throwable e) {
            return Optional.empty();
        }
    }
}
