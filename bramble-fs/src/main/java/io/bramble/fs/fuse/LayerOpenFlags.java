package io.bramble.fs.fuse;

import io.bramble.fs.ops.OpenFlags;

/**
 * The open flags the layers get. With the writeback cache the kernel reads whole pages
 * before it writes parts of them, even through a write-only descriptor, so the layers open
 * for reading too; and the kernel places appended data itself, so O_APPEND is dropped lest
 * a layer append it a second time.
 */
final class LayerOpenFlags {
    private LayerOpenFlags() {
    }

    static int of(int kernelFlags, boolean writebackCache) {
        if (!writebackCache) {
            return kernelFlags;
        }
        int flags = kernelFlags & ~OpenFlags.APPEND;
        if ((flags & OpenFlags.ACCESS_MASK) == OpenFlags.WRONLY) {
            flags = flags & ~OpenFlags.ACCESS_MASK | OpenFlags.RDWR;
        }
        return flags;
    }
}
