package io.bramble.fs.disperse;

/**
 * Arithmetic in GF(2^8), the field of bytes that the disperse code computes in: addition is
 * XOR, multiplication is of polynomials over GF(2) modulo {@link #POLYNOMIAL}. Products come
 * from log and antilog tables built once from the generator 2, which is primitive for that
 * polynomial (its powers run through all 255 non-zero bytes); the coding loops use
 * {@link #productRow(int)}, a 256-byte row of ready products per coefficient, so that a byte
 * costs one table load and no branch.
 *
 * <p>Elements are passed as {@code int} values 0 to 255.
 */
final class Gf256 {
    /** x^8 + x^4 + x^3 + x^2 + 1, the polynomial of most Reed-Solomon coders (Hadoop's too). */
    static final int POLYNOMIAL = 0x11D;

    private static final int ORDER = 255;
    /** LOG[a] = n with 2^n = a, for a in 1..255; LOG[0] is never read. */
    private static final int[] LOG = new int[256];
    /** EXP[n] = 2^n, twice over, so that EXP[LOG[a] + LOG[b]] needs no reduction. */
    private static final int[] EXP = new int[2 * ORDER];
    /** PRODUCTS[c][x] = c * x: 64 KiB, never written after class initialisation. */
    private static final byte[][] PRODUCTS = new byte[256][256];

    static {
        int value = 1;
        for (int n = 0; n < ORDER; n++) {
            EXP[n] = value;
            EXP[n + ORDER] = value;
            LOG[value] = n;
            value <<= 1;
            if (value > 0xFF) {
                value ^= POLYNOMIAL;
            }
        }
        for (int c = 0; c < 256; c++) {
            for (int x = 0; x < 256; x++) {
                PRODUCTS[c][x] = (byte) multiply(c, x);
            }
        }
    }

    private Gf256() {
    }

    static int multiply(int a, int b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return EXP[LOG[element(a)] + LOG[element(b)]];
    }

    /** a / b; b must not be 0. */
    static int divide(int a, int b) {
        if (element(b) == 0) {
            throw new ArithmeticException("division by zero in GF(2^8)");
        }
        if (element(a) == 0) {
            return 0;
        }
        return EXP[LOG[a] - LOG[b] + ORDER];
    }

    /** The b with a * b = 1; a must not be 0. */
    static int inverse(int a) {
        return divide(1, a);
    }

    /**
     * The products of {@code coefficient} with every byte, indexed by the byte's unsigned
     * value. Shared: callers must never write into it.
     */
    static byte[] productRow(int coefficient) {
        return PRODUCTS[element(coefficient)];
    }

    /**
     * The inverse of a square matrix (rows of elements), by Gauss-Jordan elimination; the
     * argument is left as it was.
     *
     * @throws ArithmeticException when the matrix is singular
     */
    static int[][] invert(int[][] matrix) {
        int size = matrix.length;
        int[][] work = new int[size][];
        int[][] inverse = new int[size][size];
        for (int r = 0; r < size; r++) {
            if (matrix[r].length != size) {
                throw new IllegalArgumentException("matrix is not square: row " + r + " has "
                        + matrix[r].length + " elements, " + size + " expected");
            }
            work[r] = matrix[r].clone();
            inverse[r][r] = 1;
        }
        for (int column = 0; column < size; column++) {
            int pivot = column;
            while (pivot < size && work[pivot][column] == 0) {
                pivot++;
            }
            if (pivot == size) {
                throw new ArithmeticException("matrix is singular (column " + column + ")");
            }
            swap(work, pivot, column);
            swap(inverse, pivot, column);
            int scale = inverse(work[column][column]);
            scaleRow(work[column], scale);
            scaleRow(inverse[column], scale);
            for (int r = 0; r < size; r++) {
                int factor = work[r][column];
                if (r != column && factor != 0) {
                    subtractScaled(work[r], work[column], factor);
                    subtractScaled(inverse[r], inverse[column], factor);
                }
            }
        }
        return inverse;
    }

    /** The product of a row vector and a matrix whose row count is the vector's length. */
    static int[] times(int[] vector, int[][] matrix) {
        int[] product = new int[matrix[0].length];
        for (int i = 0; i < vector.length; i++) {
            for (int j = 0; j < product.length; j++) {
                product[j] ^= multiply(vector[i], matrix[i][j]);
            }
        }
        return product;
    }

    private static int element(int value) {
        if ((value & ~0xFF) != 0) {
            throw new IllegalArgumentException("not a GF(2^8) element: " + value);
        }
        return value;
    }

    private static void swap(int[][] rows, int a, int b) {
        int[] row = rows[a];
        rows[a] = rows[b];
        rows[b] = row;
    }

    private static void scaleRow(int[] row, int factor) {
        for (int i = 0; i < row.length; i++) {
            row[i] = multiply(row[i], factor);
        }
    }

    /** target -= factor * source (subtraction is addition, XOR, in this field). */
    private static void subtractScaled(int[] target, int[] source, int factor) {
        for (int i = 0; i < target.length; i++) {
            target[i] ^= multiply(source[i], factor);
        }
    }
}
