package io.bramble.fs.disperse;

import io.bramble.fs.ops.AttrXattrs;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.DirPage;
import io.bramble.fs.ops.EntryXattrs;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.XattrsPage;
import java.util.ArrayList;
import java.util.HashMap;
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
 *
 * <p>Each child's page brings its entries' attributes and bramble's xattrs, so the attributes
 * are chosen from the page as a lookup chooses them ({@link AttrChoice}); only the regular
 * files whose fragments in the pages are not in step (a write under way while the children
 * listed) are asked again, all of them at once.
 */
final class Listing {
    /** The entries of names that the pages could not settle, asked again of the children. */
    @FunctionalInterface
    interface Unsettled {
        /** The entries of {@code names}; a name no longer held by D children is left out. */
        Map<String, DirEntry> entries(List<String> names) throws FsException;
    }

    /**
     * @param page the merged page
     * @param end where the page stopped short of the listing's end, or null when it did not;
     *     a page can come out empty yet not complete, and is then asked again after it
     */
    record Merged(DirPage page, String end) {}

    private final int childCount;
    private final int dataCount;

    Listing(int childCount, int dataCount) {
        this.childCount = childCount;
        this.dataCount = dataCount;
    }

    Merged merge(ChildAnswers<XattrsPage> pages, Unsettled unsettled) throws FsException {
        String end = null;
        Map<String, AttrXattrs[]> held = new TreeMap<>();
        for (int child : pages.ok().indexes()) {
            XattrsPage page = pages.value(child);
            if (!page.complete() && page.lastName() != null
                    && (end == null || page.lastName().compareTo(end) < 0)) {
                end = page.lastName();
            }
            for (EntryXattrs entry : page.entries()) {
                held.computeIfAbsent(entry.name(),
                        name -> new AttrXattrs[childCount])[child] = entry.read();
            }
        }
        List<String> names = new ArrayList<>();
        List<String> again = new ArrayList<>();
        Map<String, DirEntry> settled = new HashMap<>();
        for (Map.Entry<String, AttrXattrs[]> name : held.entrySet()) {
            if (end != null && name.getKey().compareTo(end) > 0) {
                break;
            }
            if (holders(name.getValue()) < dataCount) {
                continue;
            }
            names.add(name.getKey());
            AttrChoice.Chosen chosen = AttrChoice.choose(name.getValue(), dataCount);
            if (chosen == null) {
                again.add(name.getKey());
            } else {
                settled.put(name.getKey(), new DirEntry(name.getKey(), chosen.attr()));
            }
        }
        if (!again.isEmpty()) {
            settled.putAll(unsettled.entries(again));
        }
        List<DirEntry> listed = new ArrayList<>();
        for (String name : names) {
            DirEntry entry = settled.get(name);
            if (entry != null) {
                listed.add(entry);
            }
        }
        return new Merged(new DirPage(listed, end == null), end);
    }

    private static int holders(AttrXattrs[] held) {
        int holders = 0;
        for (AttrXattrs read : held) {
            if (read != null) {
                holders++;
            }
        }
        return holders;
    }
}
