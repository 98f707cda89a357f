package io.bramble.fs.distribute;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirPage;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.ops.StatFs;
import java.util.List;

/**
 * What stands in a subvolume's position once {@code remove-brick} took it from the volume: a
 * subvolume that holds nothing, not even the root, so distribute passes over it as it passes
 * over one that joined later and lacks a directory (ENOENT); its handles are gone (EBADF).
 * Nothing is placed on it, since no layout names it.
 */
final class RemovedSubvolume implements FileOps {
    private static FsException gone(FsPath path) {
        return new FsException(Errno.ENOENT, path + ": on a removed subvolume");
    }

    private static FsException gone(long handle) {
        return new FsException(Errno.EBADF, "handle " + handle + " of a removed subvolume");
    }

    @Override
    public Attr getattr(Caller caller, FsPath path) throws FsException {
        throw gone(path);
    }

    @Override
    public Attr setattr(Caller caller, FsPath path, SetAttr changes) throws FsException {
        throw gone(path);
    }

    @Override
    public Attr fsetattr(long handle, SetAttr changes) throws FsException {
        throw gone(handle);
    }

    @Override
    public Attr mkdir(Caller caller, FsPath path, FileId id, int mode) throws FsException {
        throw gone(path);
    }

    @Override
    public Attr mknod(Caller caller, FsPath path, FileId id, int mode, long rdev)
            throws FsException {
        throw gone(path);
    }

    @Override
    public Attr symlink(Caller caller, FsPath path, FileId id, String target)
            throws FsException {
        throw gone(path);
    }

    @Override
    public String readlink(Caller caller, FsPath path) throws FsException {
        throw gone(path);
    }

    @Override
    public void unlink(Caller caller, FsPath path) throws FsException {
        throw gone(path);
    }

    @Override
    public void rmdir(Caller caller, FsPath path) throws FsException {
        throw gone(path);
    }

    @Override
    public void rename(Caller caller, FsPath from, FsPath to, int flags) throws FsException {
        throw gone(from);
    }

    @Override
    public Attr link(Caller caller, FsPath existing, FsPath newPath) throws FsException {
        throw gone(existing);
    }

    @Override
    public Opened create(Caller caller, FsPath path, FileId id, int mode, int flags)
            throws FsException {
        throw gone(path);
    }

    @Override
    public Opened open(Caller caller, FsPath path, int flags) throws FsException {
        throw gone(path);
    }

    @Override
    public byte[] read(long handle, long offset, int sizeBytes) throws FsException {
        throw gone(handle);
    }

    @Override
    public int write(long handle, long offset, byte[] data) throws FsException {
        throw gone(handle);
    }

    @Override
    public void flush(long handle) throws FsException {
        throw gone(handle);
    }

    @Override
    public void fsync(long handle, boolean dataOnly) throws FsException {
        throw gone(handle);
    }

    @Override
    public void release(long handle) throws FsException {
        throw gone(handle);
    }

    @Override
    public void fallocate(long handle, int mode, long offset, long lengthBytes)
            throws FsException {
        throw gone(handle);
    }

    @Override
    public long lseek(long handle, long offset, int whence) throws FsException {
        throw gone(handle);
    }

    @Override
    public DirPage readdir(Caller caller, FsPath dir, String afterName, int entriesMax)
            throws FsException {
        throw gone(dir);
    }

    @Override
    public StatFs statfs(Caller caller, FsPath path) throws FsException {
        throw gone(path);
    }

    @Override
    public byte[] getxattr(Caller caller, FsPath path, String name) throws FsException {
        throw gone(path);
    }

    @Override
    public List<String> listxattr(Caller caller, FsPath path) throws FsException {
        throw gone(path);
    }

    @Override
    public void setxattr(Caller caller, FsPath path, String name, byte[] value, int flags)
            throws FsException {
        throw gone(path);
    }

    @Override
    public void removexattr(Caller caller, FsPath path, String name) throws FsException {
        throw gone(path);
    }

    @Override
    public void close() {
    }
}
