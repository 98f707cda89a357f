package io.bramble.fs.fuse;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.StatFs;

/**
 * What bramble answers to one request, before {@link ReplyEncoder} lays it out as
 * {@code fuse.h} says. Timeouts are nanoseconds the kernel may cache the answer for.
 */
sealed interface FuseReply {
    /** An error: the kernel hands {@code -errno} to the caller. */
    record Error(int errno) implements FuseReply {}

    /** Success without a body (unlink, release, flush…). */
    record Ok() implements FuseReply {}

    /** Forget and interrupt get no reply at all. */
    record None() implements FuseReply {}

    /** {@code struct fuse_entry_out}: a name resolved to a node; counts as one lookup. */
    record Entry(long nodeId, long generation, long entryValidNs, long attrValidNs, Attr attr)
            implements
                FuseReply {}

    /** {@code struct fuse_attr_out}. */
    record Attributes(long attrValidNs, Attr attr) implements FuseReply {}

    /** {@code struct fuse_open_out}: {@code openFlags} are FOPEN_* bits. */
    record OpenHandle(long handle, int openFlags) implements FuseReply {}

    /** The reply to FUSE_CREATE: an entry and an open handle. */
    record Created(Entry entry, OpenHandle open) implements FuseReply {}

    /** Raw bytes: file data, a link target, an xattr value or list, a directory buffer. */
    record Data(byte[] bytes) implements FuseReply {}

    /** {@code struct fuse_write_out}. */
    record Written(int sizeBytes) implements FuseReply {}

    /** {@code struct fuse_statfs_out}. */
    record FileSystemStats(StatFs stats) implements FuseReply {}

    /** {@code struct fuse_getxattr_out}: the size a getxattr or listxattr needs. */
    record XattrSize(int sizeBytes) implements FuseReply {}

    /** {@code struct fuse_lseek_out}. */
    record SeekOffset(long offset) implements FuseReply {}

    /** {@code struct fuse_init_out}: what bramble settled with the kernel. */
    record InitReply(
            int major,
            int minor,
            int maxReadaheadBytes,
            int flags,
            int maxBackground,
            int congestionThreshold,
            int maxWriteBytes,
            int timeGranularityNs,
            int maxPages) implements FuseReply {}
}
