package io.bramble.fs.volume.create;

import java.util.List;

/**
 * A {@code volume add-brick} line, read and checked for grammar but not yet against the
 * volume.
 *
 * @param replicaCount the replica count typed; 0 when none was
 * @param arbiter whether {@code arbiter 1} followed the replica count
 * @param stripeCount the stripe count typed; 0 when none was
 * @param force whether the line ended with {@code force}
 */
public record AddBrickRequest(String name, int replicaCount, boolean arbiter, int stripeCount,
        List<BrickAddress> bricks, boolean force) implements AddBrickLine.Result {
    public AddBrickRequest {
        bricks = List.copyOf(bricks);
    }
}
