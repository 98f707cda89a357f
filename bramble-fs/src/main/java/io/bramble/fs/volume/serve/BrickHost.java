package io.bramble.fs.volume.serve;

import io.bramble.fs.brick.PendingFile;
import io.bramble.fs.brick.profile.BrickCounters;
import io.bramble.fs.brick.wire.ServerCounters;
import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

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

    /**
     * Applies {@code volume}'s {@code auth.allow} and {@code auth.reject} to the connections
     * to its bricks served here, those attached already included; called after each change
     * of the volume's record.
     */
    default void admit(VolumeSpec volume) {
    }

    /** Stops serving {@code brick}; nothing happens when it is not served. */
    void stop(VolumeSpec volume, Brick brick);

    /**
     * Whether {@code brick}'s folder is still the one its server opened; true when it is not
     * served. A brick whose folder was removed or replaced must stop being served.
     */
    boolean intact(Brick brick);

    /** What {@code brick}'s server is doing now; {@link BrickStatus#OFFLINE} if none. */
    BrickStatus status(Brick brick);

    /**
     * The text of {@code brick}'s {@link io.bramble.fs.volume.status.PendingReport} (its
     * index of marked files, {@link io.bramble.fs.volume.status.PendingReportCodec}); empty
     * when the brick is not served here.
     *
     * @throws IOException when the index cannot be read
     */
    Optional<String> pending(Brick brick) throws IOException;

    /**
     * Up to {@code entriesMax} files of {@code brick}'s index of marked files, for its heal;
     * empty when the brick is not served here.
     *
     * @throws IOException when the index cannot be read
     */
    default Optional<List<PendingFile>> pendingFiles(Brick brick, int entriesMax)
            throws IOException {
        return Optional.empty();
    }

    /**
     * {@code brick}'s files as this node serves them, for its heal worker to read without a
     * connection to itself; empty when the brick is not served here.
     */
    default Optional<io.bramble.fs.ops.FileOps> served(Brick brick) {
        return Optional.empty();
    }

    /**
     * Follows a change of {@code volume}'s options in the served {@code brick} (its
     * profile is started and stopped with the volume's diagnostics options); nothing when it
     * is not served here.
     */
    default void follow(VolumeSpec volume, Brick brick) {
    }

    /** What the served {@code brick} counts for profile and top; empty when not served here. */
    default Optional<BrickCounters> counters(Brick brick) {
        return Optional.empty();
    }

    /**
     * Files {@code brick}'s index of marked files holds, counted in memory (no listing);
     * empty when the brick is not served here.
     */
    default OptionalLong pendingCount(Brick brick) {
        return OptionalLong.empty();
    }

    /** Client connections attached to {@code brick}; 0 when it is not served here. */
    default int attached(VolumeSpec volume, Brick brick) {
        return 0;
    }

    /** What the brick server handled since it started; empty before it serves a brick. */
    default Optional<ServerCounters> serverCounters() {
        return Optional.empty();
    }
}
