package io.bramble.fs.volume.create;

import java.util.List;

/**
 * A {@code volume create} line, read and checked for grammar.
 *
 * @param stripeCount the replica sets a file is striped over; 1 for no stripe
 * @param replicaCount 1 for a distribute volume
 * @param arbiter whether the last brick of each replica set of 3 is an arbiter
 * @param disperseCount bricks of each disperse set; 0 for no disperse
 * @param redundancyCount bricks of each disperse set that may be lost; 0 for no disperse
 * @param force whether the line ended with {@code force}
 * @param questions what Gluster asks before it sends such a line (the disperse counts it
 *     chose), without {@code (y/n)}; the line means the same once they are answered yes
 */
public record CreateRequest(String name, int stripeCount, int replicaCount, boolean arbiter,
        int disperseCount, int redundancyCount, String transport, List<BrickAddress> bricks,
        boolean force, List<String> questions) implements CreateLine.Result {
    public CreateRequest {
        bricks = List.copyOf(bricks);
        questions = List.copyOf(questions);
    }
}
