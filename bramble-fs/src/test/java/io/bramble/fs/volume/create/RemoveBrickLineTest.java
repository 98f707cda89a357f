package io.bramble.fs.volume.create;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import io.bramble.fs.volume.create.RemoveBrickLine.Action;
import io.bramble.fs.volume.create.RemoveBrickLine.Choice;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RemoveBrickLineTest {
    private static VolumeSpec volume(int bricks, int replica) {
        return new VolumeSpec("gv0", new UUID(1, 1), replica, false, "tcp", IntStream.range(0,
                bricks).mapToObj(i -> new Brick("n" + i, "/b", new UUID(2, i))).toList(),
                VolumeStatus.STARTED, Map.of());
    }

    @Test
    void theLineIsReadAsGlusterReadsIt() {
        assertThat(RemoveBrickLine.read(List.of("gv0", "n1:/b", "n2:/b", "start"))).contains(
                new RemoveBrickLine.Request("gv0", 0, List.of("n1:/b", "n2:/b"), Action.START));
        assertThat(RemoveBrickLine.read(List.of("gv0", "replica", "2", "n1:/b", "force")))
                .contains(new RemoveBrickLine.Request("gv0", 2, List.of("n1:/b"),
                        Action.FORCE));
        assertThat(RemoveBrickLine.read(List.of("gv0", "n1:/b"))).isEmpty();
        assertThat(RemoveBrickLine.read(List.of("gv0", "start"))).isEmpty();
        assertThat(RemoveBrickLine.read(List.of("gv0", "n1:/b", "later"))).isEmpty();
        assertThat(RemoveBrickLine.read(List.of("gv0", "replica", "x", "n1:/b", "start")))
                .isEmpty();
    }

    @Test
    void bricksMustMakeUpWholeSubvolumesAndLeaveOne() {
        assertThat(RemoveBrickLine.subvolumes(volume(3, 1), List.of("n2:/b", "n0:/b")))
                .isEqualTo(new Choice.Subvolumes(List.of(0, 2)));
        assertThat(RemoveBrickLine.subvolumes(volume(3, 1), List.of("n0:/b", "n1:/b",
                "n2:/b"))).isInstanceOf(Choice.Refused.class);
        assertThat(RemoveBrickLine.subvolumes(volume(3, 1), List.of("n0:/b", "n0:/b")))
                .isEqualTo(new Choice.Refused("Found duplicate entry for brick n0:/b"));
        assertThat(RemoveBrickLine.subvolumes(volume(3, 1), List.of("n9:/b"))).isEqualTo(
                new Choice.Refused("Incorrect brick n9:/b for volume gv0"));
        assertThat(RemoveBrickLine.subvolumes(volume(4, 2), List.of("n2:/b", "n3:/b")))
                .isEqualTo(new Choice.Subvolumes(List.of(1)));
        assertThat(RemoveBrickLine.subvolumes(volume(4, 2), List.of("n2:/b"))).isEqualTo(
                new Choice.Refused("Remove brick incorrect brick count of 1 for replica 2"));
        assertThat(RemoveBrickLine.subvolumes(volume(4, 2), List.of("n1:/b", "n2:/b")))
                .isEqualTo(new Choice.Refused("Bricks not from same subvol for replica"));
    }
}
