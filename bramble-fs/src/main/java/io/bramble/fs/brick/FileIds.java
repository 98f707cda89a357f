package io.bramble.fs.brick;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import java.nio.ByteBuffer;
import java.util.random.RandomGenerator;

/**
 * Reads and assigns file ids. An id is set when the client creates the file; a file that came
 * onto the brick another way gets a random one the first time it is looked at, kept from then
 * on. The brick's root is always {@link FileId#ROOT}.
 */
final class FileIds {
    static final int ID_BYTES = 16;

    private final XattrNames names;
    private final IdMap map;
    private final RandomGenerator random;
    private final Stat root;

    /**
     * @param map where ids of inodes that take no user attributes go; null when running as
     *     root (trusted attributes fit every inode)
     * @param random the source of ids assigned lazily
     */
    FileIds(XattrNames names, IdMap map, RandomGenerator random, Stat root) {
        this.names = names;
        this.map = map;
        this.random = random;
        this.root = root;
    }

    /** The id of {@code name} in {@code dirFd}, assigning one when it has none. */
    FileId idAt(int dirFd, String name, Stat stat) throws FsException {
        FileId id = peekAt(dirFd, name, stat);
        while (id == null) {
            FileId fresh = newId();
            try {
                setAt(dirFd, name, stat, fresh, FileOps.XATTR_CREATE);
                return fresh;
            } catch (FsException e) {
                if (e.errno() != Errno.EEXIST) {
                    throw e;
                }
                id = peekAt(dirFd, name, stat); // another call assigned one first
            }
        }
        return id;
    }

    /** The id of an open file, assigning one when it has none. */
    FileId idOf(int fd, Stat stat) throws FsException {
        if (isRoot(stat)) {
            return FileId.ROOT;
        }
        FileId id = read(() -> Xattrs.get(fd, names.idOnDisk()));
        while (id == null) {
            FileId fresh = newId();
            try {
                Libc.fsetxattr(fd, names.idOnDisk(), bytes(fresh), FileOps.XATTR_CREATE);
                return fresh;
            } catch (FsException e) {
                if (e.errno() != Errno.EEXIST) {
                    throw e;
                }
                id = read(() -> Xattrs.get(fd, names.idOnDisk()));
            }
        }
        return id;
    }

    /** The id of {@code name} in {@code dirFd}, or null when it has none yet. */
    FileId peekAt(int dirFd, String name, Stat stat) throws FsException {
        if (isRoot(stat)) {
            return FileId.ROOT;
        }
        if (usesMap(stat)) {
            return map.get(stat);
        }
        return read(() -> Xattrs.get(dirFd, name, names.idOnDisk()));
    }

    /** Gives a new file its id, replacing any. */
    void assignAt(int dirFd, String name, Stat stat, FileId id) throws FsException {
        setAt(dirFd, name, stat, id, 0);
    }

    void assign(int fd, FileId id) throws FsException {
        Libc.fsetxattr(fd, names.idOnDisk(), bytes(id), 0);
    }

    /** Forgets the id of an inode whose last name is gone. */
    void forget(Stat stat) throws FsException {
        if (usesMap(stat)) {
            map.remove(stat);
        }
    }

    /** Whether ids of inodes like {@code stat} live in the map; for callers to skip work. */
    boolean usesMap(Stat stat) {
        return map != null && !stat.takesUserAttributes();
    }

    private void setAt(int dirFd, String name, Stat stat, FileId id, int flags)
            throws FsException {
        if (usesMap(stat)) {
            if ((flags & FileOps.XATTR_CREATE) != 0 && map.get(stat) != null) {
                throw new FsException(Errno.EEXIST, "id of " + name);
            }
            map.put(stat, id);
            return;
        }
        Xattrs.set(dirFd, name, names.idOnDisk(), bytes(id), flags);
    }

    private boolean isRoot(Stat stat) {
        return stat.inode() == root.inode() && stat.deviceMajor() == root.deviceMajor()
                && stat.deviceMinor() == root.deviceMinor();
    }

    private FileId newId() {
        while (true) {
            FileId id = new FileId(random.nextLong(), random.nextLong());
            if (!id.equals(FileId.ROOT) && (id.high() != 0 || id.low() != 0)) {
                return id;
            }
        }
    }

    @FunctionalInterface
    private interface XattrRead {
        byte[] value() throws FsException;
    }

    /** Reads an id attribute; null when absent, EIO when it is not 16 bytes. */
    private static FileId read(XattrRead call) throws FsException {
        byte[] value;
        try {
            value = call.value();
        } catch (FsException e) {
            if (e.errno() == Errno.ENODATA) {
                return null;
            }
            throw e;
        }
        if (value.length != ID_BYTES) {
            throw new FsException(Errno.EIO, "a file id of " + value.length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        return new FileId(buffer.getLong(), buffer.getLong());
    }

    static byte[] bytes(FileId id) {
        return ByteBuffer.allocate(ID_BYTES).putLong(id.high()).putLong(id.low()).array();
    }
}
