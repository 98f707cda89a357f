package io.bramble.fs.volume.metrics;

import io.bramble.fs.brick.profile.BrickCounters;
import io.bramble.fs.brick.profile.BrickTotals;
import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.heal.HealTotals;
import io.bramble.fs.volume.serve.BrickHost;
import io.bramble.fs.volume.serve.VolumeService;
import io.bramble.pool.liveness.PeerState;
import io.bramble.pool.node.PoolNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a node's {@link NodeSample} at each scrape: its bricks of the volumes in its copy of
 * the store, served or not, with what their servers counted; what its heal worker did per
 * volume; the pool's members and whether they are connected. Reads counters and memory only:
 * no disk, no call to another node.
 */
public final class NodeMetrics {
    private final VolumeService volumes;

    public NodeMetrics(VolumeService volumes) {
        this.volumes = volumes;
    }

    public NodeSample sample() {
        PoolNode node = volumes.node();
        BrickHost host = volumes.bricks();
        HealTotals healed = volumes.heal().totals();
        List<BrickSample> bricks = new ArrayList<>();
        List<VolumeHealSample> heal = new ArrayList<>();
        for (VolumeSpec volume : volumes.volumes()) {
            boolean holdsOne = false;
            for (Brick brick : volume.bricks()) {
                if (brick.nodeId().equals(node.id())) {
                    holdsOne = true;
                    bricks.add(brick(host, volume, brick));
                }
            }
            if (holdsOne) {
                HealTotals.Healed of = healed.of(volume.name());
                heal.add(new VolumeHealSample(volume.name(), of.files(), of.bytes()));
            }
        }
        List<MemberSample> members = node.members().all().stream().map(m -> new MemberSample(m
                .hostname(), node.state(m.id()) == PeerState.CONNECTED)).toList();
        return new NodeSample(bricks, heal, healed.passes(), host.serverCounters(), members);
    }

    private static BrickSample brick(BrickHost host, VolumeSpec volume, Brick brick) {
        Optional<BrickCounters> counted = host.counters(brick);
        if (!host.status(brick).online() || counted.isEmpty()) {
            return BrickSample.down(volume.name(), brick.shown());
        }
        BrickTotals totals = counted.get().totals();
        return new BrickSample(volume.name(), brick.shown(), true, host.attached(volume, brick),
                host.pendingCount(brick).orElse(0), totals.bytesRead(), totals.bytesWritten(),
                totals.fops());
    }

    /** The sample as Prometheus text. */
    public String render() {
        return NodeMetricsText.render(sample());
    }
}
