package io.bramble.fs.volume.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServePlanTest {
    private static final UUID SELF = new UUID(0, 1);
    private static final UUID OTHER = new UUID(0, 2);

    private static VolumeSpec volume(String name, VolumeStatus status) {
        return new VolumeSpec(name, UUID.nameUUIDFromBytes(name.getBytes()), 2, false, "tcp",
                List.of(new Brick("g1", "/b/" + name, SELF), new Brick("g2", "/b/" + name,
                        OTHER)),
                status, Map.of());
    }

    @Test
    void servesThisNodesBricksOfStartedVolumesOnly() {
        var steps = ServePlan.plan(Map.of(), List.of(volume("gv0", VolumeStatus.STARTED),
                volume("gv1", VolumeStatus.CREATED), volume("gv2", VolumeStatus.STOPPED)),
                SELF);
        assertThat(steps).hasSize(1);
        assertThat(steps.getFirst()).isInstanceOf(ServePlan.Serve.class);
        assertThat(steps.getFirst().brick().path()).isEqualTo("/b/gv0");
    }

    @Test
    void stopsFirstWhatIsStoppedOrGoneAndLeavesTheRest() {
        VolumeSpec gv0 = volume("gv0", VolumeStatus.STARTED);
        VolumeSpec gv1 = volume("gv1", VolumeStatus.STARTED);
        Map<ServePlan.Key, VolumeSpec> serving = new HashMap<>();
        serving.put(new ServePlan.Key(gv0.id(), "/b/gv0"), gv0);
        serving.put(new ServePlan.Key(gv1.id(), "/b/gv1"), gv1);
        var steps = ServePlan.plan(serving, List.of(gv0.withStatus(VolumeStatus.STOPPED),
                volume("gv3", VolumeStatus.STARTED)), SELF);
        assertThat(steps).extracting(s -> s.getClass().getSimpleName() + " " + s.brick()
                .path()).containsExactlyInAnyOrder("Stop /b/gv0", "Stop /b/gv1",
                        "Serve /b/gv3");
        assertThat(steps.getLast()).isInstanceOf(ServePlan.Serve.class);
        assertThat(ServePlan.plan(serving, List.of(gv0, gv1), SELF)).isEmpty();
    }
}
