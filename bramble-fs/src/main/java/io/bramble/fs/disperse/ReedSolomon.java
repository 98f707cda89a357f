package io.bramble.fs.disperse;

import io.bramble.common.check.Checks;
import java.nio.ByteBuffer;

/**
 * A systematic Reed-Solomon code over GF(2^8) ({@link Gf256}): D data fragments are kept as
 * they are and M parity fragments are computed from them, so that any D of the D + M fragments
 * rebuild all the others, byte for byte. Fragment {@code i} is data fragment {@code i} for
 * {@code i < D} and parity fragment {@code i - D} after them.
 *
 * <p><b>The matrix.</b> Fragments are the product of a (D + M) x D matrix with the data: the
 * identity on top (the data fragments), and below it the Cauchy matrix C with
 * {@code C[p][j] = 1 / (x_p + y_j)}, {@code x_p = D + p}, {@code y_j = j}, the sum being XOR in
 * this field. The x and y values are distinct bytes, so no sum is 0. A code must be able to
 * rebuild from any D fragments, so every D x D choice of rows must be invertible: every square
 * submatrix of a Cauchy matrix is itself a Cauchy matrix, which is invertible, and a choice of
 * k identity rows and D - k rows of C reduces, once the k known data fragments are taken out,
 * to a (D - k) x (D - k) submatrix of C. A Vandermonde matrix would do too, but only once made
 * systematic by an inversion (Vandermonde rows put under the identity as they are do not
 * always rebuild from every choice of fragments); the Cauchy matrix is systematic as it
 * stands. It is the matrix of Intel ISA-L's {@code gf_gen_cauchy1_matrix} and of Hadoop's
 * pure-Java {@code RSRawEncoder} (same polynomial, same x and y), so parity made here is
 * byte-identical to theirs; the tests check that against Hadoop.
 *
 * <p><b>Limits</b>, as Gluster's disperse volumes have them: at most
 * {@value #DATA_FRAGMENTS_MAX} data fragments ({@code EC_METHOD_MAX_FRAGMENTS}), at least one
 * redundancy fragment, and fewer redundancy fragments than data fragments ({@code redundancy *
 * 2 < disperse count}), so at most 31 fragments in all. Gluster's own code is not systematic
 * (every brick holds a coded fragment), so its brick files are not bramble's.
 *
 * <p>Instances are immutable and may be shared between threads; each call codes the buffers
 * it is given and keeps nothing. Fragments are passed as {@link ByteBuffer}s and coded from
 * position to limit (all the same length), without copying from array-backed buffers: a
 * range of a larger array is {@code ByteBuffer.wrap(array, offset, length)}. Positions and
 * limits are left as they were.
 */
public final class ReedSolomon {
    /** Gluster's {@code EC_METHOD_MAX_FRAGMENTS}: data fragments of one disperse set. */
    public static final int DATA_FRAGMENTS_MAX = 16;

    private final int dataCount;
    private final int parityCount;
    /** parityRows[p][j]: the coefficient of data fragment j in parity fragment p. */
    private final int[][] parityRows;
    private final CodingMatrix encoder;

    /**
     * A code of {@code dataCount} data and {@code parityCount} parity fragments (Gluster's
     * {@code disperse dataCount+parityCount redundancy parityCount}).
     */
    public ReedSolomon(int dataCount, int parityCount) {
        Checks.inRange(dataCount, 2, DATA_FRAGMENTS_MAX, "data fragments");
        Checks.argument(parityCount >= 1, "a disperse code needs at least 1 redundancy "
                + "fragment, got " + parityCount);
        Checks.argument(parityCount < dataCount, "redundancy must be less than the data "
                + "fragments (" + dataCount + "), got " + parityCount
                + ": with as much redundancy as data, replicate serves better");
        this.dataCount = dataCount;
        this.parityCount = parityCount;
        this.parityRows = new int[parityCount][dataCount];
        for (int p = 0; p < parityCount; p++) {
            for (int j = 0; j < dataCount; j++) {
                parityRows[p][j] = Gf256.inverse((dataCount + p) ^ j);
            }
        }
        this.encoder = new CodingMatrix(parityRows);
    }

