package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.os.MountTable;
import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.exec.Exec;
import io.bramble.testkit.process.ManagedProcess;
import io.bramble.testkit.process.Reaper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Mounts volumes with {@code bramble mount HOST:/VOL DIR}, as users do: the command returns
 * once the directory is mounted and its client goes on in the background, in a session of
 * its own. No mount outlives the test: after each test (and at exit, should the test JVM end
 * first) every directory still mounted is detached with {@code umount -l} and a client that
 * did not end by itself gets kill -9, its process group with it.
 *
 * <p>Register it after the {@link LocalCluster}, so that its clean-up runs first, while the
 * nodes still serve the bricks; or, for mounts shared by a class's tests, close it before
 * the cluster.
 */
final class VolumeMounts implements AfterEachCallback, AutoCloseable {
    /** The mount command starts a JVM that fetches the layout and mounts; busy machines. */
    static final Duration MOUNT_TIMEOUT = Duration.ofSeconds(90);
    /** How long a client may take to end once its directory is unmounted. */
    static final Duration CLIENT_END_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    /**
     * A mounted directory.
     *
     * @param dir the mount point
     * @param client the background client serving it
     * @param clientLog where the client logs
     */
    record Mounted(Path dir, ProcessHandle client, Path clientLog) {}

    private final LocalCluster cluster;
    private final Map<Path, Reaper.Registration> cleanUps = new LinkedHashMap<>();
    private final Map<Path, Optional<ProcessHandle>> clients = new LinkedHashMap<>();
    private int mountsMade;

