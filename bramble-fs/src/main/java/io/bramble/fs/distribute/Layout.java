package io.bramble.fs.distribute;

import io.bramble.fs.ops.FileId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How one directory spreads its names: the 32-bit hash space cut into ranges, each owned by a
 * subvolume. The ranges are in hash order, start at 0, end at 2^32-1, and leave no gap and no
 * overlap, so every name has exactly one owner.
 *
 * <p>Which subvolume owns the first range rotates from directory to directory (chosen from the
 * directory's id): in a tree of small directories, the first file of each does not all land
 * on the same subvolume.
 */
public record Layout(List<HashRange> ranges) {
    /** A layout names each subvolume at most a few times; more means a corrupt xattr. */
    public static final int RANGES_MAX = 1024;
    private static final long HASH_VALUES = 1L << 32;

    public Layout {
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty() || ranges.size() > RANGES_MAX) {
            throw new IllegalArgumentException("a layout has 1 to " + RANGES_MAX
                    + " ranges, not " + ranges.size());
        }
        long next = 0;
        for (HashRange range : ranges) {
            if (Integer.toUnsignedLong(range.start()) != next) {
                throw new IllegalArgumentException("layout range " + range
                        + " does not start where the one before ended");
            }
            next = Integer.toUnsignedLong(range.end()) + 1;
        }
        if (next != HASH_VALUES) {
            throw new IllegalArgumentException("layout ends at " + (next - 1)
                    + " instead of covering the whole hash space");
        }
    }

    /**
     * Equal ranges, one per subvolume, in the subvolumes' order; the first range (from hash 0)
     * goes to subvolume {@code rotation}, the next to the one after it, and so on round.
     */
    public static Layout spread(List<String> subvolumes, int rotation) {
        int count = subvolumes.size();
        if (count < 1 || count > RANGES_MAX) {
            throw new IllegalArgumentException("cannot spread over " + count + " subvolumes");
        }
        long width = HASH_VALUES / count;
        List<HashRange> ranges = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            long start = k * width;
            long end = k == count - 1 ? HASH_VALUES - 1 : start + width - 1;
            String owner = subvolumes.get((int) Math.floorMod((long) k + rotation, count));
            ranges.add(new HashRange(owner, (int) start, (int) end));
        }
        return new Layout(ranges);
    }

    /** The layout a new directory with identity {@code dir} gets over {@code subvolumes}. */
    public static Layout forDirectory(FileId dir, List<String> subvolumes) {
        return spread(subvolumes, rotation(dir, subvolumes.size()));
    }

    /** Which subvolume owns the first range of directory {@code dir}'s layout. */
    static int rotation(FileId dir, int subvolumeCount) {
        int mixed = NameHash.ofLong(dir.high() * 31 + NameHash.ofLong(dir.low()));
        return Integer.remainderUnsigned(mixed, subvolumeCount);
    }

    /** The subvolume that owns {@code hash}. */
    public String owner(int hash) {
        int low = 0;
        int high = ranges.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (Integer.compareUnsigned(ranges.get(middle).start(), hash) <= 0) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return ranges.get(low).subvolume();
    }

    /** The subvolumes that own at least one range, in range order. */
    public Set<String> subvolumes() {
        Set<String> names = new LinkedHashSet<>();
        for (HashRange range : ranges) {
            names.add(range.subvolume());
        }
        return names;
    }
}
