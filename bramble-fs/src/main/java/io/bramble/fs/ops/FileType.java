package io.bramble.fs.ops;

/** The file types of {@code st_mode}'s top bits. */
public enum FileType {
    REGULAR(0100000), DIRECTORY(0040000), SYMLINK(0120000), FIFO(0010000), SOCKET(
            0140000), CHARACTER_DEVICE(0020000), BLOCK_DEVICE(0060000);

    /** {@code S_IFMT}: the mask of the type bits in a mode. */
    public static final int TYPE_MASK = 0170000;
    /** The permission bits with set-uid, set-gid and sticky. */
    public static final int PERMISSION_MASK = 07777;

    private final int modeBits;

    FileType(int modeBits) {
        this.modeBits = modeBits;
    }

    public int modeBits() {
        return modeBits;
    }

    /** The type of a full mode; fails on a mode whose type bits name none. */
    public static FileType of(int mode) {
        int bits = mode & TYPE_MASK;
        for (FileType type : values()) {
            if (type.modeBits == bits) {
                return type;
            }
        }
        throw new IllegalArgumentException("no file type in mode 0" + Integer.toOctalString(mode));
    }

    /** The DT_* value readdir reports for this type. */
    public int direntType() {
        return modeBits >>> 12;
    }
}
