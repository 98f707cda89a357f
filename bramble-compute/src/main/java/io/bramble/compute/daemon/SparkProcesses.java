package io.bramble.compute.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Spark daemons this node runs, as child processes: each one's output appended to
 * {@code LOGS/master.log} or {@code LOGS/worker.log}. Stopping asks politely (SIGTERM, which
 * Spark's daemons handle by deregistering) and forces after {@value #STOP_MS} ms; an
 * executor a worker started ends with it. Each daemon's pid is kept in
 * {@code LOGS/master.pid} or {@code LOGS/worker.pid} while it runs, so that a node started
 * again after a kill -9 ends the daemons its predecessor left ({@link #endLeftovers}). Each
 * daemon runs under {@link DiesWithNode}, so a node that is killed takes its daemons with it;
 * the pid files are for a daemon that outlived its grace period.
 */
public final class SparkProcesses implements AutoCloseable {
    static final long STOP_MS = 10_000;

    private final Path java;
    private final Path sparkHome;
    private final String scala;
    private final Path logs;
    private final Map<Daemon, Running> running = new EnumMap<>(Daemon.class);

    private record Running(DaemonSpec spec, Process process) {}

    public SparkProcesses(Path java, Path sparkHome, String scala, Path logs) {
        this.java = java;
        this.sparkHome = sparkHome;
        this.scala = scala;
        this.logs = logs;
    }

    /** The daemons alive now, with their specs. */
    public synchronized Map<Daemon, DaemonSpec> alive() {
        Map<Daemon, DaemonSpec> alive = new EnumMap<>(Daemon.class);
        running.forEach((daemon, r) -> {
            if (r.process().isAlive()) {
                alive.put(daemon, r.spec());
            }
        });
        return alive;
    }

    /** The process id of {@code daemon}, when it runs. */
    public synchronized Optional<Long> pid(Daemon daemon) {
        Running r = running.get(daemon);
        return r != null && r.process().isAlive()
                ? Optional.of(r.process().pid())
                : Optional.empty();
    }

    public synchronized void start(DaemonSpec spec) throws IOException {
        Files.createDirectories(logs);
        ProcessBuilder builder = new ProcessBuilder(DiesWithNode.wrap(SparkJvm.daemon(java,
                sparkHome, spec)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(
                        spec.daemon().word() + ".log").toFile()))
                .directory(sparkHome.toFile());
        builder.environment().putAll(SparkJvm.environment(sparkHome, scala,
                spec.localAddress()));
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        running.put(spec.daemon(), new Running(spec, process));
        Files.writeString(pidFile(spec.daemon()), process.pid() + "\n");
    }

    private Path pidFile(Daemon daemon) {
        return logs.resolve(daemon.word() + ".pid");
    }

    /**
     * Ends the daemons a previous run of this node left behind: a pid file's process that
     * still runs the daemon's class from this node's Spark home. Returns how many it ended.
     */
    public int endLeftovers() {
        int ended = 0;
        for (Daemon daemon : Daemon.values()) {
            Path file = pidFile(daemon);
            Optional<ProcessHandle> left;
            try {
                left = Files.isRegularFile(file)
                        ? ProcessHandle.of(Long.parseLong(
                                Files.readString(file).strip()))
                        : Optional.empty();
                Files.deleteIfExists(file);
            } catch (IOException | NumberFormatException e) {
                continue;
            }
            String command = left.flatMap(p -> p.info().commandLine()).orElse("");
            if (left.isPresent() && left.get().isAlive() && command.contains(daemon
                    .mainClass()) && command.contains(sparkHome.toString())) {
                end(left.get());
                ended++;
            }
        }
        return ended;
    }

    public void stop(Daemon daemon) {
        Running r;
        synchronized (this) {
            r = running.remove(daemon);
        }
        if (r != null) {
            end(r.process().toHandle());
            try {
                Files.deleteIfExists(pidFile(daemon));
            } catch (IOException e) {
                // a stale pid file is checked against the command line before use
            }
        }
    }

    private static void end(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(STOP_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException
                | java.util.concurrent.ExecutionException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Stops every daemon, the workers first. */
    @Override
    public void close() {
        stop(Daemon.WORKER);
        stop(Daemon.MASTER);
    }
}
