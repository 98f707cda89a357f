package io.bramble.fs.fuse;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Attaches a FUSE file system to a directory and detaches it: root asks the kernel itself,
 * anyone else goes through the set-uid fusermount3.
 */
interface Mounter {
    /** Mounts on {@code mountPoint}; returns the /dev/fuse descriptor that serves it. */
    int mount(Path mountPoint, String source, FuseOptions options) throws IOException;

    /** Unmounts cleanly, or lazily when files are still open; quiet when not mounted. */
    void unmount(Path mountPoint) throws IOException;

    static Mounter forThisProcess() {
        return Libc.geteuid() == 0 ? new KernelMounter() : new FusermountMounter();
    }
}
