package io.bramble.it.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.common.error.UserError;
import io.bramble.it.pool.LabNodes;
import io.bramble.it.pool.PoolNodes;
import io.bramble.pool.local.NodeClient;
import io.bramble.pool.wire.Message.CommandReply;
import io.bramble.testkit.cluster.LocalCluster;
import io.bramble.testkit.exec.Exec;
import io.bramble.testkit.exec.ExecResult;
import io.bramble.testkit.netns.LabHost;
import io.bramble.testkit.netns.LabRequirements;
import io.bramble.testkit.netns.NetnsLab;
import io.bramble.testkit.process.ManagedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A pool of machines in a network lab: each a network namespace cabled to one switch and
 * running {@code bramble node}, storage nodes {@code gluster1..N} and, when asked, a
 * {@code client} machine whose node is a witness (it mounts and votes, as seed 001's moses).
 * Bricks live in {@code DIR/NODE/VOLUME}, node state in {@code DIR/state/NODE}. Nodes can be
 * killed, stopped and started again, cables pulled, and the route between two machines cut.
 * Needs root, the ip command and /dev/fuse (the calling test is skipped otherwise).
 */
final class FsLab {
    static final String CLIENT = "client";
    /** A command of the command line, run against a node; they take milliseconds. */
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MOUNT_TIMEOUT = Duration.ofSeconds(90);

    private final LocalCluster cluster;
    private final VolumeMounts mounts;
    private final NetnsLab lab;
    private final Path dir;
    private final LabNodes nodes;

    private FsLab(LocalCluster cluster, VolumeMounts mounts, NetnsLab lab, Path dir) {
        this.cluster = cluster;
        this.mounts = mounts;
        this.lab = lab;
        this.dir = dir;
        this.nodes = new LabNodes(lab, this::launch);
    }

    /**
     * Opens the lab, starts every node and makes them one pool, probed from gluster1.
     *
     * @param storageNodes how many of gluster1, gluster2, ... there are
     * @param client whether a client machine joins, as a witness
     */
    static FsLab open(LocalCluster cluster, VolumeMounts mounts, Path dir, int storageNodes,
            boolean client) {
        LabRequirements.assumeMet();
        FuseRequirements.assumeMountable();
        NetnsLab.Builder builder = NetnsLab.builder();
        for (int i = 1; i <= storageNodes; i++) {
            builder.host(storage(i));
        }
        if (client) {
            builder.host(CLIENT);
        }
        FsLab fs = new FsLab(cluster, mounts, cluster.lab(builder), dir);
        fs.nodes.startAll(fs.lab.hosts().stream().map(LabHost::name).toList());
        for (LabHost host : fs.lab.hosts()) {
            if (!host.name().equals(storage(1))) {
                assertThat(fs.cli(storage(1), "peer", "probe", fs.address(host.name())))
                        .isEqualTo("peer probe: success. \n");
            }
        }
        return fs;
    }

    static String storage(int n) {
        return "gluster" + n;
    }

    LabHost host(String name) {
        return nodes.host(name);
    }

    String address(String name) {
        return nodes.address(name);
    }

    /** The node process running on {@code name} now. */
    ManagedProcess node(String name) {
        return nodes.node(name);
    }

    /** Starts {@code name}'s node again (after a kill or a stop) and waits until it listens. */
    void restart(String name) {
        nodes.restart(name);
    }

    /** The brick folder of {@code volume} on {@code node}. */
    Path brick(String node, String volume) {
        return dir.resolve(node).resolve(volume);
    }

    /**
     * Creates and starts {@code volume} with one brick on each of {@code nodes}, in order;
     * {@code replica} 1 makes a distribute volume.
     */
    void createVolume(String volume, int replica, List<String> on) {
        List<String> create = new ArrayList<>(List.of("volume", "create", volume));
        if (replica > 1) {
            create.addAll(List.of("replica", Integer.toString(replica)));
        }
        for (String node : on) {
            create.add(address(node) + ":" + brick(node, volume));
        }
        create.add("force");
        assertThat(cli(storage(1), create.toArray(String[]::new))).isEqualTo("volume create: "
                + volume + ": success: please start the volume to access data\n");
        assertThat(cli(storage(1), "volume", "start", volume)).isEqualTo("volume start: "
                + volume + ": success\n");
    }

    /**
     * {@code bramble mount SERVER:/VOLUME AT} on machine {@code on}: in its network, with its
     * node's credentials, the mount seen by the whole machine ({@code ip netns exec} would
     * give it a mount namespace of its own), so that the test reads and writes it.
     */
    Path mount(String on, String server, String volume, Path at) throws Exception {
        Files.createDirectories(at);
        Path log = cluster.logDir().toAbsolutePath().resolve("mount-" + on + "-" + at
                .getFileName() + ".log");
        ExecResult mount = Exec.run(MOUNT_TIMEOUT, List.of("nsenter", "--net=/var/run/netns/"
                + lab.host(on).namespace(), "env", "BRAMBLE_SKIP_BUILD=1",
                PoolShell.LAUNCHER.toString(), "mount", "--state-dir", state(on).toString(),
                "-o", "log-file=" + log, address(server) + ":/" + volume, at.toString()));
        assertThat(mount.ok()).as(mount.describe()).isTrue();
        return mounts.adopt(at, log).dir();
    }

    /**
     * Cuts the route between machines {@code a} and {@code b} both ways (a blackhole route
     * to the other in each), leaving every other path as it was.
     */
    void cutRoute(String a, String b) {
        route("add", a, b);
        route("add", b, a);
    }

    /** Takes back {@link #cutRoute}. */
    void restoreRoute(String a, String b) {
        route("del", a, b);
        route("del", b, a);
    }

    private void route(String verb, String from, String to) {
        ExecResult result = lab.host(from).exec("ip", "route", verb, "blackhole", address(to)
                + "/32");
        assertThat(result.ok()).as(result.describe()).isTrue();
    }

    /** True when {@code volume heal VOLUME info} on {@code on} shows every brick empty. */
    boolean healInfoEmpty(String on, String volume, int bricks) {
        PoolNodes.Result info = run(on, "volume", "heal", volume, "info");
        return info.exit() == 0 && info.out().split("Status: Connected\nNumber of entries: 0\n",
                -1).length == bricks + 1;
    }

    /** {@code bramble ARGS} against {@code on}'s node; fails unless it succeeds. */
    String cli(String on, String... args) {
        return PoolNodes.succeeded(run(on, args), on, args);
    }

    /**
     * {@code bramble ARGS} against {@code on}'s node, through its local socket, in the test
     * JVM; a command that has not ended within {@link #COMMAND_TIMEOUT} counts as failed.
     */
    PoolNodes.Result run(String on, String... args) {
        return withTimeout(() -> PoolNodes.runAgainst(state(on), args), List.of(args));
    }

    /**
     * The copy of {@code volume}'s replica set {@code set} that the pool's store records as
     * stale, asked of {@code on} as a mount client asks it ({@code volume stale-copy}, not a
     * user's command): {@code none}, the copy's index, or the error.
     */
    String staleCopy(String on, String volume, int set) {
        List<String> line = List.of("volume", "stale-copy", volume, Integer.toString(set));
        PoolNodes.Result result = withTimeout(() -> {
            try {
                CommandReply reply = NodeClient.local(state(on), line);
                return new PoolNodes.Result(reply.exitCode(), reply.out(), reply.err());
            } catch (UserError e) {
                return new PoolNodes.Result(-1, "", e.getMessage());
            }
        }, line);
        return result.exit() == 0 ? result.out().strip() : result.err().strip();
    }

    private static PoolNodes.Result withTimeout(Callable<PoolNodes.Result> command,
            List<String> line) {
        FutureTask<PoolNodes.Result> task = new FutureTask<>(command);
        Thread.ofPlatform().daemon().name("lab-command").start(task);
        try {
            return task.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return new PoolNodes.Result(-1, "", "no answer within " + COMMAND_TIMEOUT);
        } catch (ExecutionException e) {
            throw new IllegalStateException(line + " threw", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private ManagedProcess launch(LabHost host) {
        List<String> args = new ArrayList<>(List.of("node", "--state-dir", state(host.name())
                .toString(), "--name", host.name()));
        if (host.name().equals(CLIENT)) {
            args.add("--witness");
        }
        return host.startBramble(args.toArray(String[]::new));
    }

    private Path state(String name) {
        return dir.resolve("state").resolve(name);
    }
}
