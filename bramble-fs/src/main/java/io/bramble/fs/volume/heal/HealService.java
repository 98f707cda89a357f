package io.bramble.fs.volume.heal;

import io.bramble.fs.brick.PendingFile;
import io.bramble.fs.brick.wire.PoolTls;
import io.bramble.fs.disperse.Disperse;
import io.bramble.fs.disperse.DisperseHeal;
import io.bramble.fs.heal.FavoriteChildPolicy;
import io.bramble.fs.heal.HealOutcome;
import io.bramble.fs.heal.HealProgress;
import io.bramble.fs.heal.HealRun;
import io.bramble.fs.heal.SetHealer;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.DirPage;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.replicate.ReplicateOptions;
import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.StaleCopies;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import io.bramble.fs.volume.option.VolumeOptions;
import io.bramble.fs.volume.serve.BrickHost;
import io.bramble.fs.volume.spec.BrickEndpoint;
import io.bramble.fs.volume.spec.ClientSpec;
import io.bramble.fs.volume.spec.ClientSpecText;
import io.bramble.pool.member.Member;
import io.bramble.pool.wire.Message.CommandReply;
import io.bramble.pool.node.PoolNode;
import io.bramble.pool.store.ClusterStore;
import io.bramble.pool.store.Versioned;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The heal worker of a node. Every {@link #PASS_MS}, and at once when asked ({@code volume heal
 * NAME}), it heals the files each of the node's replicated bricks lists in its index, through a
 * {@link SetHealer} over connections to every copy of the brick's set. A full heal
 * ({@code volume heal NAME full}) walks the brick's whole tree instead, for marks an index
 * lost. For replica 2, once the brick's index is empty and the other copy connected, it takes
 * back the pool's record that the other copy is stale. Each pass that healed something is
 * logged with what it did and what is left. Files in split-brain are settled by the volume's
 * {@code cluster.favorite-child-policy}, read at each pass, and each one settled is logged
 * with the copy chosen and what the others held. The bricks of a disperse volume are healed
 * the same way, each listed path through a {@link DisperseHeal} over the brick's disperse set.
 */
public final class HealService implements AutoCloseable {
    public static final long PASS_MS = 1_000;
    /** The member's command that starts its heal pass now: {@code volume heal-start NAME}. */
    public static final String START_VERB = "heal-start";
    /** How often a pass that runs longer logs how far it got. */
    static final long PROGRESS_MS = 2_000;
    /** Index entries healed in one pass of one brick. */
    static final int FILES_PER_PASS = 10_000;
    private static final long SPEC_CALL_MS = 5_000;
    private static final long CONNECT_MS = 3_000;
    /** How long a member asked to heal now has to answer. */
    private static final long ASK_MS = 2_000;
    /** Files a disperse heal opens at once: one, and a margin. */
    private static final int DISPERSE_HANDLES_MAX = 16;

