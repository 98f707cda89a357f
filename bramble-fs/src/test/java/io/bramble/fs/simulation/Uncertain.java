package io.bramble.fs.simulation;

import java.util.BitSet;

/**
 * What the model cannot know of one file: bytes a failed write or truncate may or may not
 * have changed on some copy (a refused change is not undone), and whether its size is known.
 * An acknowledged write makes its bytes certain again; an acknowledged truncate the size.
 */
final class Uncertain {
    final BitSet bytes = new BitSet();
    boolean size;

    /** A write past the end also leaves the gap before it as zeros on the copies that took it. */
    void failedWrite(long offset, int length, long modelSize) {
        bytes.set((int) Math.min(offset, modelSize), (int) offset + length);
        if (offset + length > modelSize) {
            size = true;
        }
    }

    void failedTruncate(long from, long to) {
        bytes.set((int) Math.min(from, to), (int) Math.max(from, to));
        size = true;
    }

    void acknowledgedWrite(long offset, int length) {
        bytes.clear((int) offset, (int) offset + length);
    }

    void acknowledgedTruncate(long size) {
        bytes.clear((int) size, Math.max((int) size, bytes.length()));
        this.size = false;
    }

    boolean byteKnown(int index) {
        return !bytes.get(index);
    }
}
