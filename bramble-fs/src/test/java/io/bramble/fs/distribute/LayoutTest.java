package io.bramble.fs.distribute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.fs.ops.FileId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LayoutTest {
    static List<String> names(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("vol-replicate-" + i);
        }
        return names;
    }

    @Test
    void twoSubvolumesSplitTheSpaceInHalves() {
        Layout layout = Layout.spread(names(2), 1);
        assertThat(layout.ranges()).containsExactly(
                new HashRange("vol-replicate-1", 0, 0x7fffffff),
                new HashRange("vol-replicate-0", 0x80000000, 0xffffffff));
        assertThat(layout.owner(0)).isEqualTo("vol-replicate-1");
        assertThat(layout.owner(0x7fffffff)).isEqualTo("vol-replicate-1");
        assertThat(layout.owner(0x80000000)).isEqualTo("vol-replicate-0");
        assertThat(layout.owner(-1)).isEqualTo("vol-replicate-0");
    }

    /** Every hash has exactly one owner, the range that contains it. */
    @Property(tries = 300)
    void everyHashHasTheOwnerWhoseRangeHoldsIt(@ForAll @IntRange(min = 1, max = 40) int count,
            @ForAll int rotation, @ForAll int hash) {
        Layout layout = Layout.spread(names(count), rotation);
        long holding = layout.ranges().stream().filter(r -> r.contains(hash)).count();
        assertThat(holding).isEqualTo(1);
        HashRange range = layout.ranges().stream().filter(r -> r.contains(hash)).findFirst()
                .orElseThrow();
        assertThat(layout.owner(hash)).isEqualTo(range.subvolume());
        assertThat(layout.subvolumes()).hasSize(count);
        long widest = layout.ranges().stream().mapToLong(HashRange::width).max().orElseThrow();
        long narrowest = layout.ranges().stream().mapToLong(HashRange::width).min()
                .orElseThrow();
        assertThat(widest - narrowest).isLessThan(count);
    }

    /** Small trees do not all start on one subvolume: directories rotate their layouts. */
    @Test
    void directoriesRotateTheFirstRange() {
        Set<String> firstOwners = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            FileId dir = FileId.of(new UUID(i * 7919L, i * 104729L + 3));
            firstOwners.add(Layout.forDirectory(dir, names(4)).ranges().getFirst().subvolume());
        }
        assertThat(firstOwners).hasSize(4);
        assertThat(Layout.forDirectory(FileId.ROOT, names(3)))
                .isEqualTo(Layout.forDirectory(FileId.ROOT, names(3)));
    }

    @Test
    void refusesGapsOverlapsAndShortLayouts() {
        assertThatThrownBy(() -> new Layout(List.of(new HashRange("a", 0, 10),
                new HashRange("b", 12, -1)))).hasMessageContaining("does not start");
        assertThatThrownBy(() -> new Layout(List.of(new HashRange("a", 0, 10))))
                .hasMessageContaining("whole hash space");
        assertThatThrownBy(() -> new Layout(List.of())).hasMessageContaining("1 to");
        assertThatThrownBy(() -> new HashRange("a", 10, 5)).hasMessageContaining("ends before");
        assertThatThrownBy(() -> new HashRange("a b", 0, 5)).hasMessageContaining("letters");
    }
}
