package io.bramble.fs.disperse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class StripeLayoutTest {
    /** Gluster's figures: 512 bytes per fragment and stripe, stripes of 512 x data bytes. */
    @Test
    void fragmentFilesHoldWholeStripes() {
        StripeLayout layout = new StripeLayout(4);
        assertThat(layout.stripeBytes()).isEqualTo(2048);
        assertThat(layout.fragmentSize(0)).isZero();
        assertThat(layout.fragmentSize(1)).isEqualTo(512);
        assertThat(layout.fragmentSize(2048)).isEqualTo(512);
        assertThat(layout.fragmentSize(2049)).isEqualTo(1024);
        assertThat(new StripeLayout(8).fragmentSize(1L << 30)).isEqualTo(1L << 27);
        assertThat(new StripeLayout(3).fragmentSize(10_000)).isEqualTo(7 * 512);
    }

    @Test
    void bytesLieInTheirStripesChunk() {
        StripeLayout layout = new StripeLayout(4);
        assertThat(layout.fragmentOf(0)).isZero();
        assertThat(layout.fragmentOf(511)).isZero();
        assertThat(layout.fragmentOf(512)).isEqualTo(1);
        assertThat(layout.fragmentOf(2047)).isEqualTo(3);
        assertThat(layout.fragmentOf(2048)).isZero();
        assertThat(layout.fragmentOffset(513)).isEqualTo(1);
        assertThat(layout.fragmentOffset(2048 + 5)).isEqualTo(512 + 5);
        assertThat(layout.fragmentOffset(3 * 2048 + 3 * 512 + 7)).isEqualTo(3 * 512 + 7);
    }

    /**
     * File bytes map one to one onto fragment bytes, inside the fragment files of a file that
     * holds them, and in order within a fragment.
     */
    @Property(tries = 300)
    void bytesMapOneToOneOntoFragments(@ForAll @IntRange(min = 2, max = 16) int data,
            @ForAll @LongRange(max = 1L << 40) long offset) {
        StripeLayout layout = new StripeLayout(data);
        int fragment = layout.fragmentOf(offset);
        long at = layout.fragmentOffset(offset);
        assertThat(at).isLessThan(layout.fragmentSize(offset + 1));
        long stripe = at / StripeLayout.CHUNK_BYTES;
        long back = stripe * layout.stripeBytes() + (long) fragment * StripeLayout.CHUNK_BYTES
                + at % StripeLayout.CHUNK_BYTES;
        assertThat(back).isEqualTo(offset);
        if (layout.fragmentOf(offset + 1) == fragment) {
            assertThat(layout.fragmentOffset(offset + 1)).isEqualTo(at + 1);
        }
    }

    @Property(tries = 300)
    void fragmentSizeIsTheFilesStripesRoundedUp(@ForAll @IntRange(min = 2, max = 16) int data,
            @ForAll @LongRange(max = 1L << 40) long size) {
        StripeLayout layout = new StripeLayout(data);
        long fragmentSize = layout.fragmentSize(size);
        assertThat(fragmentSize % StripeLayout.CHUNK_BYTES).isZero();
        assertThat(fragmentSize * data).isGreaterThanOrEqualTo(size)
                .isLessThan(size + layout.stripeBytes());
        assertThat(layout.stripes(0, size).fragmentLength()).isEqualTo(fragmentSize);
    }

    /** The stripes of a range are the fewest whole stripes that hold it. */
    @Property(tries = 300)
    void stripesCoverARangeTightly(@ForAll @IntRange(min = 2, max = 16) int data,
            @ForAll @LongRange(max = 1L << 40) long offset,
            @ForAll @LongRange(min = 1, max = 1L << 24) long length) {
        StripeLayout layout = new StripeLayout(data);
        StripeRange stripes = layout.stripes(offset, length);
        long start = stripes.fileOffset();
        long end = start + stripes.fileLength();
        assertThat(start % layout.stripeBytes()).isZero();
        assertThat(start).isLessThanOrEqualTo(offset).isGreaterThan(offset - layout
                .stripeBytes());
        assertThat(end).isGreaterThanOrEqualTo(offset + length).isLessThan(offset + length
                + layout.stripeBytes());
        assertThat(stripes.fragmentOffset()).isEqualTo(stripes.first()
                * StripeLayout.CHUNK_BYTES);
        assertThat(stripes.fragmentLength() * data).isEqualTo(stripes.fileLength());
    }

    @Test
    void partialWritesReadTheStripesTheyMustKeep() {
        StripeLayout layout = new StripeLayout(2);
        StripeWrite inside = layout.write(100, 50, 10_000);
        assertThat(inside).isEqualTo(new StripeWrite(new StripeRange(0, 1, 1024), 100, 874,
                true, true));
        assertThat(inside.stripesRead()).isEqualTo(1);
        StripeWrite across = layout.write(100, 2000, 10_000);
        assertThat(across.stripes()).isEqualTo(new StripeRange(0, 3, 1024));
        assertThat(across.stripesRead()).isEqualTo(2);
        assertThat(layout.write(1024, 2048, 10_000).stripesRead()).isZero();
        StripeWrite append = layout.write(1500, 100, 1500);
        assertThat(append.readsFirst()).isTrue();
        assertThat(append.readsLast()).isFalse();
        StripeWrite pastEnd = layout.write(5000, 10, 1500);
        assertThat(pastEnd.stripes().first()).isEqualTo(4);
        assertThat(pastEnd.stripesRead()).isZero();
        assertThat(layout.write(7, 0, 100).stripes().isEmpty()).isTrue();
        assertThat(layout.write(7, 0, 100).stripesRead()).isZero();
    }

    /**
     * A stripe is read before a write exactly when it holds a byte of the file that the write
     * does not replace, checked byte by byte.
     */
    @Property(tries = 200)
    void writesReadExactlyTheStripesHoldingBytesToKeep(
            @ForAll @IntRange(min = 2, max = 4) int data,
            @ForAll @IntRange(max = 10_000) int offset,
            @ForAll @IntRange(min = 1, max = 5000) int length,
            @ForAll @IntRange(max = 12_000) int fileSize) {
        StripeLayout layout = new StripeLayout(data);
        StripeWrite write = layout.write(offset, length, fileSize);
        StripeRange stripes = write.stripes();
        BitSet keep = new BitSet();
        for (long s = stripes.first(); s < stripes.first() + stripes.count(); s++) {
            for (long b = s * layout.stripeBytes(); b < (s + 1) * layout.stripeBytes(); b++) {
                if (b < fileSize && (b < offset || b >= offset + length)) {
                    keep.set((int) s);
                }
            }
        }
        BitSet read = new BitSet();
        if (write.readsFirst()) {
            read.set((int) stripes.first());
        }
        if (write.readsLast()) {
            read.set((int) (stripes.first() + stripes.count() - 1));
        }
        assertThat(read).isEqualTo(keep);
        assertThat(write.stripesRead()).isEqualTo(keep.cardinality());
        assertThat(write.headBytes()).isEqualTo(offset - stripes.fileOffset());
        assertThat(write.tailBytes()).isEqualTo(stripes.fileOffset() + stripes.fileLength()
                - offset - length);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> new StripeLayout(1)).hasMessageContaining("data fragments");
        assertThatThrownBy(() -> new StripeLayout(17)).hasMessageContaining("data fragments");
        StripeLayout layout = new StripeLayout(3);
        assertThatThrownBy(() -> layout.fragmentSize(-1)).hasMessageContaining("file size");
        assertThatThrownBy(() -> layout.stripes(-1, 5)).hasMessageContaining("offset");
        assertThatThrownBy(() -> layout.stripes(0, -5)).hasMessageContaining("length");
        assertThatThrownBy(() -> layout.stripes(Long.MAX_VALUE, 5))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new StripeRange(0, -1, 512))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
