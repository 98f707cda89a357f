package io.bramble.fs.volume.text;

import io.bramble.fs.volume.VolumeSpec;
import io.bramble.fs.volume.status.BrickReport;
import io.bramble.fs.volume.status.DiskFacts;
import java.util.List;

/**
 * {@code volume status NAME detail} in Gluster's layout: after the volume's line, a dashed
 * line and a block of {@code Field : value} lines per brick, the disk's fields only when the
 * brick's machine answered.
 */
public final class VolumeStatusDetailText {
    private VolumeStatusDetailText() {
    }

    public static String render(VolumeSpec volume, List<BrickReport> bricks) {
        StringBuilder out = new StringBuilder("Status of volume: ").append(volume.name())
                .append('\n');
        for (BrickReport b : bricks) {
            out.append(VolumeStatusText.LINE);
            field(out, "Brick", "Brick " + b.brick().shown());
            field(out, "TCP Port", b.online() ? String.valueOf(b.tcpPort()) : "N/A");
            field(out, "RDMA Port", b.online() ? String.valueOf(b.rdmaPort()) : "N/A");
            field(out, "Online", b.online() ? "Y" : "N");
            field(out, "Pid", b.online() ? String.valueOf(b.pid()) : "N/A");
            b.disk().ifPresent(d -> disk(out, d));
        }
        return out.toString();
    }

    private static void disk(StringBuilder out, DiskFacts d) {
        field(out, "File System", d.fileSystem());
        field(out, "Device", d.device());
        field(out, "Mount Options", d.mountOptions());
        field(out, "Inode Size", d.inodeSize());
        field(out, "Disk Space Free", size(d.freeBytes()));
        field(out, "Total Disk Space", size(d.totalBytes()));
        field(out, "Inode Count", count(d.inodes()));
        field(out, "Free Inodes", count(d.freeInodes()));
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(String.format("%-20s : %-20s\n", name, value));
    }

    private static String size(long bytes) {
        return bytes == DiskFacts.UNKNOWN ? "N/A" : HumanSize.of(bytes);
    }

    private static String count(long n) {
        return n == DiskFacts.UNKNOWN ? "N/A" : String.valueOf(n);
    }
}
