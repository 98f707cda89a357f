package io.bramble.fs.volume.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.volume.Brick;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BrickReportCodecTest {
    private static final Brick BRICK = new Brick("gluster1", "/data/b", new UUID(0, 1));

    @Test
    void reportsComeBackWithAndWithoutTheDisk() {
        BrickReport plain = new BrickReport(BRICK, true, 49152, 0, 4321, Optional.empty());
        assertThat(BrickReportCodec.decode(BRICK, BrickReportCodec.encode(plain))).contains(
                plain);
        BrickReport detailed = new BrickReport(BRICK, false, 0, 0, 0, Optional.of(
                new DiskFacts("ext4", "/dev/vda", "rw,relatime", "N/A", 1, 2, 3, -1)));
        assertThat(BrickReportCodec.decode(BRICK, BrickReportCodec.encode(detailed)))
                .contains(detailed);
    }

    @Test
    void anythingElseIsRefused() {
        assertThat(BrickReportCodec.decode(BRICK, "")).isEmpty();
        assertThat(BrickReportCodec.decode(BRICK, "online true\nport 99999\npid 1\n"))
                .isEmpty();
        assertThat(BrickReportCodec.decode(BRICK, "online true\nport 1\npid x\n")).isEmpty();
        assertThat(BrickReportCodec.decode(BRICK, "online true\nonline true\nport 1\npid 1\n"))
                .isEmpty();
        assertThat(BrickReportCodec.decode(BRICK, "online true\nport 1\npid 1\nfs ext4\n"))
                .isEmpty();
    }
}
