package io.bramble.fs.fuse;

import io.bramble.fs.fuse.FuseReply.Entry;
import io.bramble.fs.ops.Attr;
import java.nio.ByteBuffer;

/**
 * Writes {@code struct fuse_attr} (88 bytes) and {@code struct fuse_entry_out} (128 bytes),
 * which both replies and READDIRPLUS buffers carry. The buffer must be little-endian.
 */
final class AttrLayout {
    static final int ATTR_BYTES = 88;
    static final int ENTRY_BYTES = 40 + ATTR_BYTES;
    /**
     * The {@code st_blksize} applications see. stdio and coreutils size their buffers from
     * it, and 128 KiB buffers mean eight times fewer requests than 4 KiB ones.
     */
    static final int BLOCK_SIZE_BYTES = 128 * 1024;

    private static final long NS_PER_SECOND = 1_000_000_000L;

    private AttrLayout() {
    }

    static void putAttr(ByteBuffer out, Attr attr) {
        out.putLong(attr.id().inode());
        out.putLong(attr.sizeBytes());
        out.putLong(attr.blocks512());
        out.putLong(seconds(attr.atimeNs()));
        out.putLong(seconds(attr.mtimeNs()));
        out.putLong(seconds(attr.ctimeNs()));
        out.putInt(nanos(attr.atimeNs()));
        out.putInt(nanos(attr.mtimeNs()));
        out.putInt(nanos(attr.ctimeNs()));
        out.putInt(attr.mode());
        out.putInt((int) Math.min(attr.nlink(), 0xFFFF_FFFFL));
        out.putInt(attr.uid());
        out.putInt(attr.gid());
        out.putInt((int) attr.rdev());
        out.putInt(BLOCK_SIZE_BYTES);
        out.putInt(0); // flags: no submount, no DAX
    }

    static void putEntry(ByteBuffer out, Entry entry) {
        out.putLong(entry.nodeId());
        out.putLong(entry.generation());
        out.putLong(seconds(entry.entryValidNs()));
        out.putLong(seconds(entry.attrValidNs()));
        out.putInt(nanos(entry.entryValidNs()));
        out.putInt(nanos(entry.attrValidNs()));
        putAttr(out, entry.attr());
    }

    static long seconds(long ns) {
        return Math.floorDiv(ns, NS_PER_SECOND);
    }

    static int nanos(long ns) {
        return (int) Math.floorMod(ns, NS_PER_SECOND);
    }
}
