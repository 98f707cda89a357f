package io.bramble.fs.volume.create;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BrickLayoutTest {
    private static final UUID ONE = new UUID(0, 1);
    private static final UUID TWO = new UUID(0, 2);

    private static Brick brick(UUID node, String path) {
        return new Brick(node.equals(ONE) ? "gluster1" : "gluster2", path, node);
    }

    private static VolumeSpec volume(Brick... bricks) {
        return new VolumeSpec("old", UUID.randomUUID(), 1, false, "tcp", List.of(bricks),
                VolumeStatus.CREATED, Map.of());
    }

    @Test
    void aBrickInsideOrAroundAnotherOnTheSameMemberIsNotAvailable() {
        VolumeSpec old = volume(brick(ONE, "/data/brick1/gv0"));
        for (String path : List.of("/data/brick1/gv0", "/data/brick1", "/data/brick1/gv0/sub",
                "/")) {
            assertThat(BrickLayout.overlap(List.of(brick(ONE, path)), List.of(old)))
                    .as(path).contains("Brick: gluster1:" + path + " not available. Brick may"
                            + " be containing or be contained by an existing brick.");
        }
        assertThat(BrickLayout.overlap(List.of(brick(ONE, "/data/brick1/gv01")), List.of(
                old))).isEmpty();
        assertThat(BrickLayout.overlap(List.of(brick(TWO, "/data/brick1/gv0")), List.of(old)))
                .isEmpty();
    }

    @Test
    void newBricksMustNotNestEither() {
        assertThat(BrickLayout.overlap(List.of(brick(ONE, "/a"), brick(TWO, "/a/b"),
                brick(ONE, "/a/b")), List.of())).contains("Brick: gluster1:/a/b not available."
                        + " Brick may be containing or be contained by an existing brick.");
    }

    @Test
    void aReplicaSetWithTwoBricksOnOneMemberIsRefused() {
        List<Brick> bricks = List.of(brick(ONE, "/a"), brick(TWO, "/a"), brick(ONE, "/b"),
                brick(ONE, "/c"));
        assertThat(BrickLayout.sameServer(bricks, 2)).get().asString().startsWith(
                "Multiple bricks of a replicate volume are present on the same server.")
                .endsWith("Use 'force' at the end of the command if you want to override this"
                        + " behavior.");
        assertThat(BrickLayout.sameServer(bricks.subList(0, 2), 2)).isEmpty();
        assertThat(BrickLayout.sameServer(bricks, 1)).isEmpty();
    }

    @Test
    void aDisperseSetWithTwoBricksOnOneMemberIsRefused() {
        List<Brick> bricks = List.of(brick(ONE, "/a"), brick(TWO, "/a"), brick(ONE, "/b"));
        assertThat(BrickLayout.sameServer(bricks, 3, "disperse")).get().asString().startsWith(
                "Multiple bricks of a disperse volume are present on the same server.");
        assertThat(BrickLayout.sameServer(bricks, 3, "disperse")).get().asString().isEqualTo(
                BrickLayout.sameServer(bricks, 3, "replicate").orElseThrow().replace(
                        "replicate", "disperse"));
    }
}
