package io.bramble.fs.disperse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ReedSolomonTest {
    /** Any D..D+M-1 fragments lost (at most M), all of them are rebuilt byte for byte. */
    @Property(tries = 400)
    void rebuildsEveryLostFragment(@ForAll("codes") ReedSolomon code,
            @ForAll @IntRange(max = 9000) int length, @ForAll long seed) {
        Random random = new Random(seed);
        byte[][] fragments = Fragments.encoded(code, length, random);
        BitSet lost = randomSubset(code.fragmentCount(), 1 + random.nextInt(code
                .parityCount()), random);
        byte[][] rebuilt = decode(code, fragments, lost, lost);
        for (int i = lost.nextSetBit(0); i >= 0; i = lost.nextSetBit(i + 1)) {
            assertThat(rebuilt[i]).as("fragment %d of %d+%d", i, code.dataCount(),
                    code.parityCount()).isEqualTo(fragments[i]);
        }
    }

    /** A caller may rebuild only some of the lost fragments; the others are left alone. */
    @Property(tries = 100)
    void rebuildsOnlyTheFragmentsAskedFor(@ForAll("codes") ReedSolomon code,
            @ForAll long seed) {
        Random random = new Random(seed);
        byte[][] fragments = Fragments.encoded(code, 700, random);
        BitSet lost = randomSubset(code.fragmentCount(), code.parityCount(), random);
        BitSet wanted = new BitSet();
        wanted.set(lost.stream().skip(random.nextInt(lost.cardinality())).findFirst()
                .getAsInt());
        byte[][] rebuilt = decode(code, fragments, lost, wanted);
        for (int i = 0; i < code.fragmentCount(); i++) {
            if (wanted.get(i)) {
                assertThat(rebuilt[i]).isEqualTo(fragments[i]);
            } else {
                assertThat(rebuilt[i]).isNull();
            }
        }
    }

    /** Data fragments come out of encoding as they went in: the code is systematic. */
    @Property(tries = 100)
    void encodingLeavesDataAsItIs(@ForAll("codes") ReedSolomon code,
            @ForAll @IntRange(max = 5000) int length, @ForAll long seed) {
        Random random = new Random(seed);
        byte[][] data = new byte[code.dataCount()][length];
        for (byte[] fragment : data) {
            random.nextBytes(fragment);
        }
        byte[][] before = Arrays.stream(data).map(byte[]::clone).toArray(byte[][]::new);
        ByteBuffer[] dataBuffers = Fragments.wrap(data, 0, data.length);
        ByteBuffer[] parity = new ByteBuffer[code.parityCount()];
        for (int p = 0; p < parity.length; p++) {
            parity[p] = ByteBuffer.allocate(length);
        }
        code.encode(dataBuffers, parity);
        assertThat(data).isDeepEqualTo(before);
        for (ByteBuffer buffer : dataBuffers) {
            assertThat(buffer.position()).isZero();
            assertThat(buffer.limit()).isEqualTo(length);
        }
        assertThat(parity[0].position()).isZero();
    }

    /**
     * Every choice of D fragments rebuilds the rest, for every code of at most 12 fragments:
     * the matrix's every D x D choice of rows is invertible.
     */
    @Test
    void everyChoiceOfDataCountFragmentsDecodes() {
        int codes = 0;
        for (int data = 2; data <= 11; data++) {
            for (int parity = 1; parity < data && data + parity <= 12; parity++) {
                ReedSolomon code = new ReedSolomon(data, parity);
                int fragments = code.fragmentCount();
                for (int chosen = 0; chosen < 1 << fragments; chosen++) {
                    if (Integer.bitCount(chosen) != data) {
                        continue;
                    }
                    int[][] rows = new int[data][];
                    for (int i = 0, r = 0; i < fragments; i++) {
                        if ((chosen & 1 << i) != 0) {
                            rows[r++] = row(code, i);
                        }
                    }
                    Gf256.invert(rows);
                }
                codes++;
            }
        }
        assertThat(codes).isEqualTo(30);
    }

    /** Brick files depend on these coefficients: they may never change. */
    @Test
    void matrixIsPinned() {
        ReedSolomon code = new ReedSolomon(4, 2);
        assertThat(row(code, 0)).containsExactly(1, 0, 0, 0);
        assertThat(row(code, 3)).containsExactly(0, 0, 0, 1);
        assertThat(row(code, 4)).containsExactly(0x47, 0xa7, 0x7a, 0xba);
        assertThat(row(code, 5)).containsExactly(0xa7, 0x47, 0xba, 0x7a);
        byte[][] fragments = new byte[6][1];
        fragments[0][0] = 1;
        fragments[1][0] = 2;
        fragments[2][0] = 3;
        fragments[3][0] = 4;
        code.encode(Fragments.wrap(fragments, 0, 4), Fragments.wrap(fragments, 4, 6));
        int expected = 0x47 ^ Gf256.multiply(0xa7, 2) ^ Gf256.multiply(0x7a, 3)
                ^ Gf256.multiply(0xba, 4);
        assertThat(fragments[4][0] & 0xFF).isEqualTo(expected);
    }

    @Test
    void losingMoreThanTheRedundancyIsRefused() {
        ReedSolomon code = new ReedSolomon(4, 2);
        byte[][] fragments = Fragments.encoded(code, 512, new Random(1));
        BitSet lost = new BitSet();
        lost.set(0);
        lost.set(3);
        lost.set(5);
        assertThatThrownBy(() -> decode(code, fragments, lost, lost))
                .isInstanceOfSatisfying(TooFewFragmentsException.class, e -> {
                    assertThat(e.available()).isEqualTo(3);
                    assertThat(e.needed()).isEqualTo(4);
                })
                .hasMessage("cannot rebuild: 3 of 6 fragments available, 4 needed "
                        + "(at most 2 may be lost)");
    }

    @Test
    void limitsAreGlusters() {
        assertThat(new ReedSolomon(2, 1).fragmentCount()).isEqualTo(3);
        assertThat(new ReedSolomon(16, 15).fragmentCount()).isEqualTo(31);
        assertThatThrownBy(() -> new ReedSolomon(1, 1)).hasMessageContaining("data fragments");
        assertThatThrownBy(() -> new ReedSolomon(17, 1))
                .hasMessage("data fragments must be between 2 and 16, got 17");
        assertThatThrownBy(() -> new ReedSolomon(4, 0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new ReedSolomon(4, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("less than the data fragments (4), got 4");
    }

    @Test
    void badBuffersAreRefused() {
        ReedSolomon code = new ReedSolomon(3, 2);
        ByteBuffer[] three = buffers(3, 10);
        assertThatThrownBy(() -> code.encode(buffers(2, 10), buffers(2, 10)))
                .hasMessage("expected 3 data fragments, got 2");
        assertThatThrownBy(() -> code.encode(three, buffers(1, 10)))
                .hasMessage("expected 2 parity fragments, got 1");
        assertThatThrownBy(() -> code.encode(three, buffers(2, 11)))
                .hasMessageContaining("differ in length");
        ByteBuffer[] readOnly = {ByteBuffer.allocate(10).asReadOnlyBuffer(), ByteBuffer
                .allocate(10)};
        assertThatThrownBy(() -> code.encode(three, readOnly)).hasMessageContaining("read-only");
        ByteBuffer[] available = buffers(5, 10);
        ByteBuffer[] rebuilt = new ByteBuffer[5];
        rebuilt[1] = ByteBuffer.allocate(10);
        assertThatThrownBy(() -> code.decode(available, rebuilt))
                .hasMessage("fragment 1 is both available and to be rebuilt");
        assertThatThrownBy(() -> code.decode(buffers(4, 10), new ByteBuffer[4]))
                .hasMessageContaining("expected 5 entries");
    }

    /**
     * Ranges of larger arrays, direct buffers and read-only sources code as plain arrays do,
     * and no byte outside a range is touched.
     */
    @Property(tries = 60)
    void slicesAndDirectBuffersCodeAsArraysDo(@ForAll("codes") ReedSolomon code,
            @ForAll @IntRange(max = 9000) int length, @ForAll @IntRange(max = 100) int margin,
            @ForAll long seed) {
        Random random = new Random(seed);
        byte[][] expected = Fragments.encoded(code, length, random);
        int fragments = code.fragmentCount();
        byte[] shared = new byte[margin + fragments * (length + margin)];
        random.nextBytes(shared);
        byte[] sharedBefore = shared.clone();
        ByteBuffer[] buffers = new ByteBuffer[fragments];
        for (int i = 0; i < fragments; i++) {
            int offset = margin + i * (length + margin);
            if (i % 3 == 1) {
                buffers[i] = ByteBuffer.allocateDirect(length + 2 * margin).position(margin)
                        .limit(margin + length);
            } else {
                buffers[i] = ByteBuffer.wrap(shared, offset, length);
            }
            if (i < code.dataCount()) {
                buffers[i].put(buffers[i].position(), expected[i]);
                buffers[i] = i % 3 == 2 ? buffers[i].asReadOnlyBuffer() : buffers[i];
            }
        }
        code.encode(Arrays.copyOfRange(buffers, 0, code.dataCount()), Arrays.copyOfRange(
                buffers, code.dataCount(), fragments));
        for (int i = 0; i < fragments; i++) {
            assertThat(contents(buffers[i])).as("fragment %d", i).isEqualTo(expected[i]);
        }
        for (int i = 0; i <= fragments; i++) {
            int gapStart = i * (length + margin);
            assertThat(Arrays.copyOfRange(shared, gapStart, gapStart + margin))
                    .isEqualTo(Arrays.copyOfRange(sharedBefore, gapStart, gapStart + margin));
        }
        ByteBuffer[] available = buffers.clone();
        ByteBuffer[] rebuilt = new ByteBuffer[fragments];
        for (int i = 0; i < code.parityCount(); i++) {
            int lost = (i * 2) % fragments;
            rebuilt[lost] = ByteBuffer.wrap(new byte[length + 3], 3, length);
            if (i % 2 == 0) {
                rebuilt[lost] = ByteBuffer.allocateDirect(length);
            }
            available[lost] = null;
        }
        code.decode(available, rebuilt);
        for (int i = 0; i < fragments; i++) {
            if (rebuilt[i] != null) {
                assertThat(contents(rebuilt[i])).as("fragment %d", i).isEqualTo(expected[i]);
            }
        }
    }

    @Provide
    Arbitrary<ReedSolomon> codes() {
        return Arbitraries.integers().between(2, ReedSolomon.DATA_FRAGMENTS_MAX).flatMap(
                data -> Arbitraries.integers().between(1, data - 1).map(
                        parity -> new ReedSolomon(data, parity)));
    }

    /**
     * Decodes {@code fragments} with the {@code lost} ones taken away, rebuilding the
     * {@code wanted} ones into fresh arrays; the others' entries are null.
     */
    static byte[][] decode(ReedSolomon code, byte[][] fragments, BitSet lost, BitSet wanted) {
        int count = code.fragmentCount();
        ByteBuffer[] available = new ByteBuffer[count];
        ByteBuffer[] rebuilt = new ByteBuffer[count];
        byte[][] result = new byte[count][];
        for (int i = 0; i < count; i++) {
            if (!lost.get(i)) {
                available[i] = ByteBuffer.wrap(fragments[i]);
            } else if (wanted.get(i)) {
                result[i] = new byte[fragments[i].length];
                rebuilt[i] = ByteBuffer.wrap(result[i]);
            }
        }
        code.decode(available, rebuilt);
        return result;
    }

    static BitSet randomSubset(int size, int members, Random random) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            indexes.add(i);
        }
        Collections.shuffle(indexes, random);
        BitSet subset = new BitSet();
        indexes.subList(0, members).forEach(subset::set);
        return subset;
    }

    private static int[] row(ReedSolomon code, int fragment) {
        int[] row = new int[code.dataCount()];
        for (int j = 0; j < row.length; j++) {
            row[j] = code.coefficient(fragment, j);
        }
        return row;
    }

    private static ByteBuffer[] buffers(int count, int length) {
        ByteBuffer[] buffers = new ByteBuffer[count];
        for (int i = 0; i < count; i++) {
            buffers[i] = ByteBuffer.allocate(length);
        }
        return buffers;
    }

    private static byte[] contents(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(buffer.position(), bytes);
        return bytes;
    }
}
