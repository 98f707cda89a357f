package io.bramble.fs.brick;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountTableTest {
    private static final List<String> LINES = List.of(
            "21 26 0:20 / /proc rw,relatime - proc proc rw",
            "26 1 254:0 / / rw,relatime - ext4 /dev/vda rw",
            "40 26 8:17 / /data rw,noatime shared:5 master:2 - xfs /dev/sdb1 rw,attr2",
            "41 40 8:17 /bricks /srv/my\\040bricks rw - xfs /dev/sdb1 rw",
            "garbage line");

    @Test
    void findsTheMountOfAPathOnItsDevice() {
        MountTable table = MountTable.parse(LINES);
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
    void unescapesOctal() {
        assertThat(MountTable.unescape("a\\040b\\134c\\")).isEqualTo("a b\\c\\");
    }
}
