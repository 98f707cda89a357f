package io.bramble.fs.volume.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.volume.Brick;
import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.VolumeStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ClientSpecTextTest {
    static ClientSpec sample() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("nfs.disable", "on");
        options.put("auth.allow", "192.168.1.*");
        Brick one = new Brick("gluster1.local", "/data/brick1/gv0", new UUID(1, 1));
        Brick two = new Brick("gluster2.local", "/data/brick 1/gv0", new UUID(2, 2));
        VolumeSpec volume = new VolumeSpec("gv0", new UUID(3, 3), 2, false, "tcp", List.of(
                one, two), VolumeStatus.STARTED, options);
        return new ClientSpec(volume, List.of(new BrickEndpoint(one, "192.168.2.12", 49152,
                true), new BrickEndpoint(two, "192.168.2.13", 0, false)));
    }

    @Test
    void aSpecReadsAndComesBack() {
        String text = ClientSpecText.encode(sample());
        assertThat(text).isEqualTo("""
                bramble-volume-spec 1
                name gv0
                id 00000000-0000-0003-0000-000000000003
                status STARTED
                replica 2
                arbiter false
                transport tcp
                brick 00000000-0000-0001-0000-000000000001 192.168.2.12 49152 true \
                gluster1.local /data/brick1/gv0
                brick 00000000-0000-0002-0000-000000000002 192.168.2.13 0 false \
                gluster2.local /data/brick 1/gv0
                option nfs.disable on
                option auth.allow 192.168.1.*
                end
                """);
        assertThat(ClientSpecText.decode(text)).contains(sample());
    }

    /** Retired subvolume numbers are there only once remove-brick ran, and come back. */
    @Test
    void aShrinkingSpecReadsAndComesBack() {
        ClientSpec plain = sample();
        VolumeSpec v = plain.volume();
        VolumeSpec single = new VolumeSpec(v.name(), v.id(), 1, false, v.transport(), v
                .bricks(), v.status(), v.options());
        ClientSpec shrinking = new ClientSpec(single.withSetsRemoved(List.of()).withDecommissioned(
                List.of(1)), plain.endpoints());
        String text = ClientSpecText.encode(shrinking);
        assertThat(text).contains("\ntransport tcp\ndecommissioned 1\nbrick ");
        assertThat(ClientSpecText.decode(text)).contains(shrinking);
        ClientSpec removed = new ClientSpec(single.withSetsRemoved(List.of(0)), plain
                .endpoints().subList(1, 2));
        text = ClientSpecText.encode(removed);
        assertThat(text).contains("\ntransport tcp\nremoved 0\nbrick ");
        assertThat(ClientSpecText.decode(text)).contains(removed);
        assertThat(ClientSpecText.encode(plain)).doesNotContain("removed").doesNotContain(
                "decommissioned");
    }

    /** The stripe line is there only for a striped volume, which comes back as it was. */
    @Test
    void aStripedSpecReadsAndComesBack() {
        ClientSpec plain = sample();
        VolumeSpec v = plain.volume();
        ClientSpec striped = new ClientSpec(new VolumeSpec(v.name(), v.id(), 2, 1, false,
                v.transport(), v.bricks(), v.status(), v.options()), plain.endpoints());
        String text = ClientSpecText.encode(striped);
        assertThat(text).contains("\ntransport tcp\nstripe 2\nbrick ");
        assertThat(ClientSpecText.encode(plain)).doesNotContain("stripe");
        assertThat(ClientSpecText.decode(text)).contains(striped);
        assertThat(ClientSpecText.decode(text.replace("stripe 2", "stripe 3"))).isEmpty();
    }

    @Test
    void aCutOrChangedSpecIsRefused() {
        String text = ClientSpecText.encode(sample());
        for (int cut = 0; cut < text.length() - 4; cut += 7) {
            assertThat(ClientSpecText.decode(text.substring(0, cut))).as("cut at " + cut)
                    .isEmpty();
        }
        assertThat(ClientSpecText.decode(text.replace("spec 1", "spec 2"))).isEmpty();
        assertThat(ClientSpecText.decode(text.replace("49152", "70000"))).isEmpty();
        assertThat(ClientSpecText.decode(text.replace("replica 2", "replica 3"))).isEmpty();
    }

    @Property(tries = 500)
    void garbageIsRefusedNeverACrash(@ForAll String garbage) {
        ClientSpecText.decode(garbage);
        ClientSpecText.decode(ClientSpecText.FORMAT + "\n" + garbage + "\nend");
    }

    /** The disperse line is there only for a disperse volume, which comes back as it was. */
    @Test
    void aDisperseSpecReadsAndComesBack() {
        ClientSpec plain = sample();
        VolumeSpec v = plain.volume();
        java.util.List<io.bramble.fs.volume.Brick> bricks = new java.util.ArrayList<>(v.bricks());
        java.util.List<BrickEndpoint> endpoints = new java.util.ArrayList<>(plain.endpoints());
        while (bricks.size() < 3) {
            bricks.add(new io.bramble.fs.volume.Brick("gluster3.local", "/more",
                    new UUID(4, 4)));
            endpoints.add(new BrickEndpoint(bricks.getLast(), "127.0.0.9", 0, false));
        }
        ClientSpec dispersed = new ClientSpec(VolumeSpec.disperse(v.name(), v.id(), 3, 1,
                v.transport(), bricks, v.status(), v.options()), endpoints);
        String text = ClientSpecText.encode(dispersed);
        assertThat(text).contains("\ntransport tcp\ndisperse 3 1\nbrick ");
        assertThat(ClientSpecText.encode(plain)).doesNotContain("disperse");
        assertThat(ClientSpecText.decode(text)).contains(dispersed);
        assertThat(ClientSpecText.decode(text.replace("disperse 3 1", "disperse 3 2")))
                .isEmpty();
        assertThat(ClientSpecText.decode(text.replace("disperse 3 1", "disperse 3"))).isEmpty();
    }
}
