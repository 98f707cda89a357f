package io.bramble.it.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.it.pool.PoolNodes;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.net.FreePorts;
import io.bramble.testkit.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code bramble node} processes {@code spark1}, {@code spark2}, ... on 127.0.7.11, .12, ...,
 * all on one management port, and ports for Spark free on every one of those addresses, from
 * 17000 to 18999 (away from the ports other tests take and from Spark's defaults).
 */
final class SparkNodes {
    static final int PORT_MIN = 17_000;
    static final int PORT_MAX = 18_999;
    static final int FIRST_HOST = 11;

    private final LocalCluster cluster;
    private final int count;
    private final Path stateRoot;
    private final FreePorts ports;
    private final List<Integer> taken = new ArrayList<>();
    private final int managementPort;

    SparkNodes(LocalCluster cluster, int count, Path stateRoot, long seed) {
        this.cluster = cluster;
        this.count = count;
        this.stateRoot = stateRoot;
        this.ports = new FreePorts(new SplittableRandom(seed), PORT_MIN, PORT_MAX);
        this.managementPort = freePortPair();
    }

    String name(int n) {
        return "spark" + n;
    }

    String address(int n) {
        return "127.0.7." + (FIRST_HOST + n - 1);
    }

    Path stateDir(int n) {
        return stateRoot.resolve(name(n));
    }

    /** A port free on every node's address (with the next one, when {@code pair}). */
    int freePort() {
        for (int attempt = 0; attempt < FreePorts.ATTEMPTS_MAX; attempt++) {
            int candidate = ports.on(inet(1));
            if (!taken.contains(candidate) && freeEverywhere(candidate)) {
                taken.add(candidate);
                return candidate;
            }
        }
        throw new IllegalStateException("no port free on every 127.0.7.x address");
    }

    private int freePortPair() {
        for (int attempt = 0; attempt < FreePorts.ATTEMPTS_MAX; attempt++) {
            int candidate = freePort();
            if (candidate < PORT_MAX && freeEverywhere(candidate + 1)) {
                taken.add(candidate + 1);
                return candidate;
            }
        }
        throw new IllegalStateException("no two ports free on every 127.0.7.x address");
    }

    private boolean freeEverywhere(int port) {
        for (int n = 1; n <= count; n++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(address(n), port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private InetAddress inet(int n) {
        try {
            return InetAddress.getByName(address(n));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts every node together, node {@code n} with {@code environment.get(n)}. */
    void startAll(Map<Integer, Map<String, String>> environment) {
        try (var starts = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ManagedProcess>> started = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                int node = n;
                started.add(starts.submit(() -> start(node, environment.getOrDefault(node,
                        Map.of()))));
            }
            for (Future<ManagedProcess> each : started) {
                each.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ManagedProcess start(int n, Map<String, String> environment) throws IOException {
        Files.createDirectories(stateDir(n));
        Map<String, String> env = new LinkedHashMap<>(environment);
        ManagedProcess process = cluster.start(name(n), env, List.of("node", "--state-dir",
                stateDir(n).toString(), "--listen", address(n) + ":" + managementPort,
                "--name", name(n) + ".local", "--brick-port", Integer.toString(freePort())));
        process.awaitLine("listening on");
        return process;
    }

    /** Forms the pool: node 1 probes every other node by address. */
    void formPool() {
        for (int n = 2; n <= count; n++) {
            PoolNodes.Result probe = run(1, "peer", "probe", address(n));
            assertThat(probe.exit()).as("peer probe %s: %s", address(n), probe).isZero();
        }
    }

    /** Runs {@code bramble ARGS} against node {@code n}. */
    PoolNodes.Result run(int n, String... args) {
        return PoolNodes.runAgainst(stateDir(n), args);
    }

    ManagedProcess process(int n) {
        return cluster.process(name(n));
    }

    static Path emptyFolder(Path parent, String name) {
        try {
            return Files.createDirectories(parent.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
