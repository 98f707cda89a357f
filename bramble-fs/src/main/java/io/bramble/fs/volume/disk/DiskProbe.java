package io.bramble.fs.volume.disk;

import io.bramble.common.os.Mount;
import io.bramble.common.os.MountTable;
import io.bramble.fs.brick.FolderSpace;
import io.bramble.fs.ops.StatFs;
import io.bramble.fs.volume.status.DiskFacts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the disk facts of a folder on this machine. */
public final class DiskProbe {

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
        Optional<Mount> mount = MountTable.read().holding(Path.of(real));
        long free = DiskFacts.UNKNOWN;
        long total = DiskFacts.UNKNOWN;
        long inodes = DiskFacts.UNKNOWN;
        long freeInodes = DiskFacts.UNKNOWN;
        Optional<StatFs> space = FolderSpace.of(Path.of(real));
        if (space.isPresent()) {
            StatFs c = space.get();
            free = c.blocksFree() * c.blockSizeBytes();
            total = c.blocks() * c.blockSizeBytes();
            inodes = c.files();
            freeInodes = c.filesFree();
        }
        return new DiskFacts(mount.map(Mount::fileSystemType).orElse("N/A"), mount.map(
                Mount::source).orElse("N/A"), mount.map(Mount::allOptions).orElse("N/A"),
                "N/A", free, total, inodes, freeInodes);
    }
}
