package io.bramble.fs.brick;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.bramble.fs.ops.StatFs;
import java.lang.foreign.MemorySegment;

/**
 * A file system's space and inodes, as {@code statvfs} reports them.
 *
 * @param blockSizeBytes the unit of the block counts ({@code f_frsize})
 * @param blocksAvailable blocks free for unprivileged users ({@code df}'s "Avail")
 */
record DiskSpace(
        long blockSizeBytes,
        long blocks,
        long blocksFree,
        long blocksAvailable,
        long inodes,
        long inodesFree,
        int nameBytesMax) {
    /** {@code sizeof(struct statvfs)} on 64-bit Linux (x86-64 and arm64 agree). */
    static final int STATVFS_BYTES = 112;

    static DiskSpace of(MemorySegment statvfs) {
        return new DiskSpace(statvfs.get(JAVA_LONG, 8), statvfs.get(JAVA_LONG, 16),
                statvfs.get(JAVA_LONG, 24), statvfs.get(JAVA_LONG, 32),
                statvfs.get(JAVA_LONG, 40), statvfs.get(JAVA_LONG, 48),
                (int) statvfs.get(JAVA_LONG, 80));
    }

    StatFs statFs() {
        return new StatFs(blockSizeBytes, blocks, blocksFree, blocksAvailable, inodes,
                inodesFree, nameBytesMax);
    }
}
