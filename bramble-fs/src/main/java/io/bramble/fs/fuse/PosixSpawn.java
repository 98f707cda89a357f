package io.bramble.fs.fuse;

import static io.bramble.common.os.NativeCalls.plain;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import io.bramble.common.os.LinuxException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts a program that inherits one descriptor of ours, which {@link ProcessBuilder}
 * cannot do (it closes everything past stderr). posix_spawnp(3) runs no Java in the child,
 * unlike a fork from the JVM. The descriptor is duplicated onto a fixed number in the child,
 * which also clears its close-on-exec flag there and only there.
 */
final class PosixSpawn {
    /** sizeof(posix_spawn_file_actions_t) is 80 on glibc LP64; room to spare. */
    private static final long FILE_ACTIONS_BYTES = 256;

    private static final MethodHandle SPAWNP = plain("posix_spawnp", FunctionDescriptor.of(
            JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle ACTIONS_INIT = plain(
            "posix_spawn_file_actions_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle ACTIONS_DESTROY = plain(
            "posix_spawn_file_actions_destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle ADD_DUP2 = plain(
            "posix_spawn_file_actions_adddup2", FunctionDescriptor.of(JAVA_INT, ADDRESS,
                    JAVA_INT, JAVA_INT));
    private static final MethodHandle ADD_OPEN = plain(
            "posix_spawn_file_actions_addopen", FunctionDescriptor.of(JAVA_INT, ADDRESS,
                    JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));

    private PosixSpawn() {
    }

    /**
     * Starts {@code argv} (looked up on PATH) with {@code environment}; our descriptor
     * {@code fd} becomes {@code childFd} in the child, stdout goes nowhere and stderr to
     * {@code stderrFile}. Returns the child's pid.
     */
    static int spawn(List<String> argv, Map<String, String> environment, int fd, int childFd,
            Path stderrFile) throws LinuxException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment actions = arena.allocate(FILE_ACTIONS_BYTES, 16);
            checkResult((int) ACTIONS_INIT.invokeExact(actions), "file actions");
            try {
                checkResult((int) ADD_DUP2.invokeExact(actions, fd, childFd), "dup2 action");
                checkResult((int) ADD_OPEN.invokeExact(actions, 1, arena.allocateFrom(
                        "/dev/null"), Libc.O_WRONLY, 0), "stdout action");
                checkResult((int) ADD_OPEN.invokeExact(actions, 2, arena.allocateFrom(
                        stderrFile.toString()), Libc.O_WRONLY | Libc.O_CREAT | Libc.O_TRUNC,
                        0600), "stderr action");
                MemorySegment pid = arena.allocate(JAVA_INT);
                int result = (int) SPAWNP.invokeExact(pid, arena.allocateFrom(argv.getFirst()),
                        actions, MemorySegment.NULL, strings(arena, argv), strings(arena,
                                environment.entrySet().stream()
                                        .map(e -> e.getKey() + "=" + e.getValue()).toList()));
                checkResult(result, "posix_spawnp " + argv.getFirst());
                return pid.get(JAVA_INT, 0);
            } finally {
                int ignored = (int) ACTIONS_DESTROY.invokeExact(actions);
            }
        } catch (LinuxException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** A NULL-terminated array of C strings. */
    private static MemorySegment strings(Arena arena, List<String> values) {
        MemorySegment array = arena.allocate(ADDRESS, values.size() + 1);
        for (int i = 0; i < values.size(); i++) {
            array.setAtIndex(ADDRESS, i, arena.allocateFrom(values.get(i)));
        }
        array.setAtIndex(ADDRESS, values.size(), MemorySegment.NULL);
        return array;
    }

    /** posix_spawn functions return the error number itself instead of setting errno. */
    private static void checkResult(int result, String what) throws LinuxException {
        if (result != 0) {
            throw new LinuxException(what, result);
        }
    }
}
