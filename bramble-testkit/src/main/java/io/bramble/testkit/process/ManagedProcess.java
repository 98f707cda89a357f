package io.bramble.testkit.process;

import io.bramble.common.net.HostPort;
import io.bramble.common.time.Clock;
import io.bramble.testkit.exec.Signals;
import io.bramble.testkit.net.PortProbe;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A long-running process started for a test, with its output in a log file. Stopping sends
 * SIGTERM (and SIGCONT, so a paused process can act on it), then kill -9 after a grace period,
 * then kill -9 to any child it left. Until stopped, a JVM shutdown hook will kill it.
 */
public final class ManagedProcess {
    /** Time a process gets to become ready; generous because test machines are busy. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** Time between SIGTERM and kill -9. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** Time a kill -9 may take to show, after which something is badly wrong. */
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(20);
    /** Time the shutdown hook waits for a killed process to be gone; exit must not hang. */
    private static final Duration REAP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    /** A class path longer than this is shown as its entry count in reports. */
    private static final int CLASS_PATH_CHARS_SHOWN = 200;
    /** Lines of output quoted in failure messages and reports. */
    public static final int REPORT_LINES = 60;

    private final ProcessSpec spec;
    private final Process process;
    private final ProcessLog log;
    private final Reaper.Registration reaping;
    /** Children seen before a stop or crash; killed with this process, even once reparented. */
    private final List<ProcessHandle> orphans = new CopyOnWriteArrayList<>();

    private ManagedProcess(ProcessSpec spec, Process process) {
        this.spec = spec;
        this.process = process;
        this.log = new ProcessLog(spec.logFile());
        this.reaping = Reaper.register(spec.name() + " (pid " + process.pid() + ")", () -> {
            killTree();
            waitFor(REAP_TIMEOUT);
        });
    }

