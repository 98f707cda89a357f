package io.bramble.fs.mount;

import io.bramble.common.error.UserError;
import io.bramble.common.time.Clock;
import io.bramble.fs.brick.wire.BrickClient;
import io.bramble.fs.brick.wire.BrickTarget;
import io.bramble.fs.brick.wire.ClientSettings;
import io.bramble.fs.brick.wire.PoolTls;
import io.bramble.fs.disperse.Disperse;
import io.bramble.fs.distribute.Distribute;
import io.bramble.fs.distribute.Subvolume;
import io.bramble.fs.heal.FavoriteChildPolicy;
import io.bramble.fs.heal.HealProgress;
import io.bramble.fs.heal.SetHealer;
import io.bramble.fs.heal.SplitBrainListener;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.replicate.Replicate;
import io.bramble.fs.replicate.ReplicateOptions;
import io.bramble.fs.replicate.StaleRecorder;
import io.bramble.fs.stripe.Stripe;
import io.bramble.fs.volume.SubvolumeNames;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.option.VolumeOptions;
import io.bramble.fs.volume.spec.BrickEndpoint;
import io.bramble.fs.volume.spec.ClientSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A volume as a mount sees it: a brick client per brick, a {@link Replicate} over each replica
 * set, a {@link Stripe} over each group of {@code stripeCount} sets, and a {@link Distribute}
 * over the stripes (or over the sets, without stripe), built from the layout a pool member
 * gave; for a disperse volume, a {@link Disperse} over each disperse set and a distribute
 * over those. With one copy there is no replicate; with one subvolume the distribute passes
 * every call through.
 *
 * <p>The mount follows the volume's record ({@link #follow}): whole subvolumes appended by
 * {@code add-brick} are built and appended to the distribute while files stay open, those
 * {@code remove-brick} decommissions get no new files and those it removes are left; any other
 * change keeps the translators built, and is logged once as needing a remount.
 */
