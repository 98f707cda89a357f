package io.bramble.fs.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.pool.wire.MalformedFrameException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class VolumeCodecTest {
    private static final VolumeCodec CODEC = new VolumeCodec();

    static VolumeSpec sample() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("nfs.disable", "on");
        options.put("network.ping-timeout", "10");
        return new VolumeSpec("gv0", UUID.randomUUID(), 3, true, "tcp", List.of(
                new Brick("gluster1.local", "/data/brick1/gv0", UUID.randomUUID()),
                new Brick("gluster2.local", "/data/brick1/gv0", UUID.randomUUID()),
                new Brick("192.168.0.3", "/srv/arbiter", UUID.randomUUID())),
                VolumeStatus.STARTED, options);
    }

    @Test
    void aVolumeComesBackAsItWasOptionsInOrder() throws MalformedFrameException {
        VolumeSpec volume = sample();
        VolumeSpec back = CODEC.decode(CODEC.encode(volume));
        assertThat(back).isEqualTo(volume);
        assertThat(back.options().keySet()).containsExactly("nfs.disable",
                "network.ping-timeout");
    }

    /** A striped volume takes format 2; the others stay in format 1, which any bramble reads. */
    @Test
    void aStripedVolumeComesBackWithItsStripeCount() throws MalformedFrameException {
        VolumeSpec plain = sample();
        VolumeSpec striped = new VolumeSpec(plain.name(), plain.id(), 3, 1, false, "tcp",
                plain.bricks(), VolumeStatus.STARTED, plain.options());
        byte[] bytes = CODEC.encode(striped);
        assertThat(bytes[0]).isEqualTo((byte) 2);
        assertThat(CODEC.encode(plain)[0]).isEqualTo((byte) 1);
        VolumeSpec back = CODEC.decode(bytes);
        assertThat(back).isEqualTo(striped);
        assertThat(back.type()).isEqualTo(VolumeType.STRIPE);
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> CODEC.decode(cut)).isInstanceOf(
                    MalformedFrameException.class);
        }
    }

    /** Removed and decommissioned subvolumes flag the format, so an older bramble refuses it. */
    @Test
    void aShrinkingVolumeComesBackWithItsRetiredSubvolumes() throws MalformedFrameException {
        VolumeSpec plain = new VolumeSpec("gv0", UUID.randomUUID(), 1, false, "tcp", List.of(
                new Brick("a", "/a", UUID.randomUUID()), new Brick("b", "/b", UUID.randomUUID()),
                new Brick("c", "/c", UUID.randomUUID())), VolumeStatus.STARTED, Map.of());
        VolumeSpec shrinking = plain.withSetsRemoved(List.of(0)).withDecommissioned(List.of(1));
        byte[] bytes = CODEC.encode(shrinking);
        assertThat(bytes[0]).isEqualTo((byte) (VolumeCodec.FORMAT | VolumeCodec.RETIRED_FLAG));
        VolumeSpec back = CODEC.decode(bytes);
        assertThat(back).isEqualTo(shrinking);
        assertThat(back.retired()).isEqualTo(new RetiredSets(List.of(0), List.of(2)));
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> CODEC.decode(cut)).isInstanceOf(
                    MalformedFrameException.class);
        }
    }

    @Test
    void everyCutOfAValidRecordIsRefused() {
        byte[] bytes = CODEC.encode(sample());
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> CODEC.decode(cut)).isInstanceOf(
                    MalformedFrameException.class);
        }
    }

    @Test
    void anotherFormatOrAByteTooManyIsRefused() {
        byte[] bytes = CODEC.encode(sample());
        byte[] later = bytes.clone();
        later[0] = 4;
        assertThatThrownBy(() -> CODEC.decode(later)).hasMessageContaining("format 4");
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> CODEC.decode(longer)).isInstanceOf(
                MalformedFrameException.class);
    }

    @Test
    void aRecordBreakingTheVolumesRulesIsRefused() {
        VolumeSpec volume = sample();
        byte[] bytes = CODEC.encode(new VolumeSpec("bad.name", volume.id(), 3, true, "tcp",
                volume.bricks(), VolumeStatus.CREATED, Map.of()));
        assertThatThrownBy(() -> CODEC.decode(bytes)).isInstanceOf(
                MalformedFrameException.class);
    }

    /** Garbage never gets past the codec as anything but a malformed record. */
    @Property(tries = 2000)
    void garbageIsMalformedNeverACrash(@ForAll @Size(max = 300) byte[] bytes) {
        try {
            CODEC.decode(bytes);
        } catch (MalformedFrameException e) {
            // expected for nearly all inputs
        }
    }

    /** Flipping any one byte of a valid record decodes to a valid volume or is refused. */
    @Property(tries = 1000)
    void aDamagedRecordIsRefusedOrStillAVolume(@ForAll int position, @ForAll byte value) {
        byte[] bytes = CODEC.encode(sample());
        bytes[Math.floorMod(position, bytes.length)] = value;
        try {
            assertThat(CODEC.decode(bytes).bricks()).isNotEmpty();
        } catch (MalformedFrameException e) {
            // refused
        }
    }

    /** A disperse volume takes format 3, with its disperse count and redundancy last. */
    @Test
    void aDisperseVolumeComesBackWithItsCounts() throws MalformedFrameException {
        VolumeSpec plain = sample();
        List<Brick> six = new java.util.ArrayList<>(plain.bricks());
        for (int i = six.size(); i < 6; i++) {
            six.add(new Brick("host" + i, "/b", new UUID(1, i)));
        }
        VolumeSpec dispersed = VolumeSpec.disperse(plain.name(), plain.id(), 3, 1, "tcp", six,
                VolumeStatus.STARTED, plain.options());
        byte[] bytes = CODEC.encode(dispersed);
        assertThat(bytes[0]).isEqualTo((byte) 3);
        VolumeSpec back = CODEC.decode(bytes);
        assertThat(back).isEqualTo(dispersed);
        assertThat(back.type()).isEqualTo(VolumeType.DISTRIBUTED_DISPERSE);
        assertThat(back.distributeCount()).isEqualTo(2);
        assertThat(back.dataCount()).isEqualTo(2);
        for (int length = 0; length < bytes.length; length++) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> CODEC.decode(cut)).isInstanceOf(
                    MalformedFrameException.class);
        }
        byte[] badRedundancy = bytes.clone();
        badRedundancy[badRedundancy.length - 1] = 2; // 2 of a set of 3
        assertThatThrownBy(() -> CODEC.decode(badRedundancy)).isInstanceOf(
                MalformedFrameException.class);
    }
}
