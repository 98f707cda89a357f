package io.bramble.fs.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetiredSetsTest {
    private static VolumeSpec distribute(int bricks) {
        return new VolumeSpec("gv0", new UUID(1, 1), 1, false, "tcp", IntStream.range(0,
                bricks).mapToObj(i -> new Brick("n" + i, "/b" + i, new UUID(2, i))).toList(),
                VolumeStatus.STARTED, Map.of());
    }

    /** Removing a subvolume never renames the ones after it, nor gives its name again. */
    @Test
    void subvolumesKeepTheirNamesWhenOneBeforeThemIsRemoved() {
        VolumeSpec volume = distribute(4);
        VolumeSpec shrunk = volume.withSetsRemoved(List.of(1));
        assertThat(shrunk.bricks()).extracting(Brick::host).containsExactly("n0", "n2", "n3");
        assertThat(SubvolumeNames.all(shrunk)).containsExactly("gv0-replicate-0",
                "gv0-replicate-2", "gv0-replicate-3");
        VolumeSpec grown = shrunk.withBricksAdded(List.of(new Brick("n9", "/b9", new UUID(3,
                3))));
        assertThat(SubvolumeNames.all(grown)).containsExactly("gv0-replicate-0",
                "gv0-replicate-2", "gv0-replicate-3", "gv0-replicate-4");
        assertThat(SubvolumeNames.all(grown.withSetsRemoved(List.of(0, 2)))).containsExactly(
                "gv0-replicate-2", "gv0-replicate-4");
    }

    /** A decommissioned subvolume stays in the volume until it is removed, then is no longer. */
    @Test
    void decommissionedSubvolumesAreMarkedUntilRemoved() {
        VolumeSpec volume = distribute(3).withSetsRemoved(List.of(0));
        VolumeSpec draining = volume.withDecommissioned(List.of(1));
        assertThat(draining.bricks()).isEqualTo(volume.bricks());
        assertThat(draining.isDecommissioned(0)).isFalse();
        assertThat(draining.isDecommissioned(1)).isTrue();
        assertThat(draining.retired()).isEqualTo(new RetiredSets(List.of(0), List.of(2)));
        VolumeSpec removed = draining.withSetsRemoved(List.of(1));
        assertThat(removed.retired()).isEqualTo(new RetiredSets(List.of(0, 2), List.of()));
        assertThat(SubvolumeNames.all(removed)).containsExactly("gv0-replicate-1");
        assertThat(draining.withDecommissioned(List.of()).retired().decommissioned()).isEmpty();
    }

    @Test
    void numbersOutOfOrderOrBeyondTheVolumeAreRefused() {
        assertThatThrownBy(() -> new RetiredSets(List.of(2, 1), List.of())).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetiredSets(List.of(1), List.of(1))).isInstanceOf(
                IllegalArgumentException.class);
        VolumeSpec volume = distribute(2);
        assertThatThrownBy(() -> new VolumeSpec(volume.name(), volume.id(), 1, 1, false, "tcp",
                volume.bricks(), volume.status(), volume.options(), 0, 0, new RetiredSets(List
                        .of(), List.of(2))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
