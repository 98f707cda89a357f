package io.bramble.common.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountTableTest {
    private static final List<String> LINES = List.of(
            "21 26 0:20 / /proc rw,relatime - proc proc rw",
            "26 1 254:0 / / rw,relatime - ext4 /dev/vda rw",
            "40 26 8:17 / /data rw,noatime shared:5 master:2 - xfs /dev/sdb1 rw,attr2,inode64",
            "41 40 8:17 /bricks /srv/my\\040bricks rw - xfs /dev/sdb1 rw",
            "42 40 8:33 / /data rw,relatime - xfs /dev/sdc rw",
            "43 26 0:50 / /mnt/gv0 rw,nosuid,nodev,relatime - fuse.bramble gluster1:/gv0"
                    + " rw,user_id=0,group_id=0",
            "garbage line");

    private final MountTable table = MountTable.parse(LINES);

    @Test
    void findsTheMountOfAPathOnItsDevice() {
        Mount data = table.holding(8, 17, Path.of("/data/brick1")).orElseThrow();
        assertThat(data.source()).isEqualTo("/dev/sdb1");
        assertThat(data.fileSystemType()).isEqualTo("xfs");
        assertThat(data.options()).isEqualTo("rw,noatime");
        assertThat(table.holding(8, 17, Path.of("/srv/my bricks/b")).orElseThrow().root())
                .isEqualTo("/bricks");
        assertThat(table.holding(254, 0, Path.of("/var/b")).orElseThrow().source())
                .isEqualTo("/dev/vda");
        assertThat(table.holding(9, 9, Path.of("/data"))).isEmpty();
    }

    @Test
    void theDeepestAndLatestMountHoldsAPath() {
        assertThat(table.holding(Path.of("/data/brick1")).orElseThrow().source())
                .isEqualTo("/dev/sdc");
        assertThat(table.holding(Path.of("/database")).orElseThrow().source())
                .isEqualTo("/dev/vda");
        assertThat(table.holding(Path.of("/srv/my bricks/gv0")).orElseThrow().root())
                .isEqualTo("/bricks");
    }

    @Test
    void tellsMountPoints() {
        assertThat(table.isMountPoint(Path.of("/mnt/gv0"))).isTrue();
        assertThat(table.isMountPoint(Path.of("/srv/my bricks"))).isTrue();
        assertThat(table.isMountPoint(Path.of("/mnt"))).isFalse();
        assertThat(table.mounts()).hasSize(6);
    }

    @Test
    void showsOptionsAsMountDoes() {
        assertThat(table.holding(8, 17, Path.of("/data")).orElseThrow().allOptions())
                .isEqualTo("rw,noatime,attr2,inode64");
        assertThat(table.holding(Path.of("/mnt/gv0/x")).orElseThrow().allOptions())
                .isEqualTo("rw,nosuid,nodev,relatime,user_id=0,group_id=0");
    }

    @Test
    void unescapesOctal() {
        assertThat(MountTable.unescape("a\\040b\\134c\\")).isEqualTo("a b\\c\\");
        assertThat(MountTable.unescape("tail\\04")).isEqualTo("tail\\04");
    }

    @Test
    void thisMachinesRootIsMounted() {
        assertThat(MountTable.read().isMountPoint(Path.of("/"))).isTrue();
    }
}
