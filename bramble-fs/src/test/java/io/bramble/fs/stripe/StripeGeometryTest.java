package io.bramble.fs.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class StripeGeometryTest {
    /** Seed 000's file on {@code stripe 2}: 31 blocks of 128 KiB, the last one short. */
    @Test
    void splitsSeedZeroFileAsGlusterDid() {
        StripeGeometry geometry = new StripeGeometry(2, 128 * 1024);
        assertThat(geometry.childSize(4_056_224, 0)).isEqualTo(2_090_144);
        assertThat(geometry.childSize(4_056_224, 1)).isEqualTo(1_966_080);
        assertThat(geometry.logicalSize(new long[]{2_090_144, 1_966_080}))
                .isEqualTo(4_056_224);
    }

    @Test
    void refusesBlockSizesGlusterRefuses() {
        assertThatThrownBy(() -> new StripeGeometry(2, 8 * 1024))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StripeGeometry(2, 16 * 1024 + 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StripeGeometry(1, 128 * 1024))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Each child's size is the end of its last block below the logical size. */
    @Property(tries = 300)
    void childSizesMatchTheBlockModel(@ForAll("geometries") StripeGeometry geometry,
            @ForAll @LongRange(max = 64L << 20) long logical) {
        long[] expected = Model.childSizes(geometry, logical);
        for (int child = 0; child < geometry.childCount(); child++) {
            assertThat(geometry.childSize(logical, child)).as("child %d", child)
                    .isEqualTo(expected[child]);
        }
    }

    @Property(tries = 300)
    void logicalSizeOfChildSizesIsTheSize(@ForAll("geometries") StripeGeometry geometry,
            @ForAll @LongRange(max = 1L << 40) long logical) {
        assertThat(geometry.logicalSize(sizes(geometry, logical))).isEqualTo(logical);
    }

    /**
     * A sparse file: after writes anywhere (each extending only the children it touches) the
     * logical size is the furthest end written; truncating then sets it exactly.
     */
    @Property(tries = 300)
    void sparseWritesAndTruncatesGiveTheModelsSize(
            @ForAll("geometries") StripeGeometry geometry, @ForAll long seed) {
        Random random = new Random(seed);
        long[] childSizes = new long[geometry.childCount()];
        long logical = 0;
        for (int write = 0; write < 1 + random.nextInt(6); write++) {
            long offset = random.nextLong(32L << 20);
            int length = 1 + random.nextInt(3 * geometry.blockSizeBytes());
            for (StripePiece piece : geometry.pieces(offset, length)) {
                childSizes[piece.child()] = Math.max(childSizes[piece.child()],
                        piece.childOffset() + piece.lengthBytes());
            }
            logical = Math.max(logical, offset + length);
            assertThat(geometry.logicalSize(childSizes)).isEqualTo(logical);
        }
        long truncated = random.nextLong(40L << 20);
        assertThat(geometry.logicalSize(sizes(geometry, truncated))).isEqualTo(truncated);
    }

    /** Pieces cover the range in order, each byte where the byte model puts it. */
    @Property(tries = 300)
    void piecesCoverTheRangeWhereTheModelPutsEachByte(
            @ForAll("geometries") StripeGeometry geometry,
            @ForAll @LongRange(max = 16L << 20) long offset, @ForAll long seed) {
        int length = new Random(seed).nextInt(5 * geometry.blockSizeBytes());
        List<StripePiece> pieces = geometry.pieces(offset, length);
        long at = offset;
        Map<Integer, Long> childEnds = new HashMap<>();
        for (StripePiece piece : pieces) {
            assertThat(piece.logicalOffset()).isEqualTo(at);
            assertThat(piece.lengthBytes()).isPositive();
            long last = at + piece.lengthBytes() - 1;
            assertThat(Model.child(geometry, at)).isEqualTo(piece.child());
            assertThat(Model.child(geometry, last)).isEqualTo(piece.child());
            assertThat(Model.childOffset(geometry, at)).isEqualTo(piece.childOffset());
            assertThat(Model.childOffset(geometry, last))
                    .isEqualTo(piece.childOffset() + piece.lengthBytes() - 1);
            assertThat(geometry.logicalOffset(piece.child(), piece.childOffset()))
                    .isEqualTo(at);
            Long previousEnd = childEnds.put(piece.child(), piece.childOffset()
                    + piece.lengthBytes());
            if (previousEnd != null) {
                assertThat(piece.childOffset()).as("contiguous on its child")
                        .isEqualTo(previousEnd);
            }
            at += piece.lengthBytes();
        }
        assertThat(at).isEqualTo(offset + length);
    }

    @Provide
    Arbitrary<StripeGeometry> geometries() {
        return Combinators.combine(Arbitraries.integers().between(2, 6),
                Arbitraries.integers().between(32, 512).map(sectors -> sectors * 512))
                .as(StripeGeometry::new);
    }

    private static long[] sizes(StripeGeometry geometry, long logical) {
        long[] sizes = new long[geometry.childCount()];
        for (int child = 0; child < sizes.length; child++) {
            sizes[child] = geometry.childSize(logical, child);
        }
        return sizes;
    }

    /** The layout spelled out block by block and byte by byte, as plainly as it is said. */
    private static final class Model {
        static long[] childSizes(StripeGeometry geometry, long logical) {
            long block = geometry.blockSizeBytes();
            long[] sizes = new long[geometry.childCount()];
            for (long b = 0; b * block < logical; b++) {
                int child = (int) (b % geometry.childCount());
                long stored = Math.min(block, logical - b * block);
                sizes[child] = (b / geometry.childCount()) * block + stored;
            }
            return sizes;
        }

        static int child(StripeGeometry geometry, long logical) {
            return (int) (logical / geometry.blockSizeBytes() % geometry.childCount());
        }

        static long childOffset(StripeGeometry geometry, long logical) {
            long block = logical / geometry.blockSizeBytes();
            return block / geometry.childCount() * geometry.blockSizeBytes()
                    + logical % geometry.blockSizeBytes();
        }
    }
}
