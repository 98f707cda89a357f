package io.bramble.fs.brick.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files with the most calls of one kind, in a table of at most {@link #TRACKED_MAX}
 * files, however many files are called: when the table is full, a file not in it takes the
 * place of the least counted one and goes on from that count plus one (the Space-Saving
 * method). A file called more often than the least count shown is always in the table, and a
 * count is too high by at most the count of the file it replaced. Not thread-safe:
 * {@link BrickTop} guards it.
 */
final class TopCounts {
    /** Files kept per kind of call: as many as {@code list-cnt} may ask for. */
    static final int TRACKED_MAX = 100;

    private final Map<String, long[]> counts = new HashMap<>();

    void called(String path) {
        long[] count = counts.get(path);
        if (count != null) {
            count[0]++;
            return;
        }
        long start = 0;
        if (counts.size() == TRACKED_MAX) {
            Map.Entry<String, long[]> least = counts.entrySet().stream().min(Comparator
                    .comparingLong(e -> e.getValue()[0])).orElseThrow();
            start = least.getValue()[0];
            counts.remove(least.getKey());
        }
        counts.put(path, new long[]{start + 1});
    }

    /** The {@code shownMax} most counted files, most first, then by name. */
    List<TopEntry> top(int shownMax) {
        List<TopEntry> all = new ArrayList<>(counts.size());
        counts.forEach((path, count) -> all.add(new TopEntry(path, count[0])));
        all.sort(Comparator.comparingLong(TopEntry::count).reversed().thenComparing(
                TopEntry::path));
        return List.copyOf(all.subList(0, Math.min(shownMax, all.size())));
    }

    void clear() {
        counts.clear();
    }
}
