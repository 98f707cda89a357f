package io.bramble.fs.volume.disk;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.volume.status.DiskFacts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountTableTest {
    private static final String MOUNTS = """
            /dev/vda / ext4 rw,relatime 0 0
            proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
            /dev/sdb /data/glusterfs/volumes/bricks xfs rw,relatime,attr2,inode64 0 0
            /dev/sdc /data/glusterfs/volumes/bricks xfs rw,noatime 0 0
            /dev/sdd /media/usb\\040disk vfat rw 0 0
            """;

    @Test
    void theDeepestAndLatestMountHoldsAPath() {
        List<MountTable.Mount> mounts = MountTable.parse(MOUNTS);
        assertThat(MountTable.holding(mounts, "/data/glusterfs/volumes/bricks/data1")).get()
                .extracting(MountTable.Mount::device).isEqualTo("/dev/sdc");
        assertThat(MountTable.holding(mounts, "/data/glusterfs/volumes/bricks2")).get()
                .extracting(MountTable.Mount::device).isEqualTo("/dev/vda");
        assertThat(MountTable.holding(mounts, "/media/usb disk/gv0")).get()
                .extracting(MountTable.Mount::type).isEqualTo("vfat");
    }

    @Test
    void thisMachinesRootHasFacts() {
        DiskFacts facts = DiskProbe.of(Path.of("/"));
        assertThat(facts.fileSystem()).isNotEqualTo("N/A");
        assertThat(facts.totalBytes()).isPositive();
        assertThat(facts.inodes()).isNotZero();
    }
}
