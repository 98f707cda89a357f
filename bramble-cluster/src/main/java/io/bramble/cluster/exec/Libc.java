package io.bramble.cluster.exec;

import io.bramble.common.os.LinuxException;
import io.bramble.common.os.NativeCalls;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/** The C library calls this package needs: signalling a whole process group. */
final class Libc {
    static final int SIGKILL = 9;
    static final int SIGTERM = 15;
    private static final int ESRCH = 3;
    private static final MethodHandle KILL = NativeCalls.withErrno("kill",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT));

    private Libc() {
    }

    /**
     * Sends {@code signal} to every process of group {@code groupId}; false when the group has
     * no process left.
     */
    static boolean killGroup(long groupId, int signal) throws LinuxException {
        MemorySegment errno = NativeCalls.errnoSlot();
        int result;
        try {
            result = (int) KILL.invokeExact(errno, (int) -groupId, signal);
        } catch (Throwable t) {
            throw new IllegalStateException("kill() could not be called", t);
        }
        if (result < 0 && NativeCalls.errno(errno) == ESRCH) {
            return false;
        }
        NativeCalls.check(result, errno, "kill(-" + groupId + ")");
        return true;
    }
}
