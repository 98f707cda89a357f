package io.bramble.fs.disperse;

import java.nio.ByteBuffer;

/** The checks every coding call makes on the buffers it is given. */
final class FragmentBuffers {
    private FragmentBuffers() {
    }

    /**
     * The bytes left in every buffer, which must be the same for all; outputs must be
     * writable. Null buffers are refused.
     */
    static int commonLength(ByteBuffer[] inputs, ByteBuffer[] outputs) {
        int length = -1;
        for (ByteBuffer[] buffers : new ByteBuffer[][]{inputs, outputs}) {
            for (int i = 0; i < buffers.length; i++) {
                ByteBuffer buffer = buffers[i];
                if (buffer == null) {
                    throw new IllegalArgumentException("fragment buffer " + i + " is missing");
                }
                if (length >= 0 && buffer.remaining() != length) {
                    throw new IllegalArgumentException("fragments differ in length: "
                            + buffer.remaining() + " bytes, others " + length);
                }
                length = buffer.remaining();
            }
        }
        for (ByteBuffer output : outputs) {
            if (output.isReadOnly()) {
                throw new IllegalArgumentException("a fragment to write is read-only");
            }
        }
        return Math.max(length, 0);
    }
}
