package io.bramble.fs.disperse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.hadoop.io.erasurecode.ErasureCoderOptions;
import org.apache.hadoop.io.erasurecode.rawcoder.RSRawDecoder;
import org.apache.hadoop.io.erasurecode.rawcoder.RSRawEncoder;

/**
 * bramble's code against Hadoop's pure-Java Reed-Solomon coder, which builds its matrix the
 * same way (identity over a Cauchy matrix, polynomial 0x11D): the parity of the same data is
 * the same bytes, and the same losses are rebuilt into the same bytes by both.
 */
class HadoopCrossCheckTest {
    @Property(tries = 200)
    void parityIsHadoops(@ForAll("codes") ReedSolomon code,
            @ForAll @IntRange(min = 1, max = 9000) int length, @ForAll long seed)
            throws IOException {
        byte[][] fragments = Fragments.encoded(code, length, new Random(seed));
        byte[][] data = Arrays.copyOfRange(fragments, 0, code.dataCount());
        byte[][] hadoopParity = new byte[code.parityCount()][length];
        new RSRawEncoder(options(code)).encode(data, hadoopParity);
        for (int p = 0; p < code.parityCount(); p++) {
            assertThat(fragments[code.dataCount() + p]).as("parity %d of %d+%d", p,
                    code.dataCount(), code.parityCount()).isEqualTo(hadoopParity[p]);
        }
    }

    @Property(tries = 200)
    void bothRebuildTheSameBytes(@ForAll("codes") ReedSolomon code,
            @ForAll @IntRange(min = 1, max = 9000) int length, @ForAll long seed)
            throws IOException {
        Random random = new Random(seed);
        byte[][] fragments = Fragments.encoded(code, length, random);
        BitSet lost = ReedSolomonTest.randomSubset(code.fragmentCount(), 1 + random.nextInt(
                code.parityCount()), random);
        byte[][] rebuilt = ReedSolomonTest.decode(code, fragments, lost, lost);

        byte[][] inputs = new byte[code.fragmentCount()][];
        for (int i = lost.nextClearBit(0); i < code.fragmentCount(); i = lost.nextClearBit(
                i + 1)) {
            inputs[i] = fragments[i];
        }
        int[] erased = lost.stream().toArray();
        byte[][] hadoopRebuilt = new byte[erased.length][length];
        new RSRawDecoder(options(code)).decode(inputs, erased, hadoopRebuilt);
        for (int e = 0; e < erased.length; e++) {
            assertThat(rebuilt[erased[e]]).as("fragment %d", erased[e])
                    .isEqualTo(hadoopRebuilt[e]).isEqualTo(fragments[erased[e]]);
        }
    }

    @Provide
    Arbitrary<ReedSolomon> codes() {
        return Arbitraries.integers().between(2, ReedSolomon.DATA_FRAGMENTS_MAX).flatMap(
                data -> Arbitraries.integers().between(1, data - 1).map(
                        parity -> new ReedSolomon(data, parity)));
    }

    private static ErasureCoderOptions options(ReedSolomon code) {
        return new ErasureCoderOptions(code.dataCount(), code.parityCount());
    }
}
