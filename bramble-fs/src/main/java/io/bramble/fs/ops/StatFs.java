package io.bramble.fs.ops;

/** What {@code statfs} reports: sizes in blocks of {@code blockSizeBytes}. */
public record StatFs(
        long blockSizeBytes,
        long blocks,
        long blocksFree,
        long blocksAvailable,
        long files,
        long filesFree,
        int nameBytesMax) {}
