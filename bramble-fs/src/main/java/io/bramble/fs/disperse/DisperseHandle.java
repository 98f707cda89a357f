package io.bramble.fs.disperse;

/**
 * One open of a file through a disperse set: the file's shared state and this open's handle
 * on each child (-1 where the child did not open it; such a child is left out of this open's
 * reads and writes, and so falls behind if it is written).
 */
final class DisperseHandle {
    final OpenFragments file;
    final int flags;
    private final long[] childHandles;

    DisperseHandle(OpenFragments file, int flags, long[] childHandles) {
        this.file = file;
        this.flags = flags;
        this.childHandles = childHandles.clone();
    }

    synchronized long childHandle(int child) {
        return childHandles[child];
    }

    synchronized void childHandle(int child, long handle) {
        childHandles[child] = handle;
    }

    int childCount() {
        return childHandles.length;
    }
}
