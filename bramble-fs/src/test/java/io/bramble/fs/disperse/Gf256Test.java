package io.bramble.fs.disperse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class Gf256Test {
    /** Every product agrees with multiplying polynomials bit by bit, reduced by 0x11D. */
    @Test
    void productsMatchPolynomialMultiplication() {
        for (int a = 0; a < 256; a++) {
            byte[] row = Gf256.productRow(a);
            for (int b = 0; b < 256; b++) {
                int expected = carrylessProduct(a, b);
                assertThat(Gf256.multiply(a, b)).as("%d * %d", a, b).isEqualTo(expected);
                assertThat(row[b] & 0xFF).as("row %d at %d", a, b).isEqualTo(expected);
            }
        }
    }

    @Test
    void valuesArePinned() {
        assertThat(Gf256.POLYNOMIAL).isEqualTo(0x11D);
        assertThat(Gf256.multiply(2, 0x80)).isEqualTo(0x1D);
        assertThat(Gf256.inverse(2)).isEqualTo(0x8E);
    }

    /** 2 generates the field: its powers are the 255 non-zero bytes. */
    @Test
    void twoIsPrimitive() {
        Set<Integer> powers = new HashSet<>();
        int power = 1;
        for (int n = 0; n < 255; n++) {
            powers.add(power);
            power = Gf256.multiply(power, 2);
        }
        assertThat(power).isEqualTo(1);
        assertThat(powers).hasSize(255).doesNotContain(0);
    }

    @Test
    void everyNonZeroElementHasAnInverse() {
        for (int a = 1; a < 256; a++) {
            assertThat(Gf256.multiply(a, Gf256.inverse(a))).as("%d", a).isEqualTo(1);
            for (int b = 1; b < 256; b++) {
                assertThat(Gf256.divide(Gf256.multiply(a, b), b)).isEqualTo(a);
            }
        }
        assertThat(Gf256.divide(0, 7)).isZero();
    }

    @Test
    void refusesZeroDivisorsAndNonElements() {
        assertThatThrownBy(() -> Gf256.inverse(0)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Gf256.divide(5, 0)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Gf256.multiply(256, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256");
        assertThatThrownBy(() -> Gf256.productRow(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 300)
    void multiplicationDistributesOverAddition(@ForAll @IntRange(max = 255) int a,
            @ForAll @IntRange(max = 255) int b, @ForAll @IntRange(max = 255) int c) {
        assertThat(Gf256.multiply(a, b ^ c))
                .isEqualTo(Gf256.multiply(a, b) ^ Gf256.multiply(a, c));
        assertThat(Gf256.multiply(Gf256.multiply(a, b), c))
                .isEqualTo(Gf256.multiply(a, Gf256.multiply(b, c)));
    }

    /** A random matrix that inverts gives the identity when multiplied by its inverse. */
    @Property(tries = 200)
    void inverseTimesMatrixIsTheIdentity(@ForAll @IntRange(min = 1, max = 16) int size,
            @ForAll long seed) {
        Random random = new Random(seed);
        int[][] matrix = new int[size][size];
        for (int[] row : matrix) {
            for (int j = 0; j < size; j++) {
                row[j] = random.nextInt(256);
            }
        }
        int[][] before = deepCopy(matrix);
        int[][] inverse;
        try {
            inverse = Gf256.invert(matrix);
        } catch (ArithmeticException singular) {
            return;
        }
        assertThat(matrix).isDeepEqualTo(before);
        for (int i = 0; i < size; i++) {
            int[] product = Gf256.times(inverse[i], matrix);
            for (int j = 0; j < size; j++) {
                assertThat(product[j]).as("(%d, %d)", i, j).isEqualTo(i == j ? 1 : 0);
            }
        }
    }

    @Test
    void singularMatricesAreRefused() {
        int[][] twoEqualRows = {{1, 2, 3}, {4, 5, 6}, {1, 2, 3}};
        assertThatThrownBy(() -> Gf256.invert(twoEqualRows))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("singular");
        int[][] rowSum = {{1, 2}, {3, 4}, {1 ^ 3, 2 ^ 4}};
        assertThatThrownBy(() -> Gf256.invert(rowSum))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("square");
        int[][] dependent = {{1, 2}, {2, 4}};
        assertThatThrownBy(() -> Gf256.invert(dependent))
                .isInstanceOf(ArithmeticException.class);
    }

    /** Shift-and-add multiplication, reducing by the polynomial whenever x^8 appears. */
    private static int carrylessProduct(int a, int b) {
        int product = 0;
        for (int bit = 0; bit < 8; bit++) {
            if ((b & (1 << bit)) != 0) {
                product ^= a;
            }
            a <<= 1;
            if ((a & 0x100) != 0) {
                a ^= 0x11D;
            }
        }
        return product;
    }

    private static int[][] deepCopy(int[][] matrix) {
        int[][] copy = new int[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }
}
