package io.bramble.testkit.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last resort: a JVM shutdown hook that kills whatever the kit started and a test did not
 * stop (System.exit, SIGTERM or Ctrl-C of the test JVM). A kill -9 of the JVM skips shutdown
 * hooks; bramble processes then exit on their own through {@code BRAMBLE_PARENT_PID}.
 */
public final class Reaper {
    private static final Map<Long, Entry> ENTRIES = new LinkedHashMap<>();
    private static long nextId;
    private static boolean hookInstalled;

    private Reaper() {
    }

    /** A registered clean-up; closing it unregisters it without running it. */
    public static final class Registration implements AutoCloseable {
        private final long id;

        private Registration(long id) {
            this.id = id;
        }

        @Override
        public void close() {
            synchronized (Reaper.class) {
                ENTRIES.remove(id);
            }
        }
    }

    private record Entry(String what, Runnable cleanUp) {}

    /** Runs {@code cleanUp} at JVM exit unless the registration is closed first. */
    public static synchronized Registration register(String what, Runnable cleanUp) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(
                    Thread.ofPlatform().name("bramble-testkit-reaper").unstarted(Reaper::reap));
            hookInstalled = true;
        }
        long id = nextId++;
        ENTRIES.put(id, new Entry(what, cleanUp));
        return new Registration(id);
    }

    /** Clean-ups not yet done, most recent first, as run at exit. */
    static synchronized List<String> pending() {
        return ENTRIES.values().stream().map(Entry::what).toList().reversed();
    }

    private static void reap() {
        List<Entry> entries;
        synchronized (Reaper.class) {
            entries = new ArrayList<>(ENTRIES.values()).reversed();
            ENTRIES.clear();
        }
        for (Entry entry : entries) {
            System.err.println("bramble testkit: JVM exiting, cleaning up " + entry.what());
            try {
                entry.cleanUp().run();
            } catch (RuntimeException e) {
                System.err.println("bramble testkit: cleaning up " + entry.what() + " failed: "
                        + e);
            }
        }
    }
}
