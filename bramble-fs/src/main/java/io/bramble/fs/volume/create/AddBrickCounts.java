package io.bramble.fs.volume.create;

import io.bramble.fs.volume.VolumeSpec;
import java.util.Optional;

/**
 * Whether an {@code add-brick} line fits its volume: bramble grows a volume only by whole new
 * subvolumes (replica sets, stripes of replica sets, disperse sets) of the volume's own shape.
 * A line that would change the replica or stripe count, or make the sets arbiters, is refused
 * by name: mounts and heal workers would need to rebuild their replica sets under load.
 */
public final class AddBrickCounts {
    private static final String NOT_YET = "not supported by bramble yet: ";

    private AddBrickCounts() {
    }

    /** Why {@code request} cannot grow {@code volume}, in Gluster's words where it has them. */
    public static Optional<String> problem(VolumeSpec volume, AddBrickRequest request) {
        return shape(volume, request).or(() -> count(volume, request.bricks().size()));
    }

    private static Optional<String> shape(VolumeSpec volume, AddBrickRequest request) {
        String name = volume.name();
        if (volume.dispersed() && (request.replicaCount() > 0 || request.stripeCount() > 0)) {
            return Optional.of("volume " + name + " is a disperse volume: add whole disperse"
                    + " sets of " + volume.disperseCount() + " bricks, without replica or"
                    + " stripe");
        }
        // "replica 2 arbiter 1" is Gluster's newer spelling of "replica 3 arbiter 1".
        int replica = request.arbiter() && request.replicaCount() == 2
                ? 3
                : request.replicaCount();
        if (replica > 0 && replica < volume.replicaCount()) {
            return Optional.of("Incorrect replica count (" + replica + ") supplied. Volume"
                    + " already has (" + volume.replicaCount() + ")");
        }
        if (replica > volume.replicaCount()) {
            return Optional.of(NOT_YET + "changing the replica count of " + name + " from "
                    + volume.replicaCount() + " to " + replica + " with add-brick; add whole"
                    + " replica sets of " + volume.replicaCount() + " bricks, or create a"
                    + " replica " + replica + " volume and copy the files over");
        }
        if (request.arbiter() && !volume.arbiter()) {
            return Optional.of(NOT_YET + "making the replica sets of " + name + " arbiter"
                    + " sets with add-brick; add whole replica sets of "
                    + volume.replicaCount() + " bricks without arbiter");
        }
        if (request.stripeCount() > 0 && request.stripeCount() != volume.stripeCount()) {
            return Optional.of(NOT_YET + "changing the stripe count of " + name + " from "
                    + volume.stripeCount() + " to " + request.stripeCount() + " with"
                    + " add-brick; add whole stripes of " + volume.setSize() + " bricks");
        }
        return Optional.empty();
    }

    private static Optional<String> count(VolumeSpec volume, int added) {
        if (added % volume.setSize() != 0) {
            return Optional.of("Incorrect number of bricks supplied " + added + " with count "
                    + volume.setSize());
        }
        if (volume.bricks().size() + added > VolumeSpec.BRICKS_MAX) {
            return Optional.of("a volume has at most " + VolumeSpec.BRICKS_MAX + " bricks; "
                    + volume.name() + " has " + volume.bricks().size());
        }
        return Optional.empty();
    }
}
