package io.bramble.cli.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One {@code bramble} child process of the demo: its output goes to {@code NAME.log} in the
 * demo's folder, and each line is also handed to a listener (the demo shows VRRP state
 * changes and waits for readiness lines).
 */
final class Child {
    /** How long a SIGTERM may take before kill -9. */
    static final long STOP_GRACE_MS = 5_000;

    private final String name;
    private final Process process;

    private Child(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /** Starts {@code command}; lines go to {@code log} (appended) and to {@code lines}. */
    static Child start(String name, List<String> command, String parentPid, Path log,
            BiConsumer<String, String> lines) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(Children.PARENT_PID_ENV, parentPid);
        Process process = builder.start();
        process.getOutputStream().close();
        Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Thread.ofVirtual().name("demo-" + name + "-output").start(() -> copy(name, process,
                file, lines));
        return new Child(name, process);
    }

    private static void copy(String name, Process process, Writer file,
            BiConsumer<String, String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process
                .getInputStream(), StandardCharsets.UTF_8)); file) {
            String line;
            while ((line = in.readLine()) != null) {
                file.write(line);
                file.write('\n');
                file.flush();
                lines.accept(name, line);
            }
        } catch (IOException e) {
            // The process ended or the log cannot be written: the demo goes on without it.
        }
    }

    String name() {
        return name;
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** kill -9, as a crash or a pulled power cable; returns once the process is gone. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** kill -9 without waiting. */
    void killNow() {
        process.destroyForcibly();
    }

    /** SIGTERM without waiting. */
    void terminate() {
        process.destroy();
    }

    /** Waits for the end, then kill -9 when the grace is over. */
    void awaitEnd(long graceMs) throws InterruptedException {
        if (!process.waitFor(graceMs, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
