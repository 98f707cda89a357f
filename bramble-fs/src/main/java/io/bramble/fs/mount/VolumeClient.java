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
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.replicate.Replicate;
import io.bramble.fs.replicate.ReplicateOptions;
import io.bramble.fs.replicate.StaleRecorder;
import io.bramble.fs.stripe.Stripe;
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

/**
 * A volume as a mount sees it: a brick client per brick, a {@link Replicate} over each replica
 * set, a {@link Stripe} over each group of {@code stripeCount} sets, and a {@link Distribute}
 * over the stripes (or over the sets, without stripe), built from the layout a pool member
 * gave; for a disperse volume, a {@link Disperse} over each disperse set and a distribute
 * over those. With one subvolume there is no distribute; with one copy there is no replicate.
 */
public final class VolumeClient {
    /**
     * How long a mount waits for its first connections to the bricks: a TLS handshake with a
     * node on a busy machine has taken several seconds; a brick that is down costs the mount
     * this wait once.
     */
    static final long FIRST_CONNECT_MS = 15_000;
    /** Files open at once through one disperse set of a mount; more fail with ENFILE. */
    static final int DISPERSE_HANDLES_OPEN_MAX = 65_536;

    private VolumeClient() {
    }

    /**
     * Connects to every brick of {@code spec} and returns the top of the stack once each brick
     * the layout says is online is connected, or {@link #FIRST_CONNECT_MS} have passed: a
     * mount reads and writes at once, and a copy whose connection was still being made would
     * count as down (and miss the first writes). A brick that is down is not waited for; it
     * is reached in the background when it comes back.
     *
     * @param localNode this machine's node, whose copy is read first when it is fresh
     * @param stateDir that node's state directory, whose credentials ask the pool's
     *     tie-breaker of replica-2 sets
     * @param servers the members the layout came from, asked first by the tie-breaker
     */
    public static FileOps open(ClientSpec spec, PoolTls tls, ClientSettings settings,
            Optional<UUID> localNode, Path stateDir, List<String> servers) {
        LinkedHashSet<String> members = new LinkedHashSet<>(servers);
        spec.endpoints().forEach(e -> members.add(e.address()));
        VolumeSpec volume = spec.volume();
        ExecutorService fanout = Executors.newThreadPerTaskExecutor(Thread.ofVirtual()
                .name("replicate-", 0).factory());
        List<Subvolume> sets = new ArrayList<>();
        List<BrickClient> online = new ArrayList<>();
        if (volume.dispersed()) {
            sets = disperseSets(spec, tls, settings, fanout, online);
            awaitFirstConnections(online, FIRST_CONNECT_MS);
            return sets.size() == 1 ? sets.getFirst().ops() : new Distribute(sets);
        }
        for (int set = 0; set < volume.subvolumeCount(); set++) {
            int first = set * volume.replicaCount();
            List<BrickEndpoint> copies = spec.endpoints().subList(first,
                    first + volume.replicaCount());
            // A set with an arbiter has three copies, and the arbiter is its tie-breaker.
            StaleRecorder recorder = volume.replicaCount() == 2
                    ? new PoolStaleRecorder(stateDir, List.copyOf(members), volume.name(), set,
                            Clock.system())
                    : StaleRecorder.NONE;
            sets.add(new Subvolume(volume.name() + "-replicate-" + set,
                    replicaSet(volume, copies, tls, settings, localNode, fanout, recorder,
                            online)));
        }
        awaitFirstConnections(online, FIRST_CONNECT_MS);
        List<Subvolume> subvolumes = volume.stripeCount() > 1 ? stripes(volume, sets) : sets;
        FileOps top = subvolumes.size() == 1
                ? subvolumes.getFirst().ops()
                : new Distribute(subvolumes);
        refusal(volume, online).ifPresent(refused -> {
            top.close();
            throw refused;
        });
        return top;
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

    /** A {@link Disperse} over the bricks of each disperse set, in the volume's order. */
    private static List<Subvolume> disperseSets(ClientSpec spec, PoolTls tls,
            ClientSettings settings, ExecutorService fanout, List<BrickClient> online) {
        VolumeSpec volume = spec.volume();
        List<Subvolume> sets = new ArrayList<>();
        for (int set = 0; set < volume.distributeCount(); set++) {
            int first = set * volume.disperseCount();
            List<BrickClient> clients = connect(volume, spec.endpoints().subList(first, first
                    + volume.disperseCount()), tls, settings, online);
            sets.add(new Subvolume(volume.name() + "-disperse-" + set, new Disperse(List.copyOf(
                    clients), volume.redundancyCount(), fanout, DISPERSE_HANDLES_OPEN_MAX)));
        }
        return sets;
    }

    /** A stripe over each run of {@code stripeCount} consecutive replica sets. */
    private static List<Subvolume> stripes(VolumeSpec volume, List<Subvolume> sets) {
        int blockSizeBytes = VolumeOptions.stripeBlockSizeBytes(volume);
        List<Subvolume> stripes = new ArrayList<>();
        for (int stripe = 0; stripe < volume.distributeCount(); stripe++) {
            List<FileOps> children = sets.subList(stripe * volume.stripeCount(), (stripe + 1)
                    * volume.stripeCount()).stream().map(Subvolume::ops).toList();
            stripes.add(new Subvolume(volume.name() + "-stripe-" + stripe, new Stripe(children,
                    blockSizeBytes)));
        }
        return stripes;
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
    private static List<BrickClient> connect(VolumeSpec volume, List<BrickEndpoint> bricks,
            PoolTls tls, ClientSettings settings, List<BrickClient> awaited) {
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

    private static FileOps replicaSet(VolumeSpec volume, List<BrickEndpoint> copies,
            PoolTls tls, ClientSettings settings, Optional<UUID> localNode,
            ExecutorService fanout, StaleRecorder recorder, List<BrickClient> awaited) {
        List<BrickClient> clients = connect(volume, copies, tls, settings, awaited);
        if (clients.size() == 1) {
            return clients.getFirst();
        }
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
        Replicate replicate = new Replicate(List.copyOf(clients), options, fanout,
                Clock.system(), recorder);
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
