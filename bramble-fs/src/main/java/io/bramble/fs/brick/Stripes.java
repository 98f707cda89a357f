package io.bramble.fs.brick;

import io.bramble.fs.ops.FileId;

/**
 * Locks by file id, so that the pending marks of one file and its index entry change
 * together, while different files proceed in parallel. A fixed number of locks bounds memory.
 */
final class Stripes {
    private static final int STRIPES = 64;

    private final Object[] locks = new Object[STRIPES];

    Stripes() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    Object of(FileId id) {
        return locks[Math.floorMod(id.hashCode(), STRIPES)];
    }
}
