package io.bramble.fs.ops;

import java.util.HashMap;
import java.util.Map;

/**
 * The file operations of one layer of a volume. A brick implements them on its disk, the
 * brick client over the network, and the translators (distribute, replicate) on top of their
 * children; the FUSE client calls the topmost layer. Paths are from the volume's root.
 *
 * <p>Permissions are the kernel's to check (the mount uses {@code default_permissions}); a
 * layer applies the {@link Caller} only where the result depends on it: files, directories,
 * nodes and links it creates belong to the caller (and take the group of a set-gid parent).
 *
 * <p>Every call may block on the network up to the layer's deadline and fails with an
 * {@link FsException} carrying the errno the application sees ({@link Errno#ETIMEDOUT} or
 * {@link Errno#ENOTCONN} when a brick did not answer). Implementations are thread-safe.
 */
public interface FileOps extends AutoCloseable {
    /** {@code renameat2} flag: fail with EEXIST when the target exists. */
    int RENAME_NOREPLACE = 1;
    /** {@code renameat2} flag: swap the two names atomically. */
    int RENAME_EXCHANGE = 2;
    /** {@code setxattr} flag: fail with EEXIST when the attribute exists. */
    int XATTR_CREATE = 1;
    /** {@code setxattr} flag: fail with ENODATA when the attribute does not exist. */
    int XATTR_REPLACE = 2;

    Attr getattr(Caller caller, FsPath path) throws FsException;

    /**
     * The attributes of {@code path} and its xattrs whose names start with {@code prefix},
     * read together: a layer that can answers in one call (a brick client in one round trip,
     * a brick through one resolution of the path). This default asks {@link #getattr},
     * {@link #listxattr} and {@link #getxattr} in turn; a name gone between the list and the
     * read is left out.
     */
    default AttrXattrs getattrXattrs(Caller caller, FsPath path, String prefix)
            throws FsException {
        Attr attr = getattr(caller, path);
        Map<String, byte[]> values = new HashMap<>();
        for (String name : listxattr(caller, path)) {
            if (!name.startsWith(prefix)) {
                continue;
            }
            try {
                values.put(name, getxattr(caller, path, name));
            } catch (FsException e) {
                if (e.errno() != Errno.ENODATA) {
                    throw e;
                }
            }
        }
        return new AttrXattrs(attr, values);
    }

    Attr setattr(Caller caller, FsPath path, SetAttr changes) throws FsException;

    /**
     * Changes the attributes of the file open as {@code handle}, which may have no name left
     * (ftruncate, fchmod, fchown, futimens after unlink). Permissions were checked when the
     * file was opened and by the kernel.
     */
    Attr fsetattr(long handle, SetAttr changes) throws FsException;

    /** Makes a directory with identity {@code id}; {@code mode} is already masked. */
    Attr mkdir(Caller caller, FsPath path, FileId id, int mode) throws FsException;

    /** Makes a regular file, FIFO, socket or device node; {@code mode} includes the type. */
    Attr mknod(Caller caller, FsPath path, FileId id, int mode, long rdev) throws FsException;

    Attr symlink(Caller caller, FsPath path, FileId id, String target) throws FsException;

    String readlink(Caller caller, FsPath path) throws FsException;

    void unlink(Caller caller, FsPath path) throws FsException;

    void rmdir(Caller caller, FsPath path) throws FsException;

    /** Renames {@code from} to {@code to}, replacing {@code to} unless flags say otherwise. */
    void rename(Caller caller, FsPath from, FsPath to, int flags) throws FsException;

    /**
     * Unlinks {@code path} as {@link #unlink} does and returns the xattrs whose names start with
     * {@code prefix} that the file had, read with it in one call where the layer can (a brick
     * in one step, a brick client in one round trip). This default reads them as root, then
     * unlinks.
     */
    default Map<String, byte[]> unlinkXattrs(Caller caller, FsPath path, String prefix)
            throws FsException {
        Map<String, byte[]> xattrs = getattrXattrs(Caller.ROOT, path, prefix).xattrs();
        unlink(caller, path);
        return xattrs;
    }

    /** Removes {@code path} as {@link #rmdir} does; returns its xattrs as {@link #unlinkXattrs}. */
    default Map<String, byte[]> rmdirXattrs(Caller caller, FsPath path, String prefix)
            throws FsException {
        Map<String, byte[]> xattrs = getattrXattrs(Caller.ROOT, path, prefix).xattrs();
        rmdir(caller, path);
        return xattrs;
    }

