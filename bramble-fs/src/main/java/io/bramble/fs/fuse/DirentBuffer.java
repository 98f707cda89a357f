package io.bramble.fs.fuse;

import io.bramble.fs.fuse.FuseReply.Entry;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The body of a READDIR or READDIRPLUS reply: {@code struct fuse_dirent} records (inode,
 * the offset of the next entry, name length, DT_* type, the name padded to 8 bytes), each
 * preceded by a {@code struct fuse_entry_out} in the plus form. Entries that do not fit in
 * the size the kernel asked for are refused whole; the kernel asks again from their offset.
 */
final class DirentBuffer {
    static final int DIRENT_HEADER_BYTES = 24;
    private static final int ALIGNMENT_BYTES = 8;

    private final ByteBuffer out;
    private int entries;

    DirentBuffer(int sizeBytes) {
        this.out = ByteBuffer.allocate(sizeBytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The bytes one entry takes, padding included. */
    static int recordBytes(byte[] name, boolean plus) {
        int bytes = DIRENT_HEADER_BYTES + name.length;
        bytes = (bytes + ALIGNMENT_BYTES - 1) & -ALIGNMENT_BYTES;
        return plus ? AttrLayout.ENTRY_BYTES + bytes : bytes;
    }

    /** Adds a READDIR entry; false, and nothing written, when it does not fit. */
    boolean add(String name, long inode, int direntType, long nextOffset) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (recordBytes(bytes, false) > out.remaining()) {
            return false;
        }
        putDirent(bytes, inode, direntType, nextOffset);
        return true;
    }

    /**
     * Adds a READDIRPLUS entry. {@code entry} null writes node id 0, which tells the kernel
     * to make no inode of it and count no lookup ("." and ".." are sent that way).
     */
    boolean addPlus(String name, Entry entry, long inode, int direntType, long nextOffset) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (recordBytes(bytes, true) > out.remaining()) {
            return false;
        }
        if (entry == null) {
            out.position(out.position() + AttrLayout.ENTRY_BYTES);
        } else {
            AttrLayout.putEntry(out, entry);
        }
        putDirent(bytes, inode, direntType, nextOffset);
        return true;
    }

    /** Whether an entry with this name would fit, so a caller can test before it commits. */
    boolean fits(String name, boolean plus) {
        return recordBytes(name.getBytes(StandardCharsets.UTF_8), plus) <= out.remaining();
    }

    int entries() {
        return entries;
    }

    byte[] bytes() {
        byte[] bytes = new byte[out.position()];
        out.get(0, bytes);
        return bytes;
    }

    private void putDirent(byte[] name, long inode, int direntType, long nextOffset) {
        int start = out.position();
        out.putLong(inode);
        out.putLong(nextOffset);
        out.putInt(name.length);
        out.putInt(direntType);
        out.put(name);
        out.position(start + recordBytes(name, false)); // the padding stays zero
        entries++;
    }
}
