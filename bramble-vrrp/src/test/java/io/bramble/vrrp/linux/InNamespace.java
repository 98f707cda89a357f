package io.bramble.vrrp.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A platform thread moved into a lab host's network namespace with setns(2), so a test can
 * open sockets there without a process of its own. A socket stays in the namespace it was
 * created in whichever thread uses it later, but interface names resolve in the calling
 * thread's namespace: look them up through {@link #call}.
 */
final class InNamespace implements AutoCloseable {
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final int CLONE_NEWNET = 0x40000000;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "in-netns");
        t.setDaemon(true);
        return t;
    });

    InNamespace(String namespace) throws Exception {
        call(() -> {
            enter(namespace);
            return null;
        });
    }

    <T> T call(Callable<T> work) throws Exception {
        Future<T> result = thread.submit(work);
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void enter(String namespace) throws Exception {
        try {
            setns(namespace);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static void setns(String namespace) throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle open = linker.downcallHandle(linker.defaultLookup().find("open")
                .orElseThrow(), FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        MethodHandle setns = linker.downcallHandle(linker.defaultLookup().find("setns")
                .orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment path = arena.allocateFrom("/var/run/netns/" + namespace);
            int fd = (int) open.invokeExact(path, O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                throw new IllegalStateException("cannot open namespace " + namespace);
            }
            int result = (int) setns.invokeExact(fd, CLONE_NEWNET);
            Libc.close(fd);
            if (result != 0) {
                throw new IllegalStateException("setns into " + namespace + " failed");
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
