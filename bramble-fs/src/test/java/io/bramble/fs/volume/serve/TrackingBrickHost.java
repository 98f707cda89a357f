package io.bramble.fs.volume.serve;

import io.bramble.common.time.ManualClock;
import io.bramble.fs.brick.profile.BrickCounters;
import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.option.VolumeOptions;
import io.bramble.fs.volume.status.PendingReportCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A brick host for tests of the volume commands: it serves nothing, makes each brick's folder
 * when asked to serve it and remembers which bricks it took on, reported online without a
 * port. Each brick it serves counts for profile and top what a test tells it, on a clock
 * the test moves.
 */
public final class TrackingBrickHost implements BrickHost {
    private final Map<Brick, BrickStatus> served = new ConcurrentHashMap<>();
    private final Map<Brick, String> pending = new ConcurrentHashMap<>();
    private final Map<Brick, BrickCounters> counters = new ConcurrentHashMap<>();
    private final long pid = ProcessHandle.current().pid();
    /** The clock the bricks' counters run on. */
    public final ManualClock clock = new ManualClock();

    @Override
    public void serve(VolumeSpec volume, Brick brick) throws IOException {
        Files.createDirectories(Path.of(brick.path()));
        served.put(brick, new BrickStatus(true, 0, pid));
        BrickCounters counted = BrickCounters.fresh(clock);
        counted.profiled(VolumeOptions.profiled(volume));
        counters.put(brick, counted);
    }

    @Override
    public void follow(VolumeSpec volume, Brick brick) {
        counters(brick).ifPresent(c -> c.profiled(VolumeOptions.profiled(volume)));
    }

    @Override
    public Optional<BrickCounters> counters(Brick brick) {
        return Optional.ofNullable(counters.get(brick));
    }

    @Override
    public void stop(VolumeSpec volume, Brick brick) {
        served.remove(brick);
        counters.remove(brick);
    }

    /** What {@link #pending} answers for {@code brick} while it is served. */
    public void pendingFor(Brick brick, long count, List<String> paths) {
        pending.put(brick, PendingReportCodec.encode(count, paths));
    }

    @Override
    public Optional<String> pending(Brick brick) {
        return served.containsKey(brick)
                ? Optional.of(pending.getOrDefault(brick, PendingReportCodec.encode(0, List
                        .of())))
                : Optional.empty();
    }

    @Override
    public boolean intact(Brick brick) {
        return !served.containsKey(brick) || Files.isDirectory(Path.of(brick.path()));
    }

    @Override
    public BrickStatus status(Brick brick) {
        return served.getOrDefault(brick, BrickStatus.OFFLINE);
    }
}
