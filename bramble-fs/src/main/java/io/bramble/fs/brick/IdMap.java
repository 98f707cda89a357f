package io.bramble.fs.brick;

import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FsException;
import java.nio.ByteBuffer;

/**
 * File ids of the inodes that cannot hold a {@code user.*} attribute (symbolic links, FIFOs,
 * sockets, devices), for a brick that does not run as root. One small file per inode, named by
 * the inode number and holding the id and the inode's birth time: an entry whose birth time
 * differs belongs to an earlier inode of that number and is ignored. Ids cannot be derived
 * from the inode instead: every replica must report the id the client chose. Where the file
 * system keeps no birth time, a reused inode number could show a stale id until the file is
 * written anew; bricks running as root store ids in the file itself and need none of this.
 */
final class IdMap {
    private static final int ENTRY_BYTES = 24;

    private final int dirFd;

    /** @param dirFd the map's folder, open for as long as this map is used */
    IdMap(int dirFd) {
        this.dirFd = dirFd;
    }

    synchronized FileId get(Stat stat) throws FsException {
        byte[] entry = SmallFiles.read(dirFd, name(stat), ENTRY_BYTES);
        if (entry == null || entry.length != ENTRY_BYTES) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(entry);
        FileId id = new FileId(buffer.getLong(), buffer.getLong());
        return buffer.getLong() == stat.btimeNs() ? id : null;
    }

    synchronized void put(Stat stat, FileId id) throws FsException {
        SmallFiles.write(dirFd, name(stat), ByteBuffer.allocate(ENTRY_BYTES)
                .putLong(id.high()).putLong(id.low()).putLong(stat.btimeNs()).array());
    }

    synchronized void remove(Stat stat) throws FsException {
        SmallFiles.remove(dirFd, name(stat));
    }

    private static String name(Stat stat) {
        return Long.toUnsignedString(stat.inode());
    }
}
