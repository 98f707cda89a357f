package io.bramble.fs.volume.metrics;

import io.bramble.fs.brick.wire.ServerCounters;
import java.util.List;
import java.util.Optional;

/**
 * What one scrape of a node reads: its bricks of the pool's volumes, what its heal worker
 * did, its brick server's counters (empty before it serves a brick) and the pool's members,
 * itself included. Bounded by the pool's volumes, bricks and members.
 */
public record NodeSample(List<BrickSample> bricks, List<VolumeHealSample> heal,
        long healPasses, Optional<ServerCounters> server, List<MemberSample> members) {
    public NodeSample {
        bricks = List.copyOf(bricks);
        heal = List.copyOf(heal);
        members = List.copyOf(members);
    }
}
