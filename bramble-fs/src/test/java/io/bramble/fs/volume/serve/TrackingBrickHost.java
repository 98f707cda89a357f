package io.bramble.fs.volume.serve;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A brick host for tests of the volume commands: it serves nothing, makes each brick's folder
 * when asked to serve it and remembers which bricks it took on, reported online without a
 * port.
 */
public final class TrackingBrickHost implements BrickHost {
    private final Map<Brick, BrickStatus> served = new ConcurrentHashMap<>();
    private final long pid = ProcessHandle.current().pid();

    @Override
    public void serve(VolumeSpec volume, Brick brick) throws IOException {
        Files.createDirectories(Path.of(brick.path()));
        served.put(brick, new BrickStatus(true, 0, pid));
    }

    @Override
    public void stop(VolumeSpec volume, Brick brick) {
        served.remove(brick);
    }

    @Override
    public BrickStatus status(Brick brick) {
        return served.getOrDefault(brick, BrickStatus.OFFLINE);
    }
}
