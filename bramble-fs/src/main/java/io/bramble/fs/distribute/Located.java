package io.bramble.fs.distribute;

import io.bramble.fs.ops.Attr;

/**
 * Where a name was found.
 *
 * @param data the subvolume holding the file (for a directory, the hashed one)
 * @param pointer the subvolume holding a pointer to it, or -1
 * @param attr the attributes of the copy on {@code data}
 */
record Located(int data, int pointer, Attr attr) {
    static final int NONE = -1;

    boolean hasPointer() {
        return pointer != NONE;
    }

    boolean isDirectory() { return attr.isDirectory(); }
}
