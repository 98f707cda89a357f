package io.bramble.fs.disperse;

import java.nio.ByteBuffer;
import java.util.Random;

/** Fragments for tests: random data, parity made by a code, copies and buffers over them. */
final class Fragments {
    private Fragments() {
    }

    /** D random data fragments followed by their M parity fragments, each of {@code length}. */
    static byte[][] encoded(ReedSolomon code, int length, Random random) {
        byte[][] fragments = new byte[code.fragmentCount()][length];
        for (int i = 0; i < code.dataCount(); i++) {
            random.nextBytes(fragments[i]);
        }
        ByteBuffer[] data = wrap(fragments, 0, code.dataCount());
        ByteBuffer[] parity = wrap(fragments, code.dataCount(), code.fragmentCount());
        code.encode(data, parity);
        return fragments;
    }

    static ByteBuffer[] wrap(byte[][] arrays, int from, int to) {
        ByteBuffer[] buffers = new ByteBuffer[to - from];
        for (int i = from; i < to; i++) {
            buffers[i - from] = ByteBuffer.wrap(arrays[i]);
        }
        return buffers;
    }
}
