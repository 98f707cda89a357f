package io.bramble.fs.fuse;

import io.bramble.fs.ops.SetAttr;
import java.util.List;
import java.util.OptionalLong;

/**
 * The body of a kernel request, decoded: one record per operation bramble answers, with the
 * fields it uses. Layouts are those of {@code fuse.h}; {@link RequestDecoder} fills them.
 * Names are single path components; handles are the numbers bramble gave at open.
 */
sealed interface FuseRequest {
    /** FUSE_LOOKUP: find {@code name} in the node's directory. */
    record Lookup(String name) implements FuseRequest {}

    /** FUSE_FORGET: the kernel drops {@code lookups} references to the node; no reply. */
    record Forget(long lookups) implements FuseRequest {}

    /** FUSE_BATCH_FORGET: many forgets at once; no reply. */
    record BatchForget(List<Forgotten> nodes) implements FuseRequest {
        public BatchForget {
            nodes = List.copyOf(nodes);
        }
    }

    /** One node of a {@link BatchForget}. */
    record Forgotten(long nodeId, long lookups) {}

    /** FUSE_GETATTR; {@code handle} is present when the kernel asks through an open file. */
    record GetAttr(OptionalLong handle) implements FuseRequest {}

    /** FUSE_SETATTR: {@code handle} is present for ftruncate and friends. */
    record SetAttributes(SetAttr changes, OptionalLong handle) implements FuseRequest {}

    /** FUSE_READLINK. */
    record ReadLink() implements FuseRequest {}

    /** FUSE_SYMLINK: make {@code name} in the node's directory point at {@code target}. */
    record Symlink(String name, String target) implements FuseRequest {}

    /** FUSE_MKNOD: {@code mode} includes the type and is already masked by the umask. */
    record MakeNode(int mode, int rdev, int umask, String name) implements FuseRequest {}

    /** FUSE_MKDIR: {@code mode} is already masked by the umask. */
    record MakeDirectory(int mode, int umask, String name) implements FuseRequest {}

    /** FUSE_UNLINK. */
    record Unlink(String name) implements FuseRequest {}

    /** FUSE_RMDIR. */
    record RemoveDirectory(String name) implements FuseRequest {}

    /** FUSE_RENAME and FUSE_RENAME2 ({@code flags} 0 for the former). */
    record Rename(long newParent, String oldName, String newName, int flags)
            implements
                FuseRequest {}

    /** FUSE_LINK: make {@code newName} in the node's directory a link to another node. */
    record Link(long existingNodeId, String newName) implements FuseRequest {}

    /** FUSE_OPEN: {@code flags} as open(2), without O_CREAT, O_EXCL and O_NOCTTY. */
    record Open(int flags) implements FuseRequest {}

    /** FUSE_READ. */
    record Read(long handle, long offset, int sizeBytes) implements FuseRequest {}

    /** FUSE_WRITE: {@code data} is a copy, owned by the request. */
    record Write(long handle, long offset, byte[] data, int writeFlags) implements FuseRequest {}

    /** FUSE_STATFS. */
    record StatFileSystem() implements FuseRequest {}

    /** FUSE_RELEASE: the last close of a file handle. */
    record Release(long handle, int flags) implements FuseRequest {}

    /** FUSE_FSYNC. */
    record Fsync(long handle, boolean dataOnly) implements FuseRequest {}

    /** FUSE_SETXATTR: {@code flags} are XATTR_CREATE and XATTR_REPLACE. */
    record SetXattr(String name, byte[] value, int flags) implements FuseRequest {}

    /** FUSE_GETXATTR: {@code sizeBytes} 0 asks only for the value's size. */
    record GetXattr(String name, int sizeBytes) implements FuseRequest {}

    /** FUSE_LISTXATTR: {@code sizeBytes} 0 asks only for the list's size. */
    record ListXattr(int sizeBytes) implements FuseRequest {}

    /** FUSE_REMOVEXATTR. */
    record RemoveXattr(String name) implements FuseRequest {}

    /** FUSE_FLUSH: one close(2) of a descriptor. */
    record Flush(long handle) implements FuseRequest {}

    /** FUSE_INIT: the kernel's protocol version and the capabilities it offers. */
    record Init(int major, int minor, int maxReadaheadBytes, int flags) implements FuseRequest {}

    /** FUSE_OPENDIR. */
    record OpenDirectory(int flags) implements FuseRequest {}

    /** FUSE_READDIR and FUSE_READDIRPLUS ({@code plus}). */
    record ReadDirectory(long handle, long offset, int sizeBytes, boolean plus)
            implements
                FuseRequest {}

    /** FUSE_RELEASEDIR. */
    record ReleaseDirectory(long handle) implements FuseRequest {}

    /** FUSE_FSYNCDIR. */
    record FsyncDirectory(long handle, boolean dataOnly) implements FuseRequest {}

    /** FUSE_ACCESS: only sent without default_permissions, which bramble always sets. */
    record Access(int mask) implements FuseRequest {}

    /** FUSE_CREATE: create and open; {@code mode} is already masked by the umask. */
    record Create(int flags, int mode, int umask, String name) implements FuseRequest {}

    /** FUSE_INTERRUPT: the caller of request {@code unique} was interrupted; no reply. */
    record Interrupt(long unique) implements FuseRequest {}

    /** FUSE_DESTROY: the file system is going away. */
    record Destroy() implements FuseRequest {}

    /** FUSE_FALLOCATE. */
    record Fallocate(long handle, long offset, long lengthBytes, int mode)
            implements
                FuseRequest {}

    /** FUSE_LSEEK: only SEEK_DATA and SEEK_HOLE reach the file system. */
    record Lseek(long handle, long offset, int whence) implements FuseRequest {}

    /** Any opcode bramble does not answer; the reply is ENOSYS. */
    record Unsupported(int opcode) implements FuseRequest {}
}
