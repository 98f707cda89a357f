package io.bramble.fs.brick;

import java.nio.file.Path;

/**
 * What {@code volume status VOL detail} shows about a brick's disk (Gluster's "File System",
 * "Device", "Mount Options", "Disk Space Free", "Total Disk Space", "Inode Count", "Free
 * Inodes"), and whether it sits on the root file system, where a full brick would stop the
 * whole node: {@code volume create} refuses such bricks unless forced, as Gluster does.
 *
 * @param device the mount's source, such as {@code /dev/sda1}; "unknown" when not found
 * @param bytesAvailable free bytes for unprivileged writers ({@code df}'s "Avail")
 */
public record BrickFacts(
        Path path,
        String device,
        int deviceMajor,
        int deviceMinor,
        String fileSystemType,
        String mountOptions,
        boolean onRootFileSystem,
        long blockSizeBytes,
        long bytesTotal,
        long bytesFree,
        long bytesAvailable,
        long inodesTotal,
        long inodesFree) {}
