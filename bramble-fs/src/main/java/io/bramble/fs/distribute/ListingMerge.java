package io.bramble.fs.distribute;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.DirPage;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Merges one page from each subvolume into the names that are safe to show: every name up to
 * the smallest last name of the pages that did not reach the end (a subvolume that stopped
 * early may still hold names after it). Each name comes once, with the copies found.
 */
final class ListingMerge {
    private ListingMerge() {
    }

    /** A name and its copies: {@code copies[i]} is subvolume i's entry, or null. */
    record NameCopies(String name, Attr[] copies) {}

    /**
     * The safe window of the pages.
     *
     * @param names the names in order, each with its copies
     * @param exhausted whether every page reached the end, so no name lies beyond the window
     */
    record Window(List<NameCopies> names, boolean exhausted) {
        /** The last name of the window, to continue after; null when it is empty. */
        String lastName() {
            return names.isEmpty() ? null : names.getLast().name();
        }
    }

    static Window window(List<DirPage> pages) {
        String bound = null;
        boolean exhausted = true;
        for (DirPage page : pages) {
            // An empty page that claims more would stall the listing: read it as the end.
            String last = page.lastName();
            if (!page.complete() && last != null) {
                exhausted = false;
                if (bound == null || last.compareTo(bound) < 0) {
                    bound = last;
                }
            }
        }
        TreeMap<String, Attr[]> byName = new TreeMap<>();
        for (int i = 0; i < pages.size(); i++) {
            for (DirEntry entry : pages.get(i).entries()) {
                if (exhausted || entry.name().compareTo(bound) <= 0) {
                    byName.computeIfAbsent(entry.name(),
                            n -> new Attr[pages.size()])[i] = entry.attr();
                }
            }
        }
        List<NameCopies> names = new ArrayList<>(byName.size());
        byName.forEach((name, copies) -> names.add(new NameCopies(name, copies)));
        return new Window(names, exhausted);
    }
}
