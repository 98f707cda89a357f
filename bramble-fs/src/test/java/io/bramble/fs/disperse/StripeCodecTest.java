package io.bramble.fs.disperse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class StripeCodecTest {
    @Property(tries = 200)
    void stripesComeBackFromAnyDataCountFragments(@ForAll @IntRange(min = 2, max = 8) int data,
            @ForAll @IntRange(min = 1, max = 7) int parity,
            @ForAll @IntRange(min = 1, max = 5) int stripes, @ForAll long seed) {
        if (parity >= data) {
            return;
        }
        StripeCodec codec = new StripeCodec(new ReedSolomon(data, parity));
        Random random = new Random(seed);
        byte[] bytes = new byte[stripes * codec.layout().stripeBytes()];
        random.nextBytes(bytes);
        byte[][] fragments = codec.split(bytes);
        for (byte[] fragment : fragments) {
            assertThat(fragment).hasSize(stripes * StripeLayout.CHUNK_BYTES);
        }
        byte[][] original = fragments.clone();
        int[] lost = new int[parity];
        for (int l = 0; l < parity; l++) {
            int child;
            do {
                child = random.nextInt(data + parity);
            } while (fragments[child] == null);
            fragments[child] = null;
            lost[l] = child;
        }
        assertThat(codec.join(fragments, stripes)).isEqualTo(bytes);
        byte[][] rebuilt = codec.rebuild(fragments, lost, stripes * StripeLayout.CHUNK_BYTES);
        for (int l = 0; l < parity; l++) {
            assertThat(rebuilt[l]).isEqualTo(original[lost[l]]);
        }
    }

    @Property(tries = 20)
    void partialStripesAreRefused(@ForAll @IntRange(min = 1, max = 1023) int extra) {
        StripeCodec codec = new StripeCodec(new ReedSolomon(2, 1));
        assertThatThrownBy(() -> codec.split(new byte[1024 + extra]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
