package io.bramble.common.os;

import static io.bramble.common.os.NativeCalls.check;
import static io.bramble.common.os.NativeCalls.errnoSlot;
import static io.bramble.common.os.NativeCalls.withErrno;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * Switches the whole process to a {@link ProcessIdentity}, as a daemon started by root gives up
 * root once its ports are bound: supplementary groups, then the group, then the user, each
 * through glibc, which applies the change to every thread of the process (the JVM's included);
 * then checks every thread ({@link ThreadCredentials}). Irreversible by design: the saved ids
 * change too, so root cannot be taken back.
 */
public final class IdentitySwitch {
    private static final MethodHandle SETGROUPS = withErrno("setgroups", FunctionDescriptor.of(
            JAVA_INT, JAVA_LONG, ADDRESS));
    private static final MethodHandle SETGID = withErrno("setgid", FunctionDescriptor.of(
            JAVA_INT, JAVA_INT));
    private static final MethodHandle SETUID = withErrno("setuid", FunctionDescriptor.of(
            JAVA_INT, JAVA_INT));

    private IdentitySwitch() {
    }

    /**
     * Makes every thread of this process run as {@code identity}.
     *
     * @throws IOException when a call fails (a {@link LinuxException}) or a thread still runs
     *         with other ids afterwards; the process is then in no state to go on and should
     *         stop
     */
    public static void switchTo(ProcessIdentity identity) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = errnoSlot(arena);
            if (identity.gid().isPresent()) {
                setgroups(arena, state, identity.groups());
                int gid = identity.gid().getAsInt();
                check((int) SETGID.invokeExact(state, gid), state, "setgid("
                        + ProcessIdentity.text(gid) + ")");
            }
            if (identity.uid().isPresent()) {
                int uid = identity.uid().getAsInt();
                check((int) SETUID.invokeExact(state, uid), state, "setuid("
                        + ProcessIdentity.text(uid) + ")");
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("calling the C library to switch user", t);
        }
        List<String> wrong = ThreadCredentials.mismatches(identity);
        if (!wrong.isEmpty()) {
            throw new IOException("after switching to " + identity + ", " + wrong.size()
                    + " thread(s) still run with other ids: " + String.join("; ", wrong));
        }
    }

    private static void setgroups(Arena arena, MemorySegment state, List<Integer> groups)
            throws Throwable {
        MemorySegment list = arena.allocate(JAVA_INT, Math.max(1, groups.size()));
        for (int i = 0; i < groups.size(); i++) {
            list.setAtIndex(JAVA_INT, i, groups.get(i));
        }
        check((int) SETGROUPS.invokeExact(state, (long) groups.size(), list), state,
                "setgroups(" + groups.stream().map(ProcessIdentity::text).toList() + ")");
    }
}
