package io.bramble.fs.volume.status;

/**
 * The file system a brick's folder is on, as {@code volume status detail} shows it. Numbers
 * are {@link #UNKNOWN} when the machine could not tell.
 *
 * @param fileSystem its type ({@code xfs}, {@code ext4})
 * @param device what is mounted ({@code /dev/sdb1})
 * @param mountOptions as mounted ({@code rw,relatime})
 * @param inodeSize bytes per inode as text, {@code N/A} when unknown
 */
public record DiskFacts(String fileSystem, String device, String mountOptions,
        String inodeSize, long freeBytes, long totalBytes, long inodes, long freeInodes) {
    public static final long UNKNOWN = -1;
}
