package io.bramble.cli.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The demo's child processes: {@code bramble} run by this JVM's own {@code java} with this
 * JVM's class path, each with {@value #PARENT_PID_ENV} set to this process, so that none
 * outlives the demo even if the demo is killed with -9. {@link #stopAll} stops them all
 * (SIGTERM, then kill -9) and is safe to call from a shutdown hook.
 */
final class Children {
    /** Read by bramble's ParentWatch: the child exits once this process is gone. */
    static final String PARENT_PID_ENV = "BRAMBLE_PARENT_PID";
    static final String MAIN_CLASS = "io.bramble.cli.Main";
    /** Small JVMs: four of them share the machine with the demo and the user's browser. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED");

    private final Path dir;
    private final BiConsumer<String, String> lines;
    private final List<String> extraOptions;
    private final Map<String, Child> running = new LinkedHashMap<>();
    private boolean stopped;

    Children(Path dir, BiConsumer<String, String> lines) {
        this(dir, lines, List.of());
    }

    /** Children whose JVMs also get {@code extraOptions}, such as a hosts file of their own. */
    Children(Path dir, BiConsumer<String, String> lines, List<String> extraOptions) {
        this.dir = dir;
        this.lines = lines;
        this.extraOptions = List.copyOf(extraOptions);
    }

    /** Starts {@code bramble ARGS} as {@code name} (again, after it ended). */
    synchronized Child start(String name, String... args) throws IOException {
        if (stopped) {
            throw new IllegalStateException("the demo is stopping");
        }
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(JVM_OPTIONS);
        command.addAll(extraOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN_CLASS);
        command.addAll(List.of(args));
        Child child = Child.start(name, command, Long.toString(ProcessHandle.current().pid()),
                dir.resolve(name + ".log"), lines);
        running.put(name, child);
        return child;
    }

    synchronized Child get(String name) {
        return running.get(name);
    }

    /** SIGTERM to every child at once, then kill -9 to those still running after the grace. */
    void stopAll() {
        List<Child> all;
        synchronized (this) {
            stopped = true;
            all = List.copyOf(running.values());
        }
        all.forEach(Child::terminate);
        for (Child child : all) {
            try {
                child.awaitEnd(Child.STOP_GRACE_MS);
            } catch (InterruptedException e) {
                all.forEach(Child::killNow);
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The java binary running this JVM, so the children use the same JDK. */
    static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty(
                "java.home"), "bin", "java").toString());
    }
}
