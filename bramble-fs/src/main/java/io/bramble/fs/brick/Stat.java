package io.bramble.fs.brick;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileType;
import java.lang.foreign.MemorySegment;

/**
 * What {@code statx} says about one inode, in the units {@link Attr} uses.
 *
 * @param rdev the device a node stands for, encoded as glibc's {@code dev_t}
 * @param blocks512 space used, in 512-byte blocks
 * @param btimeNs the birth time, or 0 where the file system does not keep one
 * @param deviceMajor the device that holds the inode (with {@code deviceMinor})
 */
record Stat(
        int mode,
        long nlink,
        int uid,
        int gid,
        long rdev,
        long sizeBytes,
        long blocks512,
        long atimeNs,
        long mtimeNs,
        long ctimeNs,
        long btimeNs,
        long inode,
        int deviceMajor,
        int deviceMinor) {
    /** {@code sizeof(struct statx)}. */
    static final int STATX_BYTES = 256;
    /** {@code STATX_BASIC_STATS | STATX_BTIME}. */
    static final int STATX_MASK = 0x7ff | 0x800;
    private static final int STATX_BTIME = 0x800;

    static Stat of(MemorySegment statx) {
        int mask = statx.get(JAVA_INT, 0);
        long btime = (mask & STATX_BTIME) != 0 ? time(statx, 80) : 0;
        long rdev = makedev(statx.get(JAVA_INT, 128), statx.get(JAVA_INT, 132));
        return new Stat(statx.get(JAVA_SHORT, 28) & 0xffff,
                statx.get(JAVA_INT, 16) & 0xffffffffL, statx.get(JAVA_INT, 20),
                statx.get(JAVA_INT, 24), rdev, statx.get(JAVA_LONG, 40),
                statx.get(JAVA_LONG, 48), time(statx, 64), time(statx, 112), time(statx, 96),
                btime, statx.get(JAVA_LONG, 32), statx.get(JAVA_INT, 136),
                statx.get(JAVA_INT, 140));
    }

    private static long time(MemorySegment statx, long offset) {
        return statx.get(JAVA_LONG, offset) * 1_000_000_000L
                + (statx.get(JAVA_INT, offset + 8) & 0xffffffffL);
    }

    /** glibc's {@code makedev}: the 64-bit {@code dev_t} of a major and minor number. */
    static long makedev(int major, int minor) {
        long ma = major & 0xffffffffL;
        long mi = minor & 0xffffffffL;
        return (ma & 0xfffL) << 8 | (ma & 0xfffff000L) << 32 | mi & 0xffL
                | (mi & 0xffffff00L) << 12;
    }

    FileType type() {
        return FileType.of(mode);
    }

    boolean isDirectory() { return (mode & FileType.TYPE_MASK) == FileType.DIRECTORY.modeBits(); }

    boolean isRegular() { return (mode & FileType.TYPE_MASK) == FileType.REGULAR.modeBits(); }

    /**
     * Whether the kernel lets this inode hold {@code user.*} attributes: only regular files
     * and directories may (xattr(7)), so links, FIFOs, sockets and devices may not.
     */
    boolean takesUserAttributes() {
        return isRegular() || isDirectory();
    }

    Attr attr(FileId id) {
        return new Attr(id, mode, nlink, uid, gid, rdev, sizeBytes, blocks512, atimeNs, mtimeNs,
                ctimeNs);
    }
}