public final class VolumeClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VolumeClient.class);
    /**
     * How long a mount waits for its first connections to the bricks: a TLS handshake with a
     * node on a busy machine has taken several seconds; a brick that is down costs the mount
     * this wait once.
     */
    static final long FIRST_CONNECT_MS = 15_000;
    /** Files open at once through one disperse set of a mount; more fail with ENFILE. */
    static final int DISPERSE_HANDLES_OPEN_MAX = 65_536;

    private final PoolTls tls;
    private final ClientSettings settings;
    private final Optional<UUID> localNode;
    private final Path stateDir;
    private final List<String> members;
    private final ExecutorService fanout;
    private final Distribute top;
    /** The record the translators were built from; guarded by this. */
    private VolumeSpec volume;
    /** The last change logged as needing a remount, so that it is logged once. */
    private String remountLogged = "";

    private VolumeClient(ClientSpec spec, PoolTls tls, ClientSettings settings,
            Optional<UUID> localNode, Path stateDir, List<String> servers) {
        LinkedHashSet<String> members = new LinkedHashSet<>(servers);
        spec.endpoints().forEach(e -> members.add(e.address()));
        this.tls = tls;
        this.settings = settings;
        this.localNode = localNode;
        this.stateDir = stateDir;
        this.members = List.copyOf(members);
        this.fanout = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("replicate-",
                0).factory());
        this.volume = spec.volume();
        List<BrickClient> online = new ArrayList<>();
        List<Subvolume> subvolumes = subvolumes(spec, 0, online);
        awaitFirstConnections(online, FIRST_CONNECT_MS);
        this.top = new Distribute(subvolumes);
        top.retire(GraphChange.decommissioned(volume), SubvolumeNames.removed(volume));
        refusal(volume, online).ifPresent(refused -> {
            top.close();
            throw refused;
        });
    }

    /**
     * Connects to every brick of {@code spec} and returns the client once each brick the
     * layout says is online is connected, or {@link #FIRST_CONNECT_MS} have passed: a mount
     * reads and writes at once, and a copy whose connection was still being made would count
     * as down (and miss the first writes). A brick that is down is not waited for; it is
     * reached in the background when it comes back.
     *
     * @param localNode this machine's node, whose copy is read first when it is fresh
     * @param stateDir that node's state directory, whose credentials ask the pool's
     *     tie-breaker of replica-2 sets
     * @param servers the members the layout came from, asked first by the tie-breaker
     */
    public static VolumeClient open(ClientSpec spec, PoolTls tls, ClientSettings settings,
            Optional<UUID> localNode, Path stateDir, List<String> servers) {
        return new VolumeClient(spec, tls, settings, localNode, stateDir, servers);
    }

    /** The top of the stack: what the mount serves. */
    public FileOps files() {
        return top;
    }

    /** Spreads directory {@code dir} over every subvolume ({@code rebalance fix-layout}). */
    public void fixLayout(FsPath dir) throws FsException {
        top.fixLayout(dir);
    }

    /**
     * The move of file {@code path} to the subvolume its name hashes to ({@code rebalance
     * start}); empty when it is there already.
     */
    public java.util.Optional<io.bramble.fs.distribute.Move> moveToHashed(FsPath path)
            throws FsException {
        return top.moveToHashed(path);
    }

    /**
     * The move of file {@code path} off a subvolume being removed ({@code remove-brick
     * start}); empty when it is not on one.
     */
    public java.util.Optional<io.bramble.fs.distribute.Move> moveOffDecommissioned(FsPath path)
            throws FsException {
        return top.moveOffDecommissioned(path);
    }

    /** The record the translators follow now. */
    public synchronized VolumeSpec volume() {
        return volume;
    }

    /**
     * Follows {@code record}, the volume's definition as a member gives it now: appended
     * subvolumes are built from {@code full} (the definition with where each brick is
     * served), connected and appended to the distribute once each of their bricks is served
     * (until then the next call tries again); any other change is logged once, saying to
     * remount. Returns what changed.
     */
    public synchronized GraphChange follow(ClientSpec record, Supplier<ClientSpec> full) {
        GraphChange change = GraphChange.between(volume, record.volume());
        switch (change) {
            case GraphChange.Same same -> {
            }
            case GraphChange.Other other -> {
                if (!other.why().equals(remountLogged)) {
                    remountLogged = other.why();
                    LOG.warn("{}: this mount keeps the bricks it was mounted with; unmount and"
                            + " mount again to use the new ones", other.why());
                }
            }
            case GraphChange.Retired retired -> {
                top.retire(retired.decommissioned(), retired.removed());
                volume = record.volume();
                LOG.info("volume {}: {} subvolume(s) being emptied {}, {} removed: this mount"
                        + " follows", volume.name(), retired.decommissioned().size(),
                        retired
                                .decommissioned(),
                        retired.removed());
            }
            case GraphChange.Appended appended -> {
                ClientSpec fetched = full.get();
                if (!(GraphChange.between(volume,
                        fetched.volume()) instanceof GraphChange.Appended)) {
                    return new GraphChange.Same(); // it changed again: the next call sees
                }
                List<BrickEndpoint> added = fetched.endpoints().subList(volume.bricks().size(),
                        fetched.endpoints().size());
                if (added.stream().anyMatch(e -> !e.online() || e.port() <= 0)) {
                    return new GraphChange.Same(); // not served yet: taken on at a later call
                }
                List<BrickClient> online = new ArrayList<>();
                List<Subvolume> more = subvolumes(fetched, volume.distributeCount(), online);
                awaitFirstConnections(online, FIRST_CONNECT_MS);
                top.append(more);
                volume = fetched.volume();
                top.retire(GraphChange.decommissioned(volume), java.util.Set.of());
                LOG.info("volume {} grew to {} subvolumes ({}): this mount uses them", volume
                        .name(), volume.distributeCount(), volume.type().shown());
            }
        }
        return change;
    }

    @Override
    public void close() {
        top.close();
    }

    /** Distribute's subvolumes {@code first} and on, of {@code spec}, in order. */
    private List<Subvolume> subvolumes(ClientSpec spec, int first, List<BrickClient> online) {
        VolumeSpec shape = spec.volume();
        List<Subvolume> built = new ArrayList<>();
        for (int index = first; index < shape.distributeCount(); index++) {
            built.add(new Subvolume(SubvolumeNames.of(shape, index), subvolume(spec, index,
                    online)));
        }
        return built;
    }

    /** Distribute's subvolume {@code index}: a disperse set, a stripe, or a replica set. */
    private FileOps subvolume(ClientSpec spec, int index, List<BrickClient> online) {
        VolumeSpec shape = spec.volume();
        if (shape.dispersed()) {
            int first = index * shape.disperseCount();
            List<BrickClient> clients = connect(shape, spec.endpoints().subList(first, first
                    + shape.disperseCount()), online);
            return new Disperse(List.copyOf(clients), shape.redundancyCount(), fanout,
                    DISPERSE_HANDLES_OPEN_MAX);
        }
        if (shape.stripeCount() == 1) {
            return replicaSet(spec, index, online);
        }
        List<FileOps> children = new ArrayList<>();
        for (int set = index * shape.stripeCount(); set < (index + 1)
                * shape.stripeCount(); set++) {
            children.add(replicaSet(spec, set, online));
        }
        return new Stripe(children, VolumeOptions.stripeBlockSizeBytes(shape));
    }

    /**
     * The mount's failure when a brick refused this client for the volume's
     * {@code auth.allow} / {@code auth.reject}: Gluster's client then gives up the mount
     * ("Server authentication failed"), as the rule is the same on every brick.
     */
    private static Optional<UserError> refusal(VolumeSpec volume, List<BrickClient> clients) {
        return clients.stream().filter(c -> c.refusedFrom().isPresent()).findFirst().map(
                c -> new UserError(UserError.EXIT_RUNTIME, "volume " + volume.name() + " does not"
                        + " admit this client: brick " + c.target().host() + ":" + c.target()
                                .brickPath()
                        + " refused it, connecting from " + c.refusedFrom().get()
                                .getHostAddress()
                        + ", by the volume's auth.allow ("
                        + VolumeOptions.value(VolumeOptions.AUTH_ALLOW, volume)
                        + ") and auth.reject ("
                        + VolumeOptions.value(VolumeOptions.AUTH_REJECT, volume)
                        + "); on a node of the pool, 'gluster volume set " + volume.name()
                        + " auth.allow ADDRESS,...' admits it"));
    }

    /** Waits until every client is connected, or {@code timeoutMs} has passed in all. */
    private static void awaitFirstConnections(List<BrickClient> clients, long timeoutMs) {
        Clock clock = Clock.system();
        long deadlineMs = clock.millis() + timeoutMs;
        try {
            for (BrickClient client : clients) {
                client.awaitConnected(Math.max(0, deadlineMs - clock.millis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A client per brick of {@code bricks}, in order; those the layout says are online are
     * added to {@code awaited}.
     */
    private List<BrickClient> connect(VolumeSpec volume, List<BrickEndpoint> bricks,
            List<BrickClient> awaited) {
        List<BrickClient> clients = new ArrayList<>();
        for (BrickEndpoint brick : bricks) {
            BrickClient client = BrickClient.connect(new BrickTarget(brick.address(), brick
                    .port(), volume.name(), brick.brick().path()), tls, settings);
            clients.add(client);
            if (brick.online()) {
                awaited.add(client);
            }
        }
        return clients;
    }

    /** Replica set {@code set}: a {@link Replicate} over its copies, or its only brick. */
    private FileOps replicaSet(ClientSpec spec, int set, List<BrickClient> awaited) {
        VolumeSpec volume = spec.volume();
        int firstCopy = set * volume.replicaCount();
        List<BrickEndpoint> copies = spec.endpoints().subList(firstCopy, firstCopy
                + volume.replicaCount());
        List<BrickClient> clients = connect(volume, copies, awaited);
        if (clients.size() == 1) {
            return clients.getFirst();
        }
        // A set with an arbiter has three copies, and the arbiter is its tie-breaker.
        StaleRecorder recorder = volume.replicaCount() == 2
                ? new PoolStaleRecorder(stateDir, members, volume.name(), set, Clock.system())
                : StaleRecorder.NONE;
        int preferred = -1;
        for (int i = 0; i < copies.size(); i++) {
            if (localNode.isPresent() && copies.get(i).brick().nodeId().equals(localNode.get())) {
                preferred = i;
                break;
            }
        }
        ReplicateOptions options = ReplicateOptions.fromVolume(volume.options());
        options = options.withArbiterChild(volume.arbiterInSet());
        if (preferred >= 0 && !volume.options().containsKey("cluster.read-subvolume-index")) {
            options = options.withReadChildPreferred(preferred);
        }
        // A folder a lookup finds in split-brain is settled then, not left to the heal worker.
        SetHealer lookups = new SetHealer(List.copyOf(clients), -1, new HealProgress(),
                FavoriteChildPolicy.NONE, SplitBrainListener.NONE, volume.arbiterInSet(),
                options.quorum());
        Replicate replicate = new Replicate(List.copyOf(clients), options, fanout,
                Clock.system(), recorder, lookups::mergeFolderInSplit);
        for (int i = 0; i < clients.size(); i++) {
            int child = i;
            clients.get(i).addListener((client, connected) -> {
                if (connected) {
                    replicate.childUp(child);
                } else {
                    replicate.childDown(child);
                }
            });
        }
        return replicate;
    }
}