    private final PoolNode node;
    private final BrickHost host;
    private final Supplier<List<VolumeSpec>> volumes;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("heal").daemon().unstarted(r));
    /** By volume id and set; worker thread only. */
    private final Map<String, SetConnections> connections = new HashMap<>();
    /** When stale records may be taken back; worker thread only. */
    private final StaleReleases releases = new StaleReleases();
    private final Set<String> fullAsked = ConcurrentHashMap.newKeySet();
    /** Runs a disperse heal's calls to the bricks of a set at once. */
    private final ExecutorService fanout = Executors.newThreadPerTaskExecutor(Thread
            .ofVirtual().name("heal-disperse-", 0).factory());
    private final HealProgress progress = new HealProgress();
    private final HealTotals totals = new HealTotals();
    /** Logs the progress of a long pass while the worker is busy with it. */
    private final ScheduledExecutorService reporter = Executors
            .newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("heal-progress")
                    .daemon().unstarted(r));
    private volatile Running running;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean closed;

    private HealService(PoolNode node, BrickHost host, Supplier<List<VolumeSpec>> volumes) {
        this.node = node;
        this.host = host;
        this.volumes = volumes;
    }

    public static HealService start(PoolNode node, BrickHost host,
            Supplier<List<VolumeSpec>> volumes) {
        HealService service = new HealService(node, host, volumes);
        service.worker.scheduleWithFixedDelay(service::passGuarded, PASS_MS, PASS_MS,
                TimeUnit.MILLISECONDS);
        service.reporter.scheduleWithFixedDelay(service::reportProgress, PROGRESS_MS,
                PROGRESS_MS, TimeUnit.MILLISECONDS);
        return service;
    }

    /** Starts a pass now; with {@code full}, one that walks every file of {@code volume}. */
    public void healSoon(String volume, boolean full) {
        if (full) {
            fullAsked.add(volume);
        }
        if (!closed && scheduled.compareAndSet(false, true)) {
            worker.execute(() -> {
                scheduled.set(false);
                passGuarded();
            });
        }
    }

    /**
     * Asks the members holding the other copies of {@code brick}'s replica set, which this
     * node serves again, to start a heal pass now rather than at their next: what they
     * marked while it was away is healed at once. Runs in the background; a member that does
     * not answer heals at its next pass anyway.
     */
    public void brickBack(VolumeSpec volume, Brick brick) {
        int index = volume.bricks().indexOf(brick);
        if (closed || index < 0 || !healed(volume)) {
            return;
        }
        int size = volume.healSetSize();
        int first = index / size * size;
        List<java.util.UUID> peers = volume.bricks().subList(first, first + size).stream().map(
                Brick::nodeId).filter(id -> !id.equals(node.id())).distinct().toList();
        Thread.ofVirtual().name("heal-ask").start(() -> {
            for (java.util.UUID peer : peers) {
                node.members().byId(peer).ifPresent(member -> {
                    try {
                        node.runOn(member, List.of("volume", START_VERB, volume.name()),
                                ASK_MS);
                    } catch (IOException | RuntimeException e) {
                        // it heals at its next pass
                    }
                });
            }
        });
    }

    /** What this node's heals did since it started. */
    public HealProgress progress() {
        return progress;
    }

    /** What this node's heals did since it started, per volume, for its metrics. */
    public HealTotals totals() {
        return totals;
    }

    /**
     * How far the pass healing from {@code brick} got, while one runs: for {@code volume heal
     * NAME info}.
     */
    public Optional<HealRun> running(Brick brick) {
        Running now = running;
        return now == null || !now.brick.equals(brick)
                ? Optional.empty()
                : Optional.of(now.run(
                        progress));
    }

    /**
     * A pass in progress: where it heals from, the counts when it started, and the size of the
     * files it listed, read on this copy the first time someone asks how far it got (a pass
     * nobody watches reads none).
     */
    private static final class Running {
        private final String volume;
        private final Brick brick;
        private final long startedNs;
        private final long filesBefore;
        private final long bytesBefore;
        private final FileOps mine;
        private final List<PendingFile> files;
        private long bytesToCopy = -1;

        Running(String volume, Brick brick, HealProgress progress, FileOps mine,
                List<PendingFile> files) {
            this.volume = volume;
            this.brick = brick;
            this.startedNs = System.nanoTime();
            this.filesBefore = progress.filesHealed();
            this.bytesBefore = progress.bytesCopied();
            this.mine = mine;
            this.files = files;
        }

        private synchronized long bytesToCopy() {
            if (bytesToCopy < 0) {
                bytesToCopy = sizeOf(mine, files);
            }
            return bytesToCopy;
        }

        HealRun run(HealProgress progress) {
            return new HealRun(files.size(), Math.max(0, progress.filesHealed() - filesBefore),
                    bytesToCopy(), Math.max(0, progress.bytesCopied() - bytesBefore), Math.max(
                            0, (System.nanoTime() - startedNs) / 1_000_000));
        }
    }

    /** Logs how far the pass running for a while got: files, bytes, rate and time left. */
    private void reportProgress() {
        Running now = running;
        if (now == null) {
            return;
        }
        if ((System.nanoTime() - now.startedNs) / 1_000_000 >= PROGRESS_MS) {
            node.log().event("volume " + now.volume + ": healing from " + now.brick.shown()
                    + ": " + now.run(progress).shown());
        }
    }

    private void passGuarded() {
        try {
            pass();
        } catch (RuntimeException e) {
            node.log().event("heal: internal error, carrying on: " + e);
        }
    }

    private void pass() {
        totals.passed();
        for (VolumeSpec volume : volumes.get()) {
            if (closed) {
                return;
            }
            if (!healed(volume) || volume.status() != VolumeStatus.STARTED) {
                continue;
            }
            boolean full = fullAsked.remove(volume.name());
            List<Brick> bricks = volume.bricks();
            for (int i = 0; i < bricks.size(); i++) {
                if (bricks.get(i).nodeId().equals(node.id())) {
                    if (volume.dispersed()) {
                        healDisperseBrick(volume, i, full);
                    } else {
                        healBrick(volume, i, full);
                    }
                }
            }
        }
    }

    /** Whether a volume's bricks are healed: replicated or disperse ones. */
    private static boolean healed(VolumeSpec volume) {
        return volume.replicaCount() >= 2 || volume.dispersed();
    }

    /** The files {@code brick}'s index lists; empty when there is nothing to heal from it. */
    private Optional<List<PendingFile>> pending(VolumeSpec volume, Brick brick) {
        try {
            return host.pendingFiles(brick, FILES_PER_PASS);
        } catch (IOException e) {
            node.log().event("volume " + volume.name() + ": heal: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Heals the paths a brick of a disperse volume lists, folders nearest the root first,
     * through a {@link DisperseHeal} over the bricks of its set (this node's brick without
     * TLS). Of the bricks that list a path, the first that answers heals it. With
     * {@code full}, the first brick of the set that answers walks its whole tree first.
     */
    private void healDisperseBrick(VolumeSpec volume, int brickIndex, boolean full) {
        Brick brick = volume.bricks().get(brickIndex);
        int set = brickIndex / volume.disperseCount();
        int local = brickIndex % volume.disperseCount();
        List<PendingFile> files = pending(volume, brick).orElse(List.of());
        Optional<SetConnections> connected = files.isEmpty() && !full
                ? Optional.empty()
                : connections(volume, set);
        if (connected.isEmpty()) {
            return;
        }
        List<FileOps> ops = new java.util.ArrayList<>(connected.get().ops());
        host.served(brick).ifPresent(mine -> ops.set(local, mine));
        DisperseHeal heal = new Disperse(ops, volume.redundancyCount(), fanout,
                DISPERSE_HANDLES_MAX).pathHealer(progress);
        long started = System.nanoTime();
        long bytesBefore = progress.bytesCopied();
        running = new Running(volume.name(), brick, progress, ops.get(local), files);
        Map<HealOutcome, Integer> outcomes = new EnumMap<>(HealOutcome.class);
        boolean walked = false;
        try {
            if (full) {
                walked = heal.healTree(FsPath.ROOT, local, outcome -> outcomes.merge(outcome, 1,
                        Integer::sum));
            }
            for (PendingFile file : files.stream().sorted(java.util.Comparator.comparingInt(
                    (PendingFile f) -> f.path().names().size())).toList()) {
                outcomes.merge(healPath(heal, file.path(), local), 1, Integer::sum);
            }
        } finally {
            running = null;
        }
        int healed = outcomes.getOrDefault(HealOutcome.HEALED, 0);
        totals.healed(volume.name(), healed, progress.bytesCopied() - bytesBefore);
        if (healed > 0 || walked) {
            node.log().event("volume " + volume.name() + ": heal from " + brick.shown() + ": "
                    + healed + " healed, " + (progress.bytesCopied() - bytesBefore)
                    + " fragment bytes rebuilt in " + (System.nanoTime() - started) / 1_000_000
                    + " ms" + (walked ? " (full)" : "") + "; left: " + left(outcomes));
        }
        if (healed > 0 && anyLeft(outcomes)) {
            healSoon(volume.name(), false);
        }
    }

    private void healBrick(VolumeSpec volume, int brickIndex, boolean full) {
        Brick brick = volume.bricks().get(brickIndex);
        int set = brickIndex / volume.replicaCount();
        int local = brickIndex % volume.replicaCount();
        Optional<List<PendingFile>> listed = pending(volume, brick);
        if (listed.isEmpty()) {
            return;
        }
        List<PendingFile> files = listed.get();
        if (files.isEmpty() && !full && !staleRecorded(volume, set)) {
            return;
        }
        Optional<SetConnections> set0 = connections(volume, set);
        if (set0.isEmpty()) {
            return;
        }
        SetConnections copies = set0.get();
        List<FileOps> ops = new java.util.ArrayList<>(copies.ops());
        host.served(brick).ifPresent(mine -> ops.set(local, mine)); // no TLS to itself
        FavoriteChildPolicy policy = VolumeOptions.favoriteChildPolicy(volume);
        SetHealer healer = new SetHealer(ops, local, progress, policy,
                (path, source, attrs) -> logSettled(volume, set, policy, path, source, attrs),
                volume.arbiterInSet(), ReplicateOptions.fromVolume(volume.options()).quorum());
        long started = System.nanoTime();
        long bytesBefore = progress.bytesCopied();
        running = new Running(volume.name(), brick, progress, ops.get(local), files);
        Map<HealOutcome, Integer> outcomes = new EnumMap<>(HealOutcome.class);
        if (full) {
            healer.healTree(ops.get(local), FsPath.ROOT, outcome -> outcomes.merge(outcome, 1,
                    Integer::sum));
        }
        healer.healAll(files.stream().map(PendingFile::path).toList())
                .forEach(outcome -> outcomes.merge(outcome, 1, Integer::sum));
        running = null;
        int healed = outcomes.getOrDefault(HealOutcome.HEALED, 0);
        totals.healed(volume.name(), healed, progress.bytesCopied() - bytesBefore);
        if (healed > 0 || full) {
            long ms = (System.nanoTime() - started) / 1_000_000;
            node.log().event("volume " + volume.name() + ": heal from " + brick.shown() + ": "
                    + healed + " healed, " + (progress.bytesCopied() - bytesBefore)
                    + " bytes copied in " + ms + " ms" + (full ? " (full)" : "") + "; left: "
                    + left(outcomes));
        }
        if (healed > 0 && anyLeft(outcomes)) {
            healSoon(volume.name(), false); // what waited on a folder just made goes on now
        }
        if (volume.replicaCount() == 2 && outcomes.isEmpty() && files.isEmpty()) {
            releaseStaleRecord(volume, set, local, copies);
        } else if (volume.replicaCount() == 2) {
            releases.notHealed(StaleCopies.key(volume.name(), set));
        }
    }

    /** What {@code path}'s heal came to; a failure leaves it for a later pass. */
    private static HealOutcome healPath(DisperseHeal heal, FsPath path, int local) {
        try {
            return heal.heal(path, local);
        } catch (FsException e) {
            return e.errno() == io.bramble.fs.ops.Errno.ENOENT
                    ? HealOutcome.GONE
                    : HealOutcome.WAITING;
        }
    }

    /** What the data of {@code files} takes on this copy: what their heal copies at most. */
    private static long sizeOf(FileOps mine, List<PendingFile> files) {
        long bytes = 0;
        for (PendingFile file : files) {
            try {
                Attr attr = mine.getattr(Caller.ROOT, file.path());
                if (attr.type() == FileType.REGULAR) {
                    bytes += attr.sizeBytes();
                }
            } catch (FsException e) {
                // gone or moved since it was listed: nothing of it to copy
            }
        }
        return bytes;
    }

    /**
     * Logs a file in split-brain that {@code policy} settled: which copy won, and what the
     * others held, which is gone from them now.
     */
    private void logSettled(VolumeSpec volume, int set, FavoriteChildPolicy policy, FsPath path,
            int source, List<Attr> attrs) {
        int first = set * volume.replicaCount();
        StringBuilder others = new StringBuilder();
        for (int i = 0; i < attrs.size(); i++) {
            if (i != source) {
                others.append(others.isEmpty() ? "" : ", ").append(volume.bricks().get(first + i)
                        .shown()).append(' ').append(shown(attrs.get(i)));
            }
        }
        node.log().event("volume " + volume.name() + ": " + path + " was in split-brain; "
                + VolumeOptions.FAVORITE_CHILD_POLICY + " " + policy.value() + " chose the copy"
                + " on " + volume.bricks().get(first + source).shown() + " (" + shown(attrs.get(
                        source))
                + ") and healed the others from it: " + others);
    }

    private static String shown(Attr attr) {
        return attr.sizeBytes() + " bytes, modified " + Instant.ofEpochSecond(0, attr.mtimeNs());
    }

    private static final List<HealOutcome> LEFT = List.of(HealOutcome.BUSY,
            HealOutcome.WAITING, HealOutcome.SPLIT_BRAIN);

    /** Whether files are left for a later pass: changed each time, waiting, split-brain. */
    private static boolean anyLeft(Map<HealOutcome, Integer> outcomes) {
        return LEFT.stream().anyMatch(outcomes::containsKey);
    }

    private static String left(Map<HealOutcome, Integer> outcomes) {
        StringBuilder text = new StringBuilder();
        for (HealOutcome waiting : LEFT) {
            int n = outcomes.getOrDefault(waiting, 0);
            if (n > 0) {
                text.append(text.isEmpty() ? "" : ", ").append(n).append(' ').append(waiting.name()
                        .toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            }
        }
        return text.isEmpty() ? "none" : text.toString();
    }

    private boolean staleRecorded(VolumeSpec volume, int set) {
        return node.store().flatMap(s -> s.get(StaleCopies.TYPE, StaleCopies.key(volume.name(),
                set))).isPresent();
    }

    /**
     * Takes back the record that the other copy of a replica-2 set is stale, once this copy's
     * index holds nothing against it and both copies are connected, and were so with the
     * record unchanged {@link StaleCopies#RELEASE_WAIT_MS} before ({@link StaleReleases}):
     * clients then write to both, and either may be read.
     */
    private void releaseStaleRecord(VolumeSpec volume, int set, int local,
            SetConnections copies) {
        Optional<ClusterStore> store = node.store();
        String key = StaleCopies.key(volume.name(), set);
        if (store.isEmpty() || !copies.allConnected()) {
            releases.notHealed(key);
            return;
        }
        Optional<Versioned<Integer>> record = store.get().get(StaleCopies.TYPE, key);
        if (record.isEmpty() || record.get().value() == local) {
            releases.notHealed(key);
            return;
        }
        if (!releases.healed(key, record.get().version(), System.nanoTime())) {
            return;
        }
        releases.notHealed(key);
        try {
            store.get().delete(StaleCopies.TYPE, key, record.get().version());
            node.log().event("volume " + volume.name() + ": copy " + record.get().value()
                    + " of replica set " + set + " is healed: it is no longer recorded stale");
        } catch (RuntimeException e) {
            node.log().event("volume " + volume.name() + ": heal: cannot take back the stale"
                    + " record of set " + set + " yet: " + e.getMessage());
        }
    }

    /** Connections to the copies of {@code set}, made again when the layout moved them. */
    private Optional<SetConnections> connections(VolumeSpec volume, int set) {
        String key = volume.id() + "/" + set;
        SetConnections known = connections.get(key);
        if (known != null && !known.incomplete()) {
            return Optional.of(known);
        }
        Optional<List<BrickEndpoint>> endpoints = endpoints(volume, set);
        if (endpoints.isEmpty()) {
            return Optional.ofNullable(known);
        }
        if (known != null && known.leadTo(endpoints.get())) {
            return Optional.of(known);
        }
        if (known != null) {
            known.close();
        }
        Optional<PoolTls> tls = node.membership().map(PoolTls::of);
        if (tls.isEmpty()) {
            return Optional.empty();
        }
        SetConnections made = SetConnections.open(volume.name(), endpoints.get(), tls.get());
        connections.put(key, made);
        try {
            made.awaitConnected(CONNECT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.of(made);
    }

    /** Where the copies of {@code set} are served, from this node's answer to getspec. */
    private Optional<List<BrickEndpoint>> endpoints(VolumeSpec volume, int set) {
        Optional<Member> self = node.members().byId(node.id());
        if (self.isEmpty()) {
            return Optional.empty();
        }
        try {
            CommandReply reply = node.runOn(self.get(), List.of("volume", "getspec", volume
                    .name()), SPEC_CALL_MS);
            if (reply.exitCode() != 0) {
                return Optional.empty();
            }
            Optional<ClientSpec> spec = ClientSpecText.decode(reply.out());
            int size = volume.healSetSize();
            return spec.map(s -> s.endpoints().subList(set * size, (set + 1) * size));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        closed = true;
        reporter.shutdownNow();
        worker.shutdownNow();
        fanout.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.values().forEach(SetConnections::close);
        connections.clear();
    }
}
