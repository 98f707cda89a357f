package io.bramble.fs.ops;

import java.util.UUID;

/**
 * A file's identity in a volume: chosen once by the client that creates it and the same on
 * every brick that holds a copy (Gluster calls it the gfid). Inode numbers shown to
 * applications derive from it, so a file keeps its number when it moves between bricks.
 */
public record FileId(long high, long low) {
    /** The volume's root directory. */
    public static final FileId ROOT = new FileId(0, 1);

    public static FileId of(UUID uuid) {
        return new FileId(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
    }

    public UUID uuid() {
        return new UUID(high, low);
    }

    /** The inode number applications see: stable, non-zero, 1 for the root. */
    public long inode() {
        if (equals(ROOT)) {
            return 1;
        }
        long mixed = high * 0x9E3779B97F4A7C15L ^ low;
        mixed ^= mixed >>> 31;
        return mixed == 0 || mixed == 1 ? 2 : mixed & Long.MAX_VALUE;
    }

    @Override
    public String toString() {
        return uuid().toString();
    }
}