    VolumeMounts(LocalCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Runs {@code bramble mount [-o OPTIONS] SOURCE DIR} with the pool credentials of node
     * {@code node} and names resolved through the pool's hosts file; fails unless it mounted.
     */
    synchronized Mounted mount(PoolNodes pool, String node, String source, Path dir,
            String... options) {
        Attempt attempt = attempt(pool, node, source, dir, options);
        Optional<ProcessHandle> client = clients.get(attempt.target());
        assertThat(attempt.exit()).as("bramble mount %s %s: %s\nclient log:\n%s", source,
                attempt.target(), attempt.output(), read(attempt.clientLog())).isZero();
        assertThat(isMounted(attempt.target())).as("%s in /proc/self/mounts", attempt.target())
                .isTrue();
        assertThat(client).as("the client serving %s", attempt.target()).isPresent();
        return new Mounted(attempt.target(), client.orElseThrow(), attempt.clientLog());
    }

    /**
     * Runs {@code bramble mount} as {@link #mount} does, expecting it to fail; returns what
     * the command printed, once it is known that nothing was mounted.
     */
    synchronized String mountFails(PoolNodes pool, String node, String source, Path dir) {
        Attempt attempt = attempt(pool, node, source, dir);
        assertThat(attempt.exit()).as("bramble mount %s %s: %s", source, attempt.target(),
                attempt.output()).isNotZero();
        assertThat(isMounted(attempt.target())).as("%s in /proc/self/mounts", attempt.target())
                .isFalse();
        return attempt.output();
    }

    /** A mount command that ended: its exit code, its output, and where its client logs. */
    private record Attempt(Path target, int exit, String output, Path clientLog) {}

    private Attempt attempt(PoolNodes pool, String node, String source, Path dir,
            String... options) {
        Path target = dir.toAbsolutePath().normalize();
        String name = "mount" + ++mountsMade;
        Path clientLog = cluster.logDir().toAbsolutePath().resolve(name + "-client.log");
        List<String> args = new ArrayList<>(List.of("mount", "--state-dir", pool.stateDir(node)
                .toString(), "--log-file", clientLog.toString()));
        if (options.length > 0) {
            args.addAll(List.of("-o", String.join(",", options)));
        }
        args.addAll(List.of(source, target.toString()));
        ManagedProcess command = cluster.start(name, Map.of("JDK_JAVA_OPTIONS",
                "-Djdk.net.hosts.file=" + pool.hostsFile()), args);
        int exit;
        try {
            exit = command.awaitExit(MOUNT_TIMEOUT);
        } finally {
            // Put in the clean-up before the outcome is judged: a mount that half worked, or
            // took too long, may still leave a client and a mount behind.
            Optional<ProcessHandle> found = clientOf(target);
            clients.put(target, found);
            cleanUps.put(target, Reaper.register("the mount of " + target, () -> release(
                    target, found)));
        }
        return new Attempt(target, exit, command.log().text(), clientLog);
    }

    /**
     * Takes charge of a mount made by other means ({@code mount -t bramble}, an fstab line):
     * its client is released after the test as those made by {@link #mount}.
     */
    synchronized Mounted adopt(Path dir, Path clientLog) {
        Path target = dir.toAbsolutePath().normalize();
        Optional<ProcessHandle> found = clientOf(target);
        clients.put(target, found);
        cleanUps.put(target, Reaper.register("the mount of " + target, () -> release(target,
                found)));
        assertThat(isMounted(target)).as("%s in /proc/self/mounts", target).isTrue();
        assertThat(found).as("the client serving %s", target).isPresent();
        return new Mounted(target, found.orElseThrow(), clientLog);
    }

    /** {@code umount DIR}, as users end a mount; the client should end by itself. */
    void unmount(Mounted mounted) {
        Exec.check(COMMAND_TIMEOUT, "umount", mounted.dir().toString());
    }

    /** Waits until the client of {@code mounted} has ended; false when it is still running. */
    static boolean awaitClientEnd(Mounted mounted, Duration timeout) {
        return awaitEnd(mounted.client(), timeout);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** Releases every mount made: for a class that mounts once for all its tests. */
    @Override
    public synchronized void close() {
        List<Path> dirs = new ArrayList<>(clients.keySet()).reversed();
        for (Path dir : dirs) {
            release(dir, clients.get(dir));
            cleanUps.get(dir).close();
        }
        clients.clear();
        cleanUps.clear();
    }

    /**
     * Detaches {@code dir} if it is still mounted (lazily: a process of the test may still
     * hold a file there), lets the client end by itself, then kills its process group.
     */
    private static void release(Path dir, Optional<ProcessHandle> client) {
        if (isMounted(dir)) {
            Exec.run(COMMAND_TIMEOUT, List.of("umount", "-l", dir.toString()));
        }
        if (client.isEmpty() || awaitEnd(client.get(), CLIENT_END_TIMEOUT)) {
            return;
        }
        ProcessHandle process = client.get();
        if (processGroupOf(process.pid()) == process.pid()) {
            Exec.run(COMMAND_TIMEOUT, List.of("kill", "-KILL", "--", "-" + process.pid()));
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitEnd(process, CLIENT_END_TIMEOUT);
    }

    /** The background client: the process running {@code mount --foreground ... DIR}. */
    private static Optional<ProcessHandle> clientOf(Path dir) {
        return ProcessHandle.allProcesses().filter(process -> {
            List<String> args = commandLine(process.pid());
            return args.contains("mount") && args.contains("--foreground") && args.contains(
                    dir.toString());
        }).findFirst();
    }

    /**
     * The command line of {@code pid} from /proc; ProcessHandle gives none for a command line
     * longer than 4 KiB, as the test class path makes it.
     */
    private static List<String> commandLine(long pid) {
        try {
            return List.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid),
                    "cmdline")), StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The process group of {@code pid}, from /proc; -1 when it cannot be read. */
    private static long processGroupOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "PID (COMMAND) STATE PPID PGRP ...": the command may hold spaces and parentheses.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[2]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static boolean awaitEnd(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "(none)";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Whether a directory is a mount point now. */
    static boolean isMounted(Path dir) {
        return MountTable.read().isMountPoint(dir);
    }
}
