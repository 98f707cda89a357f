package io.bramble.fs.volume.create;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code volume add-brick} lines, read and checked against the volume they grow. */
class AddBrickLineTest {
    private static final VolumeSpec REPLICA_2 = volume(1, 2, false, 2);
    private static final VolumeSpec ARBITER = volume(1, 3, true, 3);
    private static final VolumeSpec STRIPED = volume(2, 2, false, 4);
    private static final VolumeSpec DISPERSE = VolumeSpec.disperse("gv0", UUID.randomUUID(), 3,
            1, VolumeSpec.TRANSPORT_TCP, bricks(3), VolumeStatus.STARTED, Map.of());

    @Test
    void readsTheCountsTheBricksAndForce() {
        AddBrickRequest request = (AddBrickRequest) read(
                "gv0 replica 2 arbiter 1 h3:/b3 h4:/b4// h5:/b5 force");
        assertThat(request.name()).isEqualTo("gv0");
        assertThat(request.replicaCount()).isEqualTo(2);
        assertThat(request.arbiter()).isTrue();
        assertThat(request.stripeCount()).isZero();
        assertThat(request.bricks()).extracting(BrickAddress::shown).containsExactly("h3:/b3",
                "h4:/b4", "h5:/b5");
        assertThat(request.force()).isTrue();
        AddBrickRequest plain = (AddBrickRequest) read("gv0 h3:/b3 h4:/b4");
        assertThat(plain.replicaCount()).isZero();
        assertThat(plain.force()).isFalse();
    }

    @Test
    void refusesLinesThatAreNoRequest() {
        assertThat(refusal("gv0")).isEqualTo("a volume name and at least one brick are needed");
        assertThat(refusal("gv0 replica 2")).isEqualTo("No bricks specified");
        assertThat(refusal("gv0 replica x h3:/b3")).isEqualTo(
                "replica count should be greater than 0");
        assertThat(refusal("gv0 h3:/b3 h3:/b3")).isEqualTo("Found duplicate exports h3:/b3");
        assertThat(refusal("gv0 h3:b3")).isEqualTo(
                "Wrong brick type: h3:b3, use <HOSTNAME>:<export-dir-abs-path>");
    }

    @Test
    void aWholeSetOfTheVolumesShapeFits() {
        assertThat(problem(REPLICA_2, "gv0 h3:/b3 h4:/b4")).isEmpty();
        assertThat(problem(REPLICA_2, "gv0 replica 2 h3:/b3 h4:/b4 h5:/b5 h6:/b6")).isEmpty();
        assertThat(problem(ARBITER, "gv0 replica 2 arbiter 1 h4:/b4 h5:/b5 h6:/b6")).isEmpty();
        assertThat(problem(STRIPED, "gv0 stripe 2 h:/1 h:/2 h:/3 h:/4")).isEmpty();
        assertThat(problem(DISPERSE, "gv0 h:/1 h:/2 h:/3")).isEmpty();
        assertThat(REPLICA_2.withBricksAdded(bricks(2)).type().shown()).isEqualTo(
                "Distributed-Replicate");
        assertThat(REPLICA_2.withBricksAdded(bricks(2)).distributeCount()).isEqualTo(2);
    }

    @Test
    void aPartOfASetIsRefusedInGlustersWords() {
        assertThat(problem(REPLICA_2, "gv0 h3:/b3")).contains(
                "Incorrect number of bricks supplied 1 with count 2");
        assertThat(problem(STRIPED, "gv0 h:/1 h:/2")).contains(
                "Incorrect number of bricks supplied 2 with count 4");
        assertThat(problem(DISPERSE, "gv0 h:/1 h:/2 h:/3 h:/4")).contains(
                "Incorrect number of bricks supplied 4 with count 3");
    }

    @Test
    void anotherShapeIsRefusedSayingWhatToDoInstead() {
        assertThat(problem(REPLICA_2, "gv0 replica 3 h3:/b3 h4:/b4")).hasValueSatisfying(
                m -> assertThat(m).startsWith("not supported by bramble yet: changing the"
                        + " replica count of gv0 from 2 to 3").contains("replica sets of 2"));
        assertThat(problem(ARBITER, "gv0 replica 2 h4:/b4 h5:/b5")).contains(
                "Incorrect replica count (2) supplied. Volume already has (3)");
        assertThat(problem(volume(1, 3, false, 3), "gv0 replica 3 arbiter 1 h:/1 h:/2 h:/3"))
                .hasValueSatisfying(m -> assertThat(m).startsWith(
                        "not supported by bramble yet: making the replica sets of gv0 arbiter"));
        assertThat(problem(REPLICA_2, "gv0 stripe 2 h:/1 h:/2 h:/3 h:/4")).hasValueSatisfying(
                m -> assertThat(m).startsWith("not supported by bramble yet: changing the"
                        + " stripe count of gv0 from 1 to 2"));
        assertThat(problem(DISPERSE, "gv0 replica 3 h:/1 h:/2 h:/3")).hasValueSatisfying(
                m -> assertThat(m).contains("disperse sets of 3 bricks"));
    }

    @Test
    void theVolumeStaysWithinItsBrickBound() {
        VolumeSpec full = volume(1, 2, false, VolumeSpec.BRICKS_MAX);
        assertThat(problem(full, "gv0 h3:/b3 h4:/b4")).hasValueSatisfying(
                m -> assertThat(m).startsWith("a volume has at most " + VolumeSpec.BRICKS_MAX));
    }

    private static Optional<String> problem(VolumeSpec volume, String line) {
        return AddBrickCounts.problem(volume, (AddBrickRequest) read(line));
    }

    private static String refusal(String line) {
        return ((AddBrickLine.Refused) read(line)).message();
    }

    private static AddBrickLine.Result read(String line) {
        return AddBrickLine.read(Arrays.asList(line.split(" ")));
    }

    private static VolumeSpec volume(int stripe, int replica, boolean arbiter, int count) {
        return new VolumeSpec("gv0", UUID.randomUUID(), stripe, replica, arbiter,
                VolumeSpec.TRANSPORT_TCP, bricks(count), VolumeStatus.STARTED, Map.of());
    }

    private static List<Brick> bricks(int count) {
        List<Brick> bricks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bricks.add(new Brick("h" + i, "/b", UUID.randomUUID()));
        }
        return bricks;
    }
}
