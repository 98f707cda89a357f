package io.bramble.common.os;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Undoes a signal's "ignored" disposition inherited from the parent. {@code nohup} starts its
 * command with SIGHUP ignored, and the JVM then installs no handler for it, so a daemon
 * that reloads on SIGHUP would silently stop reloading. Calling {@link #unignore} before the
 * handler is installed makes the signal deliverable again.
 */
public final class SignalDisposition {
    /** SIGHUP on Linux, every architecture. */
    public static final int SIGHUP = 1;

    /** glibc's struct sigaction is 152 bytes on x86_64 and arm64; its handler comes first. */
    private static final long SIGACTION_BYTES_MAX = 256;
    private static final MemorySegment SIG_DFL = MemorySegment.NULL;
    private static final MemorySegment SIG_IGN = MemorySegment.ofAddress(1);

    private SignalDisposition() {
    }

    /**
     * Sets {@code signal} back to its default when it is ignored; true when it was. False,
     * doing nothing, where libc's {@code signal} cannot be called.
     */
    public static boolean unignore(int signal) {
        Linker linker = Linker.nativeLinker();
        try (Arena arena = Arena.ofConfined()) {
            MethodHandle sigaction = linker.downcallHandle(linker.defaultLookup()
                    .find("sigaction").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT,
                            ADDRESS, ADDRESS));
            // Reads the disposition only: the JVM's own handlers must stay as they are.
            MemorySegment current = arena.allocate(SIGACTION_BYTES_MAX, 8);
            int read = (int) sigaction.invokeExact(signal, MemorySegment.NULL, current);
            if (read != 0 || current.get(ADDRESS, 0).address() != SIG_IGN.address()) {
                return false;
            }
            MethodHandle reset = linker.downcallHandle(linker.defaultLookup().find("signal")
                    .orElseThrow(), FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS));
            MemorySegment previous = (MemorySegment) reset.invokeExact(signal, SIG_DFL);
            return previous.address() == SIG_IGN.address();
        } catch (Throwable e) {
            return false;
        }
    }
}
