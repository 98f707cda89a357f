package io.bramble.fs.ops;

/**
 * A file's attributes, as {@code stat} shows them. Times are nanoseconds since the epoch.
 *
 * @param id the file's volume-wide identity (its inode number derives from it)
 * @param mode type and permission bits, as {@code st_mode}
 */
public record Attr(
        FileId id,
        int mode,
        long nlink,
        int uid,
        int gid,
        long rdev,
        long sizeBytes,
        long blocks512,
        long atimeNs,
        long mtimeNs,
        long ctimeNs) {

    public FileType type() {
        return FileType.of(mode);
    }

    public int permissions() {
        return mode & FileType.PERMISSION_MASK;
    }

    public boolean isDirectory() {
        return (mode & FileType.TYPE_MASK) == FileType.DIRECTORY.modeBits();
    }

    public Attr withSize(long size) {
        return new Attr(id, mode, nlink, uid, gid, rdev, size, blocks512, atimeNs, mtimeNs,
                ctimeNs);
    }
}
