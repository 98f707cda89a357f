package io.bramble.fs.volume.serve;

import io.bramble.common.time.Clock;
import io.bramble.fs.brick.BrickSettings;
import io.bramble.fs.brick.LocalBrick;
import io.bramble.fs.brick.PendingFile;
import io.bramble.fs.brick.profile.BrickCounters;
import io.bramble.fs.brick.profile.ProfiledBrick;
import io.bramble.fs.brick.wire.BrickServer;
import io.bramble.fs.brick.wire.PoolTls;
import io.bramble.fs.brick.wire.ServerCounters;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.access.ClientAccess;
import io.bramble.fs.volume.option.VolumeOptions;
import io.bramble.fs.volume.status.PendingReportCodec;
import io.bramble.pool.identity.PoolMembership;
import io.bramble.pool.node.PoolNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves this node's bricks to mount clients: one {@link BrickServer} on the brick port for
 * all of them, started with the first brick (a node in no pool has no certificate to serve
 * with), each brick a {@link LocalBrick} over its folder.
 */
public final class NetworkBrickHost implements BrickHost, AutoCloseable {
    private final PoolNode node;
    private final InetSocketAddress address;
    private final Map<Brick, LocalBrick> served = new ConcurrentHashMap<>();
    /** The rule applied to each volume's bricks, by volume name. */
    private final Map<String, VolumeAccess> admitted = new ConcurrentHashMap<>();
    private final Map<Brick, BrickCounters> counters = new ConcurrentHashMap<>();
    private final long pid = ProcessHandle.current().pid();
    private BrickServer server;
    private PoolMembership credentialsOf;
    private PoolTls credentials;

    /** Serves on {@code port} of the node's management address (all addresses if it has none). */
    public NetworkBrickHost(PoolNode node, int port) {
        this.node = node;
        this.address = new InetSocketAddress(node.boundAddress().getAddress(), port);
    }

    /** The pool's credentials, made again only when the node's membership changed. */
    private synchronized PoolTls credentials() {
        PoolMembership membership = node.membership().orElseThrow(() -> new IllegalStateException(
                "this node is in no pool: it has no certificate to serve bricks with"));
        if (membership != credentialsOf) {
            credentials = PoolTls.of(membership);
            credentialsOf = membership;
        }
        return credentials;
    }

    private synchronized BrickServer server() {
        if (server == null) {
            credentials();
            server = BrickServer.start(address, this::credentials);
        }
        return server;
    }

    @Override
    public void serve(VolumeSpec volume, Brick brick) throws IOException {
        if (served.containsKey(brick)) {
            return;
        }
        Path dir = Path.of(brick.path());
        if (!Files.isDirectory(dir)) {
            // volume create made it: gone now, it was removed, or its disk is not mounted. An
            // empty folder in its place would be served as the volume's files.
            throw new IOException("its folder " + dir + " is missing (removed, or its disk is"
                    + " not mounted); bramble does not make an empty one in its place");
        }
        if (!LocalBrick.holdsBrick(dir, BrickSettings.defaults())) {
            // volume create made it a brick: an empty folder in its place holds none of the
            // volume's files, and would be served as if the volume had none
            throw new IOException("its folder " + dir + " holds no brick (made anew, or another"
                    + " disk mounted there), and is not served as the volume's files; to make it"
                    + " again from the other copies of its replica set, run `volume reset-brick "
                    + volume.name() + " " + brick.shown() + " " + brick.shown()
                    + " commit force`");
        }
        LocalBrick local;
        try {
            local = LocalBrick.open(dir, BrickSettings.defaults());
        } catch (FsException e) {
            throw new IOException("cannot serve brick " + brick.shown() + ": " + e.getMessage());
        }
        BrickCounters counted = BrickCounters.fresh(Clock.system());
        counted.profiled(VolumeOptions.profiled(volume));
        server().serve(volume.name(), brick.path(), new ProfiledBrick(local, counted));
        counters.put(brick, counted);
        served.put(brick, local);
    }

    @Override
    public void admit(VolumeSpec volume) {
        VolumeAccess now = admitted.get(volume.name());
        if (now != null && now.text().equals(VolumeAccess.textOf(volume))) {
            return; // names are resolved again only when the lists or the servers change
        }
        VolumeAccess wanted = VolumeAccess.of(volume, ClientAccess.Resolver.system());
        server().admit(volume.name(), wanted.access());
        admitted.put(volume.name(), wanted);
        if (!wanted.unresolved().isEmpty()) {
            node.log().event("volume " + volume.name() + ": auth.allow/auth.reject name "
                    + String.join(", ", wanted.unresolved()) + ", which resolve to no"
                    + " address here; they match no client");
        }
    }

    @Override
    public void follow(VolumeSpec volume, Brick brick) {
        BrickCounters counted = counters.get(brick);
        if (counted != null) {
            counted.profiled(VolumeOptions.profiled(volume));
        }
    }

    @Override
    public Optional<BrickCounters> counters(Brick brick) {
        return Optional.ofNullable(counters.get(brick));
    }

    @Override
    public OptionalLong pendingCount(Brick brick) {
        LocalBrick local = served.get(brick);
        return local == null ? OptionalLong.empty() : OptionalLong.of(local.pendingCount());
    }

    @Override
    public int attached(VolumeSpec volume, Brick brick) {
        BrickServer running = running();
        return running == null || !served.containsKey(brick)
                ? 0
                : running.attached(volume.name(), brick.path());
    }

    @Override
    public Optional<ServerCounters> serverCounters() {
        return Optional.ofNullable(running()).map(BrickServer::counters);
    }

    private synchronized BrickServer running() {
        return server;
    }

    @Override
    public void stop(VolumeSpec volume, Brick brick) {
        LocalBrick local = served.remove(brick);
        counters.remove(brick);
        if (local != null) {
            server().stop(volume.name(), brick.path());
            local.close();
        }
    }

    @Override
    public boolean intact(Brick brick) {
        LocalBrick local = served.get(brick);
        return local == null || local.folderIntact();
    }

    @Override
    public Optional<String> pending(Brick brick) throws IOException {
        LocalBrick local = served.get(brick);
        if (local == null) {
            return Optional.empty();
        }
        try {
            List<String> paths = local.pendingIndex(PendingReportCodec.SHOWN_MAX).stream()
                    .map(file -> file.path().toString()).sorted().toList();
            return Optional.of(PendingReportCodec.encode(local.pendingCount(), paths));
        } catch (FsException e) {
            throw new IOException("cannot read the index of " + brick.shown() + ": " + e
                    .getMessage(), e);
        }
    }

    @Override
    public Optional<List<PendingFile>> pendingFiles(Brick brick, int entriesMax)
            throws IOException {
        LocalBrick local = served.get(brick);
        if (local == null) {
            return Optional.empty();
        }
        if (local.pendingCount() == 0) {
            return Optional.of(List.of()); // counted in memory: no listing each second
        }
        try {
            return Optional.of(local.pendingIndex(entriesMax));
        } catch (FsException e) {
            throw new IOException("cannot read the index of " + brick.shown() + ": " + e
                    .getMessage(), e);
        }
    }

    @Override
    public Optional<io.bramble.fs.ops.FileOps> served(Brick brick) {
        return Optional.ofNullable(served.get(brick));
    }

    @Override
    public BrickStatus status(Brick brick) {
        BrickServer running = running();
        return served.containsKey(brick) && running != null
                ? new BrickStatus(true, running.port(), pid)
                : BrickStatus.OFFLINE;
    }

    @Override
    public synchronized void close() {
        served.values().forEach(LocalBrick::close);
        served.clear();
        counters.clear();
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
