package io.bramble.fs.volume.create;

import java.util.List;

/**
 * A {@code volume create} line, read and checked for grammar.
 *
 * @param stripeCount the replica sets a file is striped over; 1 for no stripe
 * @param replicaCount 1 for a distribute volume
 * @param arbiter whether the last brick of each replica set of 3 is an arbiter
 * @param force whether the line ended with {@code force}
 */
public record CreateRequest(String name, int stripeCount, int replicaCount, boolean arbiter,
        String transport,
        List<BrickAddress> bricks, boolean force) implements CreateLine.Result {
    public CreateRequest {
        bricks = List.copyOf(bricks);
    }
}
