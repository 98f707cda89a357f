package io.bramble.testkit.netns;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One platform thread of the test JVM moved into a lab host's network namespace (setns(2)),
 * so a test can open sockets there, with millisecond timeouts, without a process of its own.
 * A socket belongs to the namespace of the thread that made it, whichever thread uses it
 * later; interface names and indexes, though, resolve in the calling thread's namespace:
 * look them up through {@link #call}.
 */
public final class NamespaceThread implements AutoCloseable {
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;
    private static final int CLONE_NEWNET = 0x40000000;

    private final ExecutorService thread;

    /** Starts the thread and moves it into {@code namespace} (a name under /var/run/netns). */
    public NamespaceThread(String namespace) throws Exception {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "netns-" + namespace);
            t.setDaemon(true);
            return t;
        });
        try {
            call(() -> {
                enter(namespace);
                return null;
            });
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** Runs {@code work} inside the namespace; what it throws is thrown here unwrapped. */
    public <T> T call(Callable<T> work) throws Exception {
        try {
            return thread.submit(work).get();
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
        MethodHandle close = linker.downcallHandle(linker.defaultLookup().find("close")
                .orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) open.invokeExact(arena.allocateFrom("/var/run/netns/" + namespace),
                    O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                throw new IllegalStateException("cannot open namespace " + namespace);
            }
            int result = (int) setns.invokeExact(fd, CLONE_NEWNET);
            int ignored = (int) close.invokeExact(fd);
            if (result != 0) {
                throw new IllegalStateException("setns into " + namespace + " failed");
            }
        }
    }

    /** Ends the thread; sockets it opened stay open until their owners close them. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
