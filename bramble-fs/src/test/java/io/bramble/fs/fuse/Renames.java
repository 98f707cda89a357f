package io.bramble.fs.fuse;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/** renameat2(2) with its flags, which java.nio.file cannot ask for. */
final class Renames {
    static final int NOREPLACE = 1;
    static final int EXCHANGE = 2;
    private static final int AT_FDCWD = -100;
    private static final MethodHandle RENAMEAT2 = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("renameat2").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT),
            Linker.Option.captureCallState("errno"));

    private Renames() {
    }

    /** 0 on success, else the errno. */
    static int renameat2(Path from, Path to, int flags) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            var state = arena.allocate(Linker.Option.captureStateLayout());
            int result = (int) RENAMEAT2.invokeExact(state, AT_FDCWD, arena.allocateFrom(from
                    .toString()), AT_FDCWD, arena.allocateFrom(to.toString()), flags);
            return result == 0 ? 0 : state.get(JAVA_INT, 0);
        }
    }
}
