package io.bramble.fs.distribute;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.FileType;
import java.nio.charset.StandardCharsets;

/**
 * A pointer file (Gluster's link file): an empty regular file with mode {@code 01000} that
 * stands on a name's hashed subvolume when the file's data live on another, and names that
 * other subvolume in its {@code trusted.bramble.linkto} xattr. It has the data file's id.
 * Pointers appear when a file is renamed or hard-linked to a name that hashes elsewhere; they
 * let every client find the file with one extra lookup, without moving its data.
 *
 * <p>The mode alone could also be a user's empty file with only the sticky bit set, so the
 * xattr decides: a pointer-shaped file without it is an ordinary file.
 */
public final class Pointer {
    /** Regular file, sticky bit, no permission bits: the shape nothing else normally has. */
    public static final int MODE = FileType.REGULAR.modeBits()
            | io.bramble.fs.ops.MoveSeal.POINTER_PERMISSIONS;
    /** The xattr naming the subvolume that holds the data, as UTF-8 text. */
    public static final String LINKTO = io.bramble.fs.ops.MoveSeal.LINKTO;

    private Pointer() {
    }

    /**
     * Whether {@code attr} has a pointer's shape (the linkto xattr confirms it). The size does
     * not count: the new copy of a file being moved is a pointer back to the old one until
     * the move switches over, whatever data it holds already.
     */
    public static boolean looksLike(Attr attr) {
        return attr.mode() == MODE;
    }

    public static byte[] linkto(String subvolume) {
        return subvolume.getBytes(StandardCharsets.UTF_8);
    }

    /** The subvolume a linkto value names; fails on a value no subvolume could have. */
    public static String target(byte[] linkto) {
        String name = new String(linkto, StandardCharsets.UTF_8);
        Subvolume.checkName(name);
        return name;
    }
}
