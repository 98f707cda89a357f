package io.bramble.fs.mount;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import io.bramble.fs.volume.spec.BrickEndpoint;
import io.bramble.fs.volume.spec.ClientSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class GraphChangeTest {
    static final UUID ID = new UUID(1, 2);

    static List<Brick> bricks(int count) {
        List<Brick> bricks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bricks.add(new Brick("host" + i, "/b" + i, new UUID(3, i)));
        }
        return bricks;
    }

    static VolumeSpec replica2(UUID id, List<Brick> bricks) {
        return new VolumeSpec("gv0", id, 2, false, "tcp", bricks, VolumeStatus.STARTED,
                Map.of());
    }

    /** remove-brick's steps are taken on by name; a removal mixed with other changes is not. */
    @Test
    void decommissionedAndRemovedSubvolumesAreTakenOnByName() {
        VolumeSpec running = replica2(ID, bricks(6));
        VolumeSpec draining = running.withDecommissioned(List.of(1));
        assertThat(GraphChange.between(running, draining)).isEqualTo(new GraphChange.Retired(
                java.util.Set.of("gv0-replicate-1"), java.util.Set.of()));
        assertThat(GraphChange.between(draining, running)).isEqualTo(new GraphChange.Retired(
                java.util.Set.of(), java.util.Set.of()));
        VolumeSpec removed = draining.withSetsRemoved(List.of(1));
        assertThat(GraphChange.between(draining, removed)).isEqualTo(new GraphChange.Retired(
                java.util.Set.of(), java.util.Set.of("gv0-replicate-1")));
        assertThat(GraphChange.between(running, removed.withDecommissioned(List.of(1))))
                .isEqualTo(new GraphChange.Retired(java.util.Set.of("gv0-replicate-2"),
                        java.util.Set.of("gv0-replicate-1")));
        assertThat(GraphChange.between(removed, removed.withBricksAdded(bricks(8).subList(6,
                8)))).isEqualTo(new GraphChange.Appended(2));
        VolumeSpec replacedToo = removed.withBrick(0, new Brick("other", "/x", new UUID(4,
                4)));
        assertThat(GraphChange.between(draining, replacedToo)).isInstanceOf(
                GraphChange.Other.class);
    }

    @Test
    void wholeSubvolumesAppendedAreTakenOnAndAnythingElseNeedsARemount() {
        VolumeSpec running = replica2(ID, bricks(2));
        assertThat(GraphChange.between(running, running.withOptions(Map.of("a", "b"))))
                .isEqualTo(new GraphChange.Same());
        assertThat(GraphChange.between(running, replica2(ID, bricks(6)))).isEqualTo(
                new GraphChange.Appended(1));
        VolumeSpec replaced = running.withBrick(1, new Brick("other", "/x", new UUID(4, 4)));
        assertThat(GraphChange.between(running, replaced)).isInstanceOf(
                GraphChange.Other.class);
        assertThat(GraphChange.between(replica2(ID, bricks(4)), running)).isInstanceOf(
                GraphChange.Other.class);
        assertThat(GraphChange.between(running, replica2(new UUID(9, 9), bricks(2))))
                .isInstanceOf(GraphChange.Other.class);
        VolumeSpec plain = new VolumeSpec("gv0", ID, 1, false, "tcp", bricks(2),
                VolumeStatus.STARTED, Map.of());
        assertThat(GraphChange.between(plain, replica2(ID, bricks(4)))).isInstanceOf(
                GraphChange.Other.class);
        assertThat(GraphChange.between(plain, new VolumeSpec("gv0", ID, 1, false, "tcp",
                bricks(3), VolumeStatus.STARTED, Map.of()))).isEqualTo(
                        new GraphChange.Appended(2));
    }

    @Test
    void aWatchPassesFailedFetchesOverAndFollowsWhatItFetches() {
        VolumeSpec volume = replica2(ID, bricks(2));
        ClientSpec spec = new ClientSpec(volume, volume.bricks().stream()
                .map(b -> new BrickEndpoint(b, b.host(), 1, true)).toList());
        List<Object> answers = new ArrayList<>(List.of(new IllegalStateException("down"),
                spec, new IllegalStateException("down again"), spec));
        Supplier<ClientSpec> fetch = () -> {
            Object next = answers.removeFirst();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return (ClientSpec) next;
        };
        List<ClientSpec> followed = new ArrayList<>();
        ScheduledExecutorService idle = Executors.newSingleThreadScheduledExecutor();
        try (SpecWatch watch = SpecWatch.start(fetch, followed::add, idle, 3_600_000)) {
            for (int i = 0; i < 4; i++) {
                watch.poll();
            }
        } finally {
            idle.shutdownNow();
        }
        assertThat(followed).containsExactly(spec, spec);
    }
}