    /**
     * Renames as {@link #rename} does and returns the xattrs whose names start with {@code
     * prefix} of the file it replaced at {@code to}, read with it as {@link #unlinkXattrs}
     * does; none when it replaced none (or exchanged the two).
     */
    default Map<String, byte[]> renameXattrs(Caller caller, FsPath from, FsPath to, int flags,
            String prefix) throws FsException {
        Map<String, byte[]> xattrs = Map.of();
        if ((flags & RENAME_EXCHANGE) == 0) {
            try {
                xattrs = getattrXattrs(Caller.ROOT, to, prefix).xattrs();
            } catch (FsException e) {
                if (e.errno() != Errno.ENOENT) {
                    throw e;
                }
            }
        }
        rename(caller, from, to, flags);
        return xattrs;
    }

    /** Makes {@code newPath} a hard link to {@code existing}; returns the file's attributes. */
    Attr link(Caller caller, FsPath existing, FsPath newPath) throws FsException;

    /** Creates and opens a regular file ({@code flags} as open(2), with O_CREAT). */
    Opened create(Caller caller, FsPath path, FileId id, int mode, int flags)
            throws FsException;

    Opened open(Caller caller, FsPath path, int flags) throws FsException;

    /**
     * Opens {@code path} as {@link #open} does and reads its xattrs whose names start with
     * {@code prefix} with it, in one call where the layer can. This default opens, then asks
     * {@link #getattrXattrs}; when that fails the handle is released.
     */
    default OpenedXattrs openXattrs(Caller caller, FsPath path, int flags, String prefix)
            throws FsException {
        Opened opened = open(caller, path, flags);
        try {
            return new OpenedXattrs(opened, getattrXattrs(caller, path, prefix).xattrs());
        } catch (FsException e) {
            try {
                release(opened.handle());
            } catch (FsException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    /** Reads up to {@code sizeBytes} at {@code offset}; fewer bytes only at the end of file. */
    byte[] read(long handle, long offset, int sizeBytes) throws FsException;

    /** Writes all of {@code data} at {@code offset}; returns the number of bytes written. */
    int write(long handle, long offset, byte[] data) throws FsException;

    /** Called at each close of a descriptor; the write-behind layers settle here. */
    void flush(long handle) throws FsException;

    void fsync(long handle, boolean dataOnly) throws FsException;

    /** The last close: the handle is gone afterwards, whatever happens. */
    void release(long handle) throws FsException;

    void fallocate(long handle, int mode, long offset, long lengthBytes) throws FsException;

    /** SEEK_DATA (3) and SEEK_HOLE (4); other whences are the kernel's own. */
    long lseek(long handle, long offset, int whence) throws FsException;

    /**
     * A page of {@code dir}'s entries with attributes, in name order, after {@code afterName}
     * (null for the first page), at most {@code entriesMax}. {@code .} and {@code ..} are not
     * listed.
     */
    DirPage readdir(Caller caller, FsPath dir, String afterName, int entriesMax)
            throws FsException;

    /**
     * A page of {@code dir}'s entries as {@link #readdir} lists them, each with its xattrs whose
     * names start with {@code prefix} as {@link #getattrXattrs} reads them, in one call where
     * the layer can (a brick client in one round trip). The page's xattrs are bounded by
     * {@link XattrsPage#XATTR_BYTES_MAX}. This default lists a page, then reads each name in
     * turn; a name gone meanwhile is left out.
     */
    default XattrsPage readdirXattrs(Caller caller, FsPath dir, String afterName,
            int entriesMax, String prefix) throws FsException {
        String after = afterName;
        while (true) { // ends: each round starts past the names of the one before
            DirPage page = readdir(caller, dir, after, entriesMax);
            XattrsPage.Filling filling = new XattrsPage.Filling();
            for (DirEntry entry : page.entries()) {
                AttrXattrs read;
                try {
                    read = getattrXattrs(caller, dir.child(entry.name()), prefix);
                } catch (FsException e) {
                    if (e.errno() == Errno.ENOENT) {
                        continue;
                    }
                    throw e;
                }
                if (!filling.offer(new EntryXattrs(entry.name(), read))) {
                    break;
                }
            }
            XattrsPage read = filling.page(page.complete() || page.entries().isEmpty());
            // An empty page would end the listing: every name of this one went away while it
            // was read, so the next page is read instead.
            if (!read.entries().isEmpty() || read.complete()) {
                return read;
            }
            after = page.lastName();
        }
    }

    StatFs statfs(Caller caller, FsPath path) throws FsException;

    byte[] getxattr(Caller caller, FsPath path, String name) throws FsException;

    java.util.List<String> listxattr(Caller caller, FsPath path) throws FsException;

    void setxattr(Caller caller, FsPath path, String name, byte[] value, int flags)
            throws FsException;

    void removexattr(Caller caller, FsPath path, String name) throws FsException;

    /** Releases connections and handles; calls after close fail with ENOTCONN. */
    @Override
    void close();
}
