package io.bramble.fs.distribute;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout a directory gets when it is spread again over a new set of subvolumes
 * ({@code rebalance fix-layout} after an add-brick): equal ranges, one per subvolume, as a new
 * directory's, but each range given to the subvolume that owned most of it before, so that
 * as few names as can be change owner and the rebalance moves as few files. Gluster's
 * fix-layout does the same. Two subvolumes grown to four keep half of every directory's
 * names where they are; spread in plain order, a directory could have all of them move.
 *
 * <p>Ranges are given greedily, the largest overlap first (ties: the lower range, then the
 * subvolume first in {@code subvolumes}); ranges no old owner overlaps go to the subvolumes
 * left, in the order the plain spread would give them. Spreading again over the same
 * subvolumes gives back the same layout.
 */
final class Respread {
    private Respread() {
    }

    private record Overlap(int range, int owner, long width) {}

    /**
     * Equal ranges over {@code subvolumes} ({@link Layout#spread} with {@code rotation}),
     * owned so as to keep most of {@code before}; owners in {@code before} that are not in
     * {@code subvolumes} are left out.
     */
    static Layout keepingMostOf(Layout before, List<String> subvolumes, int rotation) {
        Layout plain = Layout.spread(subvolumes, rotation);
        List<HashRange> slots = plain.ranges();
        List<Overlap> overlaps = overlaps(before, slots, subvolumes);
        overlaps.sort(Comparator.comparingLong(Overlap::width).reversed()
                .thenComparingInt(Overlap::range).thenComparingInt(Overlap::owner));
        String[] owners = new String[slots.size()];
        boolean[] placed = new boolean[subvolumes.size()];
        for (Overlap o : overlaps) {
            if (owners[o.range()] == null && !placed[o.owner()]) {
                owners[o.range()] = subvolumes.get(o.owner());
                placed[o.owner()] = true;
            }
        }
        List<String> left = new ArrayList<>();
        for (HashRange slot : slots) {
            int index = subvolumes.indexOf(slot.subvolume());
            if (!placed[index]) {
                left.add(slot.subvolume());
            }
        }
        List<HashRange> ranges = new ArrayList<>(slots.size());
        int next = 0;
        for (int k = 0; k < slots.size(); k++) {
            String owner = owners[k] != null ? owners[k] : left.get(next++);
            ranges.add(new HashRange(owner, slots.get(k).start(), slots.get(k).end()));
        }
        return new Layout(ranges);
    }

    /** How much of each slot each subvolume owned in {@code before}, where it owned any. */
    private static List<Overlap> overlaps(Layout before, List<HashRange> slots,
            List<String> subvolumes) {
        Map<Long, Long> widths = new HashMap<>();
        int first = 0; // both lists are in hash order: the first slot the next range may meet
        for (HashRange old : before.ranges()) {
            while (Integer.compareUnsigned(slots.get(first).end(), old.start()) < 0) {
                first++;
            }
            int owner = subvolumes.indexOf(old.subvolume());
            for (int s = first; owner >= 0 && s < slots.size()
                    && Integer.compareUnsigned(slots.get(s).start(), old.end()) <= 0; s++) {
                widths.merge((long) s * subvolumes.size() + owner,
                        intersection(slots.get(s), old), Long::sum);
            }
        }
        List<Overlap> overlaps = new ArrayList<>(widths.size());
        widths.forEach((key, width) -> overlaps.add(new Overlap(
                (int) (key / subvolumes.size()), (int) (key % subvolumes.size()), width)));
        return overlaps;
    }

    private static long intersection(HashRange a, HashRange b) {
        long start = Math.max(Integer.toUnsignedLong(a.start()), Integer.toUnsignedLong(b.start()));
        long end = Math.min(Integer.toUnsignedLong(a.end()), Integer.toUnsignedLong(b.end()));
        return Math.max(0, end - start + 1);
    }
}
