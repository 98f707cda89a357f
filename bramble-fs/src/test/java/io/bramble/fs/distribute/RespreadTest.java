package io.bramble.fs.distribute;

import static io.bramble.fs.distribute.LayoutTest.names;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RespreadTest {
    /** How much of the hash space has the same owner in both layouts. */
    private static long kept(Layout before, Layout after) {
        long kept = 0;
        for (HashRange a : before.ranges()) {
            for (HashRange b : after.ranges()) {
                long start = Math.max(Integer.toUnsignedLong(a.start()),
                        Integer.toUnsignedLong(b.start()));
                long end = Math.min(Integer.toUnsignedLong(a.end()),
                        Integer.toUnsignedLong(b.end()));
                if (end >= start && a.subvolume().equals(b.subvolume())) {
                    kept += end - start + 1;
                }
            }
        }
        return kept;
    }

    private static final long SPACE = 1L << 32;

    @Test
    void twoSubvolumesGrownToFourKeepHalfOfTheNamesWhereTheyAre() {
        for (int rotation = 0; rotation < 2; rotation++) {
            Layout before = Layout.spread(names(2), rotation);
            for (int newRotation = 0; newRotation < 4; newRotation++) {
                Layout after = Respread.keepingMostOf(before, names(4), newRotation);
                assertThat(kept(before, after)).isEqualTo(SPACE / 2);
                assertThat(after.ranges()).extracting(HashRange::width)
                        .containsOnly(SPACE / 4);
                assertThat(after.subvolumes()).containsExactlyInAnyOrderElementsOf(names(4));
            }
        }
        // spread in plain order, some directories would have had every name move
        Layout before = Layout.spread(names(2), 1);
        assertThat(kept(before, Layout.spread(names(4), 3))).isZero();
    }

    @Test
    void aThirdSubvolumeTakesOnlyTheMiddleThird() {
        Layout before = Layout.spread(names(2), 0);
        Layout after = Respread.keepingMostOf(before, names(3), 2);
        assertThat(after.ranges()).extracting(HashRange::subvolume)
                .containsExactly("vol-replicate-0", "vol-replicate-2", "vol-replicate-1");
        assertThat(kept(before, after)).isEqualTo(after.ranges().getFirst().width()
                + after.ranges().getLast().width());
    }

    @Test
    void ownersNoLongerInTheVolumeAreLeftOut() {
        Layout before = Layout.spread(List.of("vol-replicate-0", "vol-replicate-9"), 0);
        Layout after = Respread.keepingMostOf(before, names(2), 0);
        assertThat(after.ranges()).extracting(HashRange::subvolume)
                .containsExactly("vol-replicate-0", "vol-replicate-1");
    }

    /** Spreading again over the same subvolumes changes nothing. */
    @Property(tries = 200)
    void spreadingAgainKeepsTheLayout(@ForAll @IntRange(min = 1, max = 12) int count,
            @ForAll int rotation, @ForAll int newRotation) {
        Layout before = Layout.spread(names(count), rotation);
        assertThat(Respread.keepingMostOf(before, names(count), newRotation)).isEqualTo(before);
    }

    /**
     * Grown from any even layout, each subvolume owns one equal range, and no plain spread in
     * any order keeps more of the old owners' names.
     */
    @Property(tries = 300)
    void keepsAtLeastWhatAnyPlainSpreadKeeps(@ForAll @IntRange(min = 1, max = 8) int count,
            @ForAll @IntRange(min = 0, max = 8) int added, @ForAll int rotation,
            @ForAll int newRotation) {
        Layout before = Layout.spread(names(count), rotation);
        Layout after = Respread.keepingMostOf(before, names(count + added), newRotation);
        assertThat(after.ranges()).hasSize(count + added);
        assertThat(after.subvolumes()).hasSize(count + added);
        long best = 0;
        for (int r = 0; r < count + added; r++) {
            best = Math.max(best, kept(before, Layout.spread(names(count + added), r)));
        }
        assertThat(kept(before, after)).isGreaterThanOrEqualTo(best);
    }
}
