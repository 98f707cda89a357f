package io.bramble.fs.disperse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A matrix over GF(2^8) made ready to code fragments: output {@code o} becomes the sum over
 * inputs {@code i} of {@code coefficients[o][i]} times input {@code i}, byte by byte. Encoding
 * uses the parity rows of the code; decoding uses rows computed for the fragments at hand.
 *
 * <p>Fragments are coded in blocks of {@link #BLOCK_BYTES}, every output of a block before the
 * next block, so that the block of each input and output stays in the CPU's caches while the
 * block is coded. Each coefficient's products are a 256-byte table row chosen before the loop,
 * so a byte costs one table load and no branch; bytes are read, summed (XOR) and written eight
 * at a time as longs. Buffers without an accessible array (direct or read-only buffers) are
 * copied through a block-sized scratch array.
 */
final class CodingMatrix {
    /** Bytes of each fragment coded before moving on: 31 fragments of it fit a 256 KiB cache. */
    static final int BLOCK_BYTES = 4096;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final int[][] coefficients;
    /** products[o][i] = the product row of coefficients[o][i]. */
    private final byte[][][] products;

    CodingMatrix(int[][] coefficients) {
        this.coefficients = new int[coefficients.length][];
        this.products = new byte[coefficients.length][][];
        for (int o = 0; o < coefficients.length; o++) {
            this.coefficients[o] = coefficients[o].clone();
            this.products[o] = new byte[coefficients[o].length][];
            for (int i = 0; i < coefficients[o].length; i++) {
                products[o][i] = Gf256.productRow(coefficients[o][i]);
            }
        }
    }

    /**
     * Codes {@code length} bytes from each input's position into each output's position;
     * positions and limits are left as they were. Outputs must not overlap inputs.
     */
    void apply(ByteBuffer[] inputs, ByteBuffer[] outputs, int length) {
        Views in = new Views(inputs);
        Views out = new Views(outputs);
        for (int start = 0; start < length; start += BLOCK_BYTES) {
            int bytes = Math.min(BLOCK_BYTES, length - start);
            in.load(start, bytes);
            out.point(start);
            for (int o = 0; o < outputs.length; o++) {
                combine(o, in, out.arrays[o], out.offsets[o], bytes);
            }
            out.store(start, bytes);
        }
    }

    private void combine(int output, Views in, byte[] out, int outOffset, int bytes) {
        int[] row = coefficients[output];
        boolean written = false;
        for (int i = 0; i < row.length; i++) {
            if (row[i] == 0) {
                continue;
            }
            byte[] source = in.arrays[i];
            int sourceOffset = in.offsets[i];
            if (row[i] == 1 && !written) {
                System.arraycopy(source, sourceOffset, out, outOffset, bytes);
            } else if (row[i] == 1) {
                add(source, sourceOffset, out, outOffset, bytes);
            } else if (!written) {
                multiply(products[output][i], source, sourceOffset, out, outOffset, bytes);
            } else {
                multiplyAdd(products[output][i], source, sourceOffset, out, outOffset, bytes);
            }
            written = true;
        }
        if (!written) {
            Arrays.fill(out, outOffset, outOffset + bytes, (byte) 0);
        }
    }

    private static void multiply(byte[] products, byte[] in, int inOffset, byte[] out,
            int outOffset, int bytes) {
        int b = 0;
        for (; b <= bytes - Long.BYTES; b += Long.BYTES) {
            long word = (long) LONGS.get(in, inOffset + b);
            LONGS.set(out, outOffset + b, products(products, word));
        }
        for (; b < bytes; b++) {
            out[outOffset + b] = products[in[inOffset + b] & 0xFF];
        }
    }

    private static void multiplyAdd(byte[] products, byte[] in, int inOffset, byte[] out,
            int outOffset, int bytes) {
        int b = 0;
        for (; b <= bytes - Long.BYTES; b += Long.BYTES) {
            long word = (long) LONGS.get(in, inOffset + b);
            long sum = (long) LONGS.get(out, outOffset + b) ^ products(products, word);
            LONGS.set(out, outOffset + b, sum);
        }
        for (; b < bytes; b++) {
            out[outOffset + b] ^= products[in[inOffset + b] & 0xFF];
        }
    }

    /** The products of the 8 bytes of {@code word}, in the same places. */
    private static long products(byte[] products, long word) {
        return (products[(int) word & 0xFF] & 0xFFL)
                | (products[(int) (word >>> 8) & 0xFF] & 0xFFL) << 8
                | (products[(int) (word >>> 16) & 0xFF] & 0xFFL) << 16
                | (products[(int) (word >>> 24) & 0xFF] & 0xFFL) << 24
                | (products[(int) (word >>> 32) & 0xFF] & 0xFFL) << 32
                | (products[(int) (word >>> 40) & 0xFF] & 0xFFL) << 40
                | (products[(int) (word >>> 48) & 0xFF] & 0xFFL) << 48
                | (products[(int) (word >>> 56) & 0xFF] & 0xFFL) << 56;
    }

    private static void add(byte[] in, int inOffset, byte[] out, int outOffset, int bytes) {
        for (int b = 0; b < bytes; b++) {
            out[outOffset + b] ^= in[inOffset + b];
        }
    }

    /** Where each buffer's current block is: in its own array, or in a scratch copy. */
    private static final class Views {
        final ByteBuffer[] buffers;
        final byte[][] arrays;
        final int[] offsets;
        final boolean[] scratch;

        Views(ByteBuffer[] buffers) {
            this.buffers = buffers;
            this.arrays = new byte[buffers.length][];
            this.offsets = new int[buffers.length];
            this.scratch = new boolean[buffers.length];
            for (int i = 0; i < buffers.length; i++) {
                scratch[i] = !buffers[i].hasArray();
                arrays[i] = scratch[i] ? new byte[BLOCK_BYTES] : buffers[i].array();
            }
        }

        /** Points at the block starting {@code start} bytes past each position. */
        void point(int start) {
            for (int i = 0; i < buffers.length; i++) {
                ByteBuffer buffer = buffers[i];
                offsets[i] = scratch[i] ? 0 : buffer.arrayOffset() + buffer.position() + start;
            }
        }

        /** Points at the block and copies it into the scratch arrays that need it. */
        void load(int start, int bytes) {
            point(start);
            for (int i = 0; i < buffers.length; i++) {
                if (scratch[i]) {
                    buffers[i].get(buffers[i].position() + start, arrays[i], 0, bytes);
                }
            }
        }

        /** Copies the block from the scratch arrays back into their buffers. */
        void store(int start, int bytes) {
            for (int i = 0; i < buffers.length; i++) {
                if (scratch[i]) {
                    buffers[i].put(buffers[i].position() + start, arrays[i], 0, bytes);
                }
            }
        }
    }
}
