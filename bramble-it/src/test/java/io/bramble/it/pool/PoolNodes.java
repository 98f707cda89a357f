package io.bramble.it.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.cli.Main;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.process.ManagedProcess;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * {@code bramble node} processes named like the seeds' machines ({@code gluster1} answers to
 * {@code gluster1.local}), each on its own 127.0.0.x address and all on one management port,
 * as on a LAN. Names resolve through a hosts file of the test's own
 * ({@code -Djdk.net.hosts.file}), so the seeds' command lines run unchanged. Client commands
 * run in the test JVM against the nodes' Unix sockets.
 */
public final class PoolNodes {
    /** A command's outcome. */
    public record Result(int exit, String out, String err) {}

    private final LocalCluster cluster;
    private final Map<String, List<String>> extraArgs = new ConcurrentHashMap<>();
    /** Arguments given before a node's first start, added to those it starts with. */
    private final Map<String, List<String>> presetArgs = new ConcurrentHashMap<>();
    private int port;
    private Path hostsFile;
    private Path stateRoot;

    public PoolNodes(LocalCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Starts node {@code name} (or restarts it, with the arguments of its first start) and
     * waits until it listens. Its bricks are served on a free port of its own address, not on
     * 49152, which a concurrent test run may hold on the same address.
     */
    public ManagedProcess start(String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("node", "--state-dir", stateDir(name)
                .toString(), "--listen", address(name) + ":" + port(), "--name",
                name
                        + ".local"));
        extraArgs.computeIfAbsent(name, n -> {
            List<String> first = new ArrayList<>(List.of(extra));
            first.addAll(presetArgs.getOrDefault(n, List.of()));
            if (!first.contains("--brick-port")) {
                first.addAll(List.of("--brick-port", Integer.toString(cluster.freePort(n))));
            }
            return List.copyOf(first);
        });
        args.addAll(extraArgs.get(name));
        // BRAMBLE_IT_LOGBACK names a logback.xml for the nodes, to see Ratis's own logs.
        String logback = System.getenv("BRAMBLE_IT_LOGBACK");
        String options = "-Djdk.net.hosts.file=" + hostsFile() + (logback == null
                ? ""
                : " -Dlogback.configurationFile=" + logback);
        ManagedProcess process = cluster.start(name, Map.of("JDK_JAVA_OPTIONS", options), args);
        process.awaitLine("listening on");
        return process;
    }

    /**
     * Gives node {@code name} the arguments {@code extra} from its first start on, however it
     * is started ({@link #startTogether} included); to be called before that start.
     */
    public void arguments(String name, String... extra) {
        presetArgs.put(name, List.of(extra));
    }

    /**
     * Starts several nodes at once, each as {@link #start} does (a node's JVM takes seconds to
     * start on a busy machine); names that start with {@code witness} get {@code --witness}.
     */
    public void startTogether(String... names) {
        try (var starts = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ManagedProcess>> started = new ArrayList<>();
            for (String name : names) {
                started.add(starts.submit(() -> name.startsWith("witness")
                        ? start(name, "--witness")
                        : start(name)));
            }
            for (Future<ManagedProcess> each : started) {
                each.get();
            }
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException failure -> throw failure;
                case Error failure -> throw failure;
                default -> throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String address(String name) {
        return cluster.address(name).getHostAddress();
    }

    /**
     * A short path under /tmp: a Unix socket's path has at most 107 bytes, too few for the
     * test's log directory. Removed when the test JVM ends.
     */
    public synchronized Path stateDir(String name) {
        if (stateRoot == null) {
            try {
                stateRoot = Files.createTempDirectory("bramble-pool-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path root = stateRoot;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
        }
        return stateRoot.resolve(name);
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }

    public ManagedProcess process(String name) {
        return cluster.process(name);
    }

    /** Runs {@code bramble ARGS --state-dir <name's>} against node {@code name}. */
    public Result run(String name, String... args) {
        return runAgainst(stateDir(name), args);
    }

    /**
     * Runs {@code bramble ARGS --state-dir STATE_DIR} in the test JVM, against the node of
     * {@code stateDir} through its Unix socket.
     */
    public static Result runAgainst(Path stateDir, String... args) {
        List<String> line = new ArrayList<>(List.of(args));
        line.add("--state-dir");
        line.add(stateDir.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(line.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    /** Runs a command that must succeed; returns its output. */
    public String ok(String name, String... args) {
        return succeeded(run(name, args), name, args);
    }

    /** The output of {@code result}, the outcome of ARGS on {@code on}; fails unless it is 0. */
    public static String succeeded(Result result, String on, String... args) {
        assertThat(result.exit()).as("bramble %s on %s: %s", String.join(" ", args), on,
                result).isZero();
        return result.out();
    }

    /** Probes every name in order from {@code from}, each must succeed. */
    public void probeAll(String from, String... names) {
        for (String name : names) {
            assertThat(ok(from, "peer", "probe", name + ".local")).isEqualTo(
                    "peer probe: success. \n");
        }
    }

    /**
     * Polls {@code peer status} on {@code on} every 10 ms until {@code condition} holds;
     * returns the milliseconds it took, or fails after {@code timeout}.
     */
    public long awaitStatus(String on, Predicate<String> condition, Duration timeout) {
        long start = System.nanoTime();
        long end = start + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            last = run(on, "peer", "status").out();
            if (condition.test(last)) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            sleep(10);
        }
        throw new AssertionError("peer status on " + on + " did not change in " + timeout
                + "; last:\n" + last);
    }

    /** A predicate: the block of {@code peer} shows {@code state}. */
    public static Predicate<String> shows(String peer, String state) {
        return text -> {
            int at = text.indexOf("Hostname: " + peer + "\n");
            if (at < 0) {
                return false;
            }
            int stateAt = text.indexOf("State: ", at);
            return text.startsWith("State: Peer in Cluster (" + state + ")", stateAt);
        };
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One port for every node (and the next one for the store), free on every address. */
    public synchronized int port() {
        if (port == 0) {
            port = pickPort();
        }
        return port;
    }

    private int pickPort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate = cluster.freePort("gluster1");
            if (candidate < 65535 && freeEverywhere(candidate) && freeEverywhere(candidate + 1)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no port free on every test address");
    }

    private boolean freeEverywhere(int candidate) {
        for (int n = 1; n <= 6; n++) {
            String host = cluster.address(n <= 4 ? "gluster" + n : "witness" + (n - 4))
                    .getHostAddress();
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(host, candidate));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    public synchronized Path hostsFile() {
        if (hostsFile == null) {
            port();
            StringBuilder text = new StringBuilder();
            for (int n = 1; n <= 4; n++) {
                text.append(address("gluster" + n)).append(" gluster").append(n)
                        .append(".local gluster").append(n).append('\n');
            }
            for (int n = 1; n <= 2; n++) {
                text.append(address("witness" + n)).append(" witness").append(n)
                        .append(".local\n");
            }
            try {
                Files.createDirectories(cluster.logDir());
                hostsFile = cluster.logDir().toAbsolutePath().resolve("hosts");
                Files.writeString(hostsFile, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hostsFile;
    }
}
