package io.bramble.fs.distribute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;

class NameHashTest {
    /** Placement on every client depends on these values: they may never change. */
    @Test
    void valuesArePinned() {
        assertThat(NameHash.of("")).isEqualTo(0xab3e7c0b);
        assertThat(NameHash.of("a")).isEqualTo(0x1a80b1b3);
        assertThat(NameHash.of("file1")).isEqualTo(0xf3f9a18c);
        assertThat(NameHash.of("file2")).isEqualTo(0xc4364a84);
        assertThat(NameHash.of("café")).isEqualTo(0xdf518d52);
    }

    @Test
    void rsyncTemporaryNamesHashAsTheFinalName() {
        assertThat(NameHash.of(".bashrc.Xy12ab")).isEqualTo(NameHash.of("bashrc"));
        assertThat(NameHash.of(".report.pdf.Qz9")).isEqualTo(NameHash.of("report.pdf"));
        assertThat(NameHash.placementName(".bashrc")).isEqualTo(".bashrc");
        assertThat(NameHash.placementName("..x")).isEqualTo("..x");
        assertThat(NameHash.placementName(".a.")).isEqualTo(".a.");
        assertThat(NameHash.placementName(".a.b")).isEqualTo("a");
        assertThat(NameHash.placementName("plain.txt")).isEqualTo("plain.txt");
    }

    /** Random distinct names fill every subvolume's range about equally. */
    @Property(tries = 60)
    void randomNamesSpreadEvenly(
            @ForAll @Size(min = 3000, max = 3000) @UniqueElements List<@StringLength(
                    min = 1,
                    max = 40) String> names,
            @ForAll @IntRange(min = 2, max = 12) int subvolumes) {
        assertSpread(names, subvolumes);
    }

    /** Names that differ only at the end (file1, file2, ...) spread as well as random ones. */
    @Property(tries = 30)
    void numberedNamesSpreadEvenly(@ForAll @IntRange(min = 2, max = 12) int subvolumes,
            @ForAll @StringLength(min = 0, max = 10) String prefix) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            names.add(prefix + "file" + i);
        }
        assertSpread(names, subvolumes);
    }

    /** Flipping any one input bit changes about half of the output bits. */
    @Property(tries = 300)
    void oneBitChangesHalfTheHash(@ForAll @Size(min = 1, max = 32) byte[] bytes,
            @ForAll @IntRange(min = 0, max = 255) int bitChoice) {
        int bit = bitChoice % (bytes.length * 8);
        byte[] flipped = bytes.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        int changed = Integer.bitCount(NameHash.ofBytes(bytes) ^ NameHash.ofBytes(flipped));
        assertThat(changed).isBetween(3, 29);
    }

    @Test
    void distinctNamesRarelyCollide() {
        Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(NameHash.of("name-" + i));
        }
        assertThat(seen.size()).isGreaterThan(99_990);
    }

    private static void assertSpread(List<String> names, int subvolumes) {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < subvolumes; i++) {
            owners.add("s" + i);
        }
        Layout layout = Layout.spread(owners, 0);
        int[] counts = new int[subvolumes];
        for (String name : names) {
            counts[owners.indexOf(layout.owner(NameHash.of(name)))]++;
        }
        double expected = (double) names.size() / subvolumes;
        double chiSquare = 0;
        for (int count : counts) {
            chiSquare += (count - expected) * (count - expected) / expected;
        }
        // The 99.99th percentile of chi-square with 11 degrees of freedom is about 39: a fair
        // hash fails this about once in ten thousand runs of a property.
        assertThat(chiSquare).as("chi-square of counts %s", java.util.Arrays.toString(counts))
                .isLessThan(45);
    }
}
