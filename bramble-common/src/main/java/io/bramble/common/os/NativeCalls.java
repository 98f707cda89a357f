package io.bramble.common.os;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Binding C library functions through the FFM API, with errno captured: a function bound by
 * {@link #withErrno} takes an errno slot ({@link #errnoSlot()}) as its first argument, and
 * {@link #check} turns a negative result into a {@link LinuxException}. Each module keeps its
 * own {@code Libc} of the calls it needs, built on these.
 */
public final class NativeCalls {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MemoryLayout STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = STATE.varHandle(
            MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE = Linker.Option.captureCallState("errno");
    /** One errno slot per thread, so that hot calls allocate nothing. */
    private static final ThreadLocal<MemorySegment> THREAD_STATE = ThreadLocal.withInitial(
            () -> Arena.ofAuto().allocate(STATE));
    private static final MethodHandle STRERROR = plain("strerror", FunctionDescriptor.of(
            ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    /** strerror's texts are short; a longer one is cut here. */
    private static final long STRERROR_BYTES_MAX = 256;

    private NativeCalls() {
    }

    /** {@code name} from the C library, its errno captured into the slot passed first. */
    public static MethodHandle withErrno(String name, FunctionDescriptor descriptor,
            Linker.Option... options) {
        Linker.Option[] all = Arrays.copyOf(options, options.length + 1);
        all[options.length] = CAPTURE;
        return LINKER.downcallHandle(find(name), descriptor, all);
    }

    /** {@code name} from the C library, for a function that does not set errno. */
    public static MethodHandle plain(String name, FunctionDescriptor descriptor,
            Linker.Option... options) {
        return LINKER.downcallHandle(find(name), descriptor, options);
    }

    /** This thread's errno slot, for a call bound by {@link #withErrno}. */
    public static MemorySegment errnoSlot() {
        return THREAD_STATE.get();
    }

    /** A new errno slot in {@code arena}. */
    public static MemorySegment errnoSlot(Arena arena) {
        return arena.allocate(STATE);
    }

    /** The errno a call left in {@code slot}. */
    public static int errno(MemorySegment slot) {
        return (int) ERRNO.get(slot, 0L);
    }

    /** {@code result}, or a {@link LinuxException} naming {@code what} when it is negative. */
    public static long check(long result, MemorySegment slot, String what)
            throws LinuxException {
        if (result < 0) {
            throw new LinuxException(what, errno(slot));
        }
        return result;
    }

    /** The system's words for {@code errno}. */
    public static String strerror(int errno) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            return text.reinterpret(STRERROR_BYTES_MAX).getString(0);
        } catch (Throwable t) {
            return "error " + errno;
        }
    }

    private static MemorySegment find(String name) {
        return LINKER.defaultLookup().find(name).orElseThrow(
                () -> new IllegalStateException("the C library has no " + name));
    }
}
