package io.bramble.fs.volume.disk;

import io.bramble.fs.volume.status.DiskFacts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the disk facts of a folder on this machine. */
public final class DiskProbe {
    private static final Path MOUNTS = Path.of("/proc/self/mounts");
    /** Bounds the read of the mount table. */
    private static final int MOUNTS_BYTES_MAX = 4 * 1024 * 1024;

    private DiskProbe() {
    }

    /** The facts of {@code folder}'s disk; unknown fields when the machine does not say. */
    public static DiskFacts of(Path folder) {
        String real = folder.toString();
        try {
            real = folder.toRealPath().toString();
        } catch (IOException e) {
            // a brick folder that is gone: its path still names the mount it was on
        }
        var mount = MountTable.holding(mounts(), real);
        long free = DiskFacts.UNKNOWN;
        long total = DiskFacts.UNKNOWN;
        long inodes = DiskFacts.UNKNOWN;
        long freeInodes = DiskFacts.UNKNOWN;
        var counts = Statvfs.of(real);
        if (counts.isPresent()) {
            Statvfs.Counts c = counts.get();
            free = c.blocksFree() * c.blockBytes();
            total = c.blocks() * c.blockBytes();
            inodes = c.inodes();
            freeInodes = c.inodesFree();
        }
        return new DiskFacts(mount.map(MountTable.Mount::type).orElse("N/A"), mount.map(
                MountTable.Mount::device).orElse("N/A"), mount.map(MountTable.Mount::options)
                        .orElse("N/A"),
                "N/A", free, total, inodes, freeInodes);
    }

    private static List<MountTable.Mount> mounts() {
        try (InputStream in = Files.newInputStream(MOUNTS)) {
            return MountTable.parse(new String(in.readNBytes(MOUNTS_BYTES_MAX),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of();
        }
    }
}
