package io.bramble.fs.volume.serve;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeCodec;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.heal.HealService;
import io.bramble.pool.events.PoolEvent;
import io.bramble.pool.node.PoolNode;
import io.bramble.pool.store.Versioned;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The file system's part of {@code bramble node}: keeps this node's {@link BrickHost} serving
 * the bricks it holds of the started volumes. It acts when the store's volumes change, when
 * the node joins or leaves a pool, at start (for volumes started before) and every
 * {@link #RECONCILE_MS}, which retries a brick that failed to start. All of it runs on one
 * thread of its own, so the brick host is called one step at a time.
 */
public final class VolumeService implements AutoCloseable {
    /** How often the served bricks are checked against the store without a change. */
    public static final long RECONCILE_MS = 5_000;
    /** How long closing waits for the brick host to stop every brick. */
    public static final long STOP_MS = 10_000;

    private final PoolNode node;
    private final BrickHost host;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("volumes").daemon().unstarted(r));
    /** What the brick host serves, with the volume it was served as; worker thread only. */
    private final Map<ServePlan.Key, VolumeSpec> serving = new HashMap<>();
    /**
     * Bricks whose failure was logged, with what was logged, so that a retry every few seconds
     * logs a failure once, and again when its reason changes.
     */
    private final Map<ServePlan.Key, String> failing = new HashMap<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private HealService heal;
    private volatile boolean closed;

    private VolumeService(PoolNode node, BrickHost host) {
        this.node = node;
        this.host = host;
    }

    /** Starts following the store of {@code node}; serves what is started already. */
    public static VolumeService start(PoolNode node, BrickHost host) {
        VolumeService service = new VolumeService(node, host);
        service.heal = HealService.start(node, host, service::volumes);
        node.subscribe(service::onEvent);
        service.worker.scheduleWithFixedDelay(service::reconcileGuarded, 0, RECONCILE_MS,
                TimeUnit.MILLISECONDS);
        return service;
    }

    public PoolNode node() {
        return node;
    }

    public BrickHost bricks() {
        return host;
    }

    /** The node's heal worker. */
    public HealService heal() {
        return heal;
    }

    /**
     * The volumes in this node's copy of the store, by name; none when it is in no pool, or a
     * witness.
     */
    public List<VolumeSpec> volumes() {
        if (node.isWitness()) {
            return List.of(); // a witness keeps the records' keys, not their values
        }
        return node.store().map(s -> s.list(VolumeCodec.TYPE).stream().map(Versioned::value)
                .sorted(Comparator.comparing(VolumeSpec::name)).toList()).orElse(List.of());
    }

    private void onEvent(PoolEvent event) {
        boolean relevant = switch (event) {
            case PoolEvent.RecordsChanged r -> r.type().isEmpty()
                    || r.type().equals(VolumeCodec.TYPE.name());
            case PoolEvent.MembershipChanged m -> true;
            default -> false;
        };
        if (relevant) {
            reconcileSoon();
        }
    }

    /** Checks the served bricks against the store on the service's thread, once, soon. */
    public void reconcileSoon() {
        if (!closed && scheduled.compareAndSet(false, true)) {
            worker.execute(() -> {
                scheduled.set(false);
                reconcileGuarded();
            });
        }
    }

    private void reconcileGuarded() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            node.log().event("volumes: internal error, carrying on: " + e);
        }
    }

    private void reconcile() {
        if (closed) {
            return;
        }
        List<VolumeSpec> volumes = volumes();
        dropBricksWithoutTheirFolder();
        for (ServePlan.Step step : ServePlan.plan(serving, volumes, node.id())) {
            switch (step) {
                case ServePlan.Stop stop -> stop(stop);
                case ServePlan.Serve serve -> serve(serve);
            }
        }
        for (VolumeSpec v : volumes) {
            List<Brick> served = v.bricks().stream().filter(b -> serving.containsKey(
                    new ServePlan.Key(v.id(), b.path()))).toList();
            served.forEach(b -> {
                owner(v, b.path());
                host.follow(v, b);
            });
            if (!served.isEmpty()) {
                host.admit(v);
            }
        }
    }

    /**
     * Stops serving a brick whose folder was removed or replaced under the node (Gluster's
     * posix health check): clients then go on with the other copies, and the brick is served
     * again once its folder is back (its disk mounted again), through the usual retries.
     */
    private void dropBricksWithoutTheirFolder() {
        for (Map.Entry<ServePlan.Key, VolumeSpec> entry : List.copyOf(serving.entrySet())) {
            VolumeSpec volume = entry.getValue();
            volume.bricks().stream().filter(b -> b.nodeId().equals(node.id()) && b.path()
                    .equals(entry.getKey().path()) && !host.intact(b)).findFirst().ifPresent(
                            brick -> {
                                host.stop(volume, brick);
                                serving.remove(entry.getKey());
                                node.log().event("volume " + volume.name() + ": brick "
                                        + brick.shown() + " is no longer served: its folder"
                                        + " was removed or replaced under the node; clients"
                                        + " go on with the other copies");
                            });
        }
    }

    private void serve(ServePlan.Serve step) {
        try {
            host.admit(step.volume()); // before the brick is reachable
            host.serve(step.volume(), step.brick());
            serving.put(step.key(), step.volume());
            failing.remove(step.key());
            node.log().event("volume " + step.volume().name() + ": serving brick "
                    + step.brick().shown());
            heal.brickBack(step.volume(), step.brick());
        } catch (IOException | RuntimeException e) {
            String why = "volume " + step.volume().name() + ": brick " + step.brick().shown()
                    + " did not start (" + e.getMessage() + "); retrying every "
                    + RECONCILE_MS / 1000 + " s";
            if (!why.equals(failing.put(step.key(), why))) {
                node.log().event(why);
            }
        }
    }

    private void stop(ServePlan.Stop step) {
        try {
            host.stop(step.volume(), step.brick());
        } catch (RuntimeException e) {
            node.log().event("volume " + step.volume().name() + ": brick "
                    + step.brick().shown() + " did not stop cleanly: " + e);
        }
        serving.remove(step.key());
        failing.remove(step.key());
        node.log().event("volume " + step.volume().name() + ": stopped brick "
                + step.brick().shown());
    }

    private void owner(VolumeSpec volume, String path) {
        try {
            if (BrickOwner.apply(volume, Path.of(path))) {
                node.log().event("volume " + volume.name() + ": brick " + path
                        + " now owned as storage.owner-uid/gid say");
            }
        } catch (IOException | RuntimeException e) {
            String why = "volume " + volume.name() + ": cannot set the owner of " + path + ": "
                    + e.getMessage();
            if (!why.equals(failing.put(new ServePlan.Key(volume.id(), path), why))) {
                node.log().event(why);
            }
        }
    }

    /** Stops every brick this node serves (they start again with the node), then itself. */
    @Override
    public void close() {
        closed = true;
        heal.close();
        try {
            worker.submit(() -> Map.copyOf(serving).forEach((key, volume) -> volume.bricks()
                    .stream().filter(b -> b.path().equals(key.path()) && b.nodeId().equals(
                            node.id()))
                    .findFirst().ifPresent(b -> stop(new ServePlan.Stop(
                            volume, b)))))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            node.log().event("volumes: bricks did not all stop in 10 s: " + e);
        }
        worker.shutdownNow();
    }
}