    public int dataCount() {
        return dataCount;
    }

    public int parityCount() {
        return parityCount;
    }

    /** Data and parity fragments together: the bricks of a disperse set. */
    public int fragmentCount() {
        return dataCount + parityCount;
    }

    /** The coefficient of data fragment {@code data} in fragment {@code fragment}. */
    int coefficient(int fragment, int data) {
        if (fragment < dataCount) {
            return fragment == data ? 1 : 0;
        }
        return parityRows[fragment - dataCount][data];
    }

    /**
     * Computes the parity fragments of {@code data} ({@link #dataCount()} buffers) into
     * {@code parity} ({@link #parityCount()} writable buffers), all of one length.
     */
    public void encode(ByteBuffer[] data, ByteBuffer[] parity) {
        Checks.argument(data.length == dataCount, "expected " + dataCount
                + " data fragments, got " + data.length);
        Checks.argument(parity.length == parityCount, "expected " + parityCount
                + " parity fragments, got " + parity.length);
        int length = FragmentBuffers.commonLength(data, parity);
        encoder.apply(data, parity, length);
    }

    /**
     * Rebuilds fragments from the ones at hand. Both arrays have {@link #fragmentCount()}
     * entries, indexed by fragment: {@code available[i]} holds fragment {@code i} when it is
     * at hand, else null; {@code rebuilt[i]} is where to write fragment {@code i} when it
     * should be rebuilt, else null. A fragment cannot be both. Every buffer has one length.
     * Data fragments are preferred as sources, so that with every data fragment at hand a
     * parity fragment costs what its encoding costs.
     *
     * @throws TooFewFragmentsException when fewer than {@link #dataCount()} are available
     */
    public void decode(ByteBuffer[] available, ByteBuffer[] rebuilt) {
        int fragments = fragmentCount();
        Checks.argument(available.length == fragments && rebuilt.length == fragments,
                "expected " + fragments + " entries in available and rebuilt, got "
                        + available.length + " and " + rebuilt.length);
        int[] sources = new int[dataCount];
        int sourceCount = 0;
        int rebuiltCount = 0;
        for (int i = 0; i < fragments; i++) {
            Checks.argument(available[i] == null || rebuilt[i] == null, "fragment " + i
                    + " is both available and to be rebuilt");
            if (available[i] != null && sourceCount < dataCount) {
                sources[sourceCount++] = i;
            }
            rebuiltCount += rebuilt[i] == null ? 0 : 1;
        }
        if (sourceCount < dataCount) {
            throw new TooFewFragmentsException(sourceCount, dataCount, fragments);
        }
        ByteBuffer[] inputs = new ByteBuffer[dataCount];
        for (int s = 0; s < dataCount; s++) {
            inputs[s] = available[sources[s]];
        }
        ByteBuffer[] outputs = new ByteBuffer[rebuiltCount];
        int[][] rows = new int[rebuiltCount][];
        int[][] fromSources = Gf256.invert(rowsOf(sources));
        for (int i = 0, o = 0; i < fragments; i++) {
            if (rebuilt[i] != null) {
                outputs[o] = rebuilt[i];
                rows[o++] = rowFromSources(i, fromSources);
            }
        }
        int length = FragmentBuffers.commonLength(inputs, outputs);
        new CodingMatrix(rows).apply(inputs, outputs, length);
    }

    /**
     * The coefficients that make fragment {@code fragment} from the sources, given the matrix
     * that makes the data from them.
     */
    private int[] rowFromSources(int fragment, int[][] fromSources) {
        if (fragment < dataCount) {
            return fromSources[fragment];
        }
        return Gf256.times(parityRows[fragment - dataCount], fromSources);
    }

    /** The rows of the code's matrix that make the given fragments from the data. */
    private int[][] rowsOf(int[] fragments) {
        int[][] rows = new int[fragments.length][dataCount];
        for (int r = 0; r < fragments.length; r++) {
            for (int j = 0; j < dataCount; j++) {
                rows[r][j] = coefficient(fragments[r], j);
            }
        }
        return rows;
    }
}
