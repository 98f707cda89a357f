package io.bramble.fs.replicate;

import io.bramble.fs.ops.FsPath;

/**
 * Settles, at once, a folder a lookup found in split-brain with every copy answering (each
 * copy blamed by another, for names some took and others missed), so that the lookup can ask
 * again rather than fail with EIO until the heal worker comes by. As Gluster's clients heal
 * what their lookups find marked.
 */
@FunctionalInterface
public interface SplitFolderRepair {
    /** Settles nothing: the lookup fails with EIO and the heal worker settles the folder. */
    SplitFolderRepair NONE = dir -> false;

    /**
     * @param dir a path every copy answered for, each blamed by another
     * @return whether its copies were settled; false when it is no folder every copy holds,
     *     or its names cannot be decided
     */
    boolean repair(FsPath dir);
}