    /** Starts the process; its stdout and stderr go to the spec's log file, stdin is empty. */
    public static ManagedProcess start(ProcessSpec spec) {
        try {
            Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(spec.command())
                    .redirectErrorStream(true)
                    .redirectOutput(spec.logFile().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(spec.environment());
            return new ManagedProcess(spec, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    spec.name() + ": cannot start " + String.join(" ", spec.command()), e);
        }
    }

    public String name() {
        return spec.name();
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public ProcessLog log() {
        return log;
    }

    public List<String> command() {
        return spec.command();
    }

    /** The address and port this process serves, when it was started with one. */
    public Optional<HostPort> endpoint() {
        return spec.endpoint();
    }

    public boolean isAlive() { return process.isAlive(); }

    /** The exit code once the process has ended. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** Waits until a complete output line contains a match of {@code regex}; returns it. */
    public String awaitLine(String regex) {
        return awaitLine(Pattern.compile(regex), READY_TIMEOUT);
    }

    /**
     * Waits until a complete output line contains a match of {@code pattern}; fails with the
     * process's output when the time is up or the process ends first.
     */
    public String awaitLine(Pattern pattern, Duration timeout) {
        String what = "print a line matching /" + pattern + "/";
        awaitReady(what, timeout, () -> log.findLine(pattern).isPresent());
        return log.findLine(pattern).orElseThrow();
    }

    /** Waits until this process's endpoint accepts TCP connections. */
    public void awaitPort() {
        HostPort endpoint = spec.endpoint().orElseThrow(() -> new IllegalStateException(
                name() + " was started without an endpoint; use awaitPort(HostPort, Duration)"));
        awaitPort(endpoint, READY_TIMEOUT);
    }

    /** Waits until {@code endpoint} accepts TCP connections while this process runs. */
    public void awaitPort(HostPort endpoint, Duration timeout) {
        awaitReady("accept connections on " + endpoint, timeout,
                () -> PortProbe.accepts(endpoint));
    }

    private void awaitReady(String what, Duration timeout, BooleanSupplier ready) {
        boolean[] done = new boolean[1];
        try {
            Awaitility.await(name() + " to " + what).atMost(timeout).pollDelay(Duration.ZERO)
                    .pollInterval(POLL_INTERVAL).until(() -> {
                        done[0] = ready.getAsBoolean();
                        return done[0] || !process.isAlive();
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(failure("did not " + what + " within " + timeout), e);
        }
        if (!done[0] && !ready.getAsBoolean()) {
            throw new AssertionError(failure("ended before it would " + what));
        }
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) {
        if (!waitFor(timeout)) {
            throw new AssertionError(failure("did not exit within " + timeout));
        }
        return process.exitValue();
    }

    /** Stops the process with {@link #STOP_GRACE}; returns its exit code. */
    public int stop() {
        return stop(STOP_GRACE);
    }

    /** SIGTERM, kill -9 after {@code grace}, then kill -9 to its leftover children. */
    public int stop(Duration grace) {
        stopAll(List.of(this), grace);
        return process.exitValue();
    }

    /**
     * Stops several processes together: all get SIGTERM first, so stopping many takes one grace
     * period, not one each.
     */
    public static void stopAll(Collection<ManagedProcess> processes, Duration grace) {
        List<ManagedProcess> running = processes.stream().filter(ManagedProcess::isAlive)
                .toList();
        running.forEach(p -> p.orphans.addAll(p.process.descendants().toList()));
        running.forEach(ManagedProcess::terminate);
        Clock clock = Clock.system();
        long deadline = clock.nanoTime() + grace.toNanos();
        for (ManagedProcess each : running) {
            long left = Math.max(0, deadline - clock.nanoTime());
            if (!each.waitFor(Duration.ofNanos(left))) {
                each.killTree();
            }
        }
        for (ManagedProcess each : processes) {
            each.orphans.forEach(ProcessHandle::destroyForcibly);
            each.reaping.close();
        }
        processes.forEach(ManagedProcess::awaitKilled);
    }

    /** kill -9 to the process and its children; returns once it is gone. */
    public void kill() {
        killTree();
        awaitKilled();
        reaping.close();
    }

    /**
     * kill -9 to this process alone, as in a crash: its children live on, as they would, until
     * this process is stopped or killed through the kit. Returns once the process is gone.
     */
    public void crash() {
        orphans.addAll(process.descendants().toList());
        process.destroyForcibly();
        awaitKilled();
    }

    private void terminate() {
        process.destroy();
        // A stopped process keeps SIGTERM pending until it is continued.
        try {
            if (Signals.isMainThreadStopped(pid())) {
                Signals.send(pid(), "CONT");
            }
        } catch (IllegalStateException e) {
            if (process.isAlive()) {
                throw e;
            }
        }
    }

    private void killTree() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        orphans.forEach(ProcessHandle::destroyForcibly);
    }

    private void awaitKilled() {
        if (!waitFor(KILL_TIMEOUT)) {
            throw new IllegalStateException(failure("survived kill -9 for " + KILL_TIMEOUT));
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + describe(), e);
        }
    }

    /** One line: name, pid and whether it runs or how it ended. */
    public String describe() {
        String state = process.isAlive() ? "running" : "exited with code " + process.exitValue();
        return name() + " (pid " + pid() + ", " + state + ")";
    }

    /** The description, the command and the tail of the log, for failure reports. */
    public String report() {
        return describe() + "\n  command: " + shownCommand() + "\n" + log.tailText(REPORT_LINES);
    }

    /** The command with a long class path shortened: it would drown the rest of a report. */
    private String shownCommand() {
        List<String> shown = new ArrayList<>(command());
        for (int i = 1; i < shown.size(); i++) {
            String previous = shown.get(i - 1);
            boolean classPath = previous.equals("-cp") || previous.equals("-classpath")
                    || previous.equals("--class-path");
            if (classPath && shown.get(i).length() > CLASS_PATH_CHARS_SHOWN) {
                int entries = shown.get(i).split(File.pathSeparator).length;
                shown.set(i, "(the test's class path, " + entries + " entries)");
            }
        }
        return String.join(" ", shown);
    }

    private String failure(String what) {
        return name() + " " + what + "; " + report();
    }

    @Override
    public String toString() {
        return describe();
    }
}
