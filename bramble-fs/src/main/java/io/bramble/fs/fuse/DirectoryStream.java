package io.bramble.fs.fuse;

import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.DirPage;
import io.bramble.fs.ops.FsException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One open directory's listing, fetched a page at a time as the kernel reads on, and
 * addressed by position: entry {@code i} is the i-th name of the listing. The kernel's
 * offsets are positions, since it cannot carry the name cookies the layers page by.
 *
 * <p>Paging on demand rather than taking the whole listing at open: a directory of a million
 * names costs two pages of memory instead of a million entries, the first names reach
 * {@code ls} after one round trip, and the name cookies keep the listing right while the
 * directory changes. Only the last {@value #PAGES_KEPT} pages are kept, which covers the
 * kernel re-reading from the first entry that did not fit its buffer; a seek further back
 * lists again from the start and counts forward. Not thread-safe: the kernel reads one
 * open directory at a time, and {@link OpenDirectories} hands each out under a lock.
 */
final class DirectoryStream {
    static final int PAGES_KEPT = 2;

    /** Where pages come from: entries after {@code afterName} (null: the first page). */
    @FunctionalInterface
    interface PageSource {
        DirPage page(String afterName, int entriesMax) throws FsException;
    }

    private final PageSource source;
    private final int pageEntriesMax;
    private final Deque<List<DirEntry>> pages = new ArrayDeque<>();
    /** The position of the first entry of the first kept page. */
    private long keptStart;
    private long keptEntries;
    private String lastName;
    private boolean complete;

    DirectoryStream(PageSource source, int pageEntriesMax) {
        this.source = source;
        this.pageEntriesMax = pageEntriesMax;
    }

    /** The entry at {@code position}, or null past the end of the listing. */
    DirEntry entry(long position) throws FsException {
        if (position < keptStart) {
            rewind();
        }
        while (position >= keptStart + keptEntries) {
            if (complete) {
                return null;
            }
            fetch();
        }
        long index = position - keptStart;
        for (List<DirEntry> page : pages) {
            if (index < page.size()) {
                return page.get((int) index);
            }
            index -= page.size();
        }
        throw new IllegalStateException("position " + position + " not in the kept pages");
    }

    /** Forgets what was read: the next read lists the directory afresh, as rewinddir wants. */
    void rewind() {
        pages.clear();
        keptStart = 0;
        keptEntries = 0;
        lastName = null;
        complete = false;
    }

    private void fetch() throws FsException {
        DirPage page = source.page(lastName, pageEntriesMax);
        // An empty page that claims more would loop for ever: take it as the end.
        complete = page.complete() || page.entries().isEmpty();
        if (page.entries().isEmpty()) {
            return;
        }
        pages.addLast(page.entries());
        keptEntries += page.entries().size();
        lastName = page.lastName();
        while (pages.size() > PAGES_KEPT) {
            int dropped = pages.removeFirst().size();
            keptStart += dropped;
            keptEntries -= dropped;
        }
    }
}
