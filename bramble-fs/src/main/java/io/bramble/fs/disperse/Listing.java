package io.bramble.fs.disperse;

import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.DirPage;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One page of a folder's listing from the pages its children gave: the names at least D of
 * them hold. A name change is acknowledged once D children took it and a set has fewer than
 * 2D children, so a name made while some children were down is listed, and a name removed
 * while they were down is not, though those children still show it. Pages end at different
 * names on different children; the merged page ends at the first of those ends, and names
 * past it wait for the next page.
 */
final class Listing {
    /** The attributes of a regular file as the set knows them (its size is not a fragment's). */
    @FunctionalInterface
    interface FileAttrs {
        DirEntry entry(DirEntry fragment) throws FsException;
    }

    /**
     * @param page the merged page
     * @param end where the page stopped short of the listing's end, or null when it did not;
     *     a page can come out empty yet not complete, and is then asked again after it
     */
    record Merged(DirPage page, String end) {}

    private final int dataCount;

    Listing(int dataCount) {
        this.dataCount = dataCount;
    }

    Merged merge(ChildAnswers<DirPage> pages, FileAttrs fileAttrs) throws FsException {
        String end = null;
        Map<String, DirEntry> entries = new TreeMap<>();
        Map<String, Integer> holders = new TreeMap<>();
        for (int child : pages.ok().indexes()) {
            DirPage page = pages.value(child);
            if (!page.complete() && page.lastName() != null
                    && (end == null || page.lastName().compareTo(end) < 0)) {
                end = page.lastName();
            }
            for (DirEntry entry : page.entries()) {
                entries.putIfAbsent(entry.name(), entry);
                holders.merge(entry.name(), 1, Integer::sum);
            }
        }
        List<DirEntry> listed = new ArrayList<>();
        for (Map.Entry<String, DirEntry> entry : entries.entrySet()) {
            String name = entry.getKey();
            if (end != null && name.compareTo(end) > 0) {
                break;
            }
            if (holders.get(name) >= dataCount) {
                DirEntry found = entry.getValue();
                listed.add(found.attr().type() == FileType.REGULAR
                        ? fileAttrs.entry(found)
                        : found);
            }
        }
        return new Merged(new DirPage(listed, end == null), end);
    }
}
