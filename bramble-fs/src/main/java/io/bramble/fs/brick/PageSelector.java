package io.bramble.fs.brick;

import java.util.List;
import java.util.TreeSet;

/**
 * Picks one page of a directory listing while the directory is read in disk order: the
 * {@code entriesMax} smallest names after the cookie, in name order. Memory stays bounded by
 * the page, whatever the directory's size; each page costs one pass over the directory.
 */
final class PageSelector {
    private final String afterName;
    private final int entriesMax;
    private final TreeSet<String> names = new TreeSet<>();
    private boolean more;

    /** @param afterName the last name of the previous page, null for the first page */
    PageSelector(String afterName, int entriesMax) {
        this.afterName = afterName;
        this.entriesMax = entriesMax;
    }

    void offer(String name) {
        if (afterName != null && name.compareTo(afterName) <= 0) {
            return;
        }
        names.add(name);
        if (names.size() > entriesMax) {
            names.pollLast();
            more = true;
        }
    }

    List<String> names() {
        return List.copyOf(names);
    }

    /** The page's last name, where the next page starts; null when the page is empty. */
    String lastName() {
        return names.isEmpty() ? null : names.last();
    }

    /** Whether no name comes after this page. */
    boolean complete() {
        return !more;
    }
}
