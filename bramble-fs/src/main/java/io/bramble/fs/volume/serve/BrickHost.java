package io.bramble.fs.volume.serve;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import java.io.IOException;

/**
 * Serves bricks on this node: what {@link VolumeService} calls when a volume holding some of
 * this node's bricks starts or stops. Calls come from one thread, one at a time; the
 * volume's options are read at {@link #serve}.
 */
public interface BrickHost {
    /**
     * Starts serving {@code brick} of {@code volume}; returns once clients can reach it.
     *
     * @throws IOException when it cannot be served (the node retries later)
     */
    void serve(VolumeSpec volume, Brick brick) throws IOException;

    /** Stops serving {@code brick}; nothing happens when it is not served. */
    void stop(VolumeSpec volume, Brick brick);

    /** What {@code brick}'s server is doing now; {@link BrickStatus#OFFLINE} if none. */
    BrickStatus status(Brick brick);
}
