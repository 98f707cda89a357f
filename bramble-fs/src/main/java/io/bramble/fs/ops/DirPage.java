package io.bramble.fs.ops;

import java.util.List;

/**
 * A page of a directory listing, in name order. The next page starts after {@link
 * #lastName()}; names are a stable cookie, unlike offsets, while the directory changes.
 *
 * @param complete whether the listing ended with this page
 */
public record DirPage(List<DirEntry> entries, boolean complete) {
    public DirPage {
        entries = List.copyOf(entries);
    }

    /** The name to continue after, or null when the page is empty. */
    public String lastName() {
        return entries.isEmpty() ? null : entries.getLast().name();
    }
}
