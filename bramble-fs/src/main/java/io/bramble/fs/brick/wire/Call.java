package io.bramble.fs.brick.wire;

import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.SetAttr;

/** The arguments of one file operation, one record per {@link io.bramble.fs.ops.FileOps} call. */
public sealed interface Call {
    /** A call on an open file: the server checks the handle belongs to the connection. */
    sealed interface OnHandle extends Call {
        long handle();
    }

    record Getattr(FsPath path) implements Call {}

    /** Attributes with the xattrs whose names start with {@code prefix}. */
    record GetattrXattrs(FsPath path, String prefix) implements Call {}

    record Setattr(FsPath path, SetAttr changes) implements Call {}

    record Mkdir(FsPath path, FileId id, int mode) implements Call {}

    record Mknod(FsPath path, FileId id, int mode, long rdev) implements Call {}

    record Symlink(FsPath path, FileId id, String target) implements Call {}

    record Readlink(FsPath path) implements Call {}

    record Unlink(FsPath path) implements Call {}

    record Rmdir(FsPath path) implements Call {}

    record Rename(FsPath from, FsPath to, int flags) implements Call {}

    /** An unlink that answers with the removed file's xattrs under {@code prefix}. */
    record UnlinkXattrs(FsPath path, String prefix) implements Call {}

    /** An rmdir that answers with the removed folder's xattrs under {@code prefix}. */
    record RmdirXattrs(FsPath path, String prefix) implements Call {}

    /** A rename that answers with the replaced file's xattrs under {@code prefix}. */
    record RenameXattrs(FsPath from, FsPath to, int flags, String prefix) implements Call {}

    record Link(FsPath existing, FsPath newPath) implements Call {}

    record Create(FsPath path, FileId id, int mode, int flags) implements Call {}

    record Open(FsPath path, int flags) implements Call {}

    /** An open with the xattrs whose names start with {@code prefix}. */
    record OpenXattrs(FsPath path, int flags, String prefix) implements Call {}

    record Read(long handle, long offset, int sizeBytes) implements OnHandle {}

    record Write(long handle, long offset, byte[] data) implements OnHandle {}

    record Flush(long handle) implements OnHandle {}

    record Fsync(long handle, boolean dataOnly) implements OnHandle {}

    record Release(long handle) implements OnHandle {}

    record Fallocate(long handle, int mode, long offset, long lengthBytes) implements OnHandle {}

    record Lseek(long handle, long offset, int whence) implements OnHandle {}

    /** A change of attributes through an open file, which may have no name left. */
    record Fsetattr(long handle, SetAttr changes) implements OnHandle {}

    /** @param afterName null for the first page */
    record Readdir(FsPath dir, String afterName, int entriesMax) implements Call {}

    /** A listing page whose entries bring their xattrs starting with {@code prefix}. */
    record ReaddirXattrs(FsPath dir, String afterName, int entriesMax, String prefix)
            implements
                Call {}

    record Statfs(FsPath path) implements Call {}

    record Getxattr(FsPath path, String name) implements Call {}

    record Listxattr(FsPath path) implements Call {}

    record Setxattr(FsPath path, String name, byte[] value, int flags) implements Call {}

    record Removexattr(FsPath path, String name) implements Call {}
}
