package io.bramble.fs.distribute;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.DirPage;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists a directory over all subvolumes: names in order, each once, pointers hidden, and a
 * subdirectory's attributes merged from its copies. A subvolume that does not answer fails
 * the listing: a listing that silently missed its files would be worse than an error.
 */
final class Listing {
    private final Subvolumes subvolumes;
    private final Locator locator;

    Listing(Subvolumes subvolumes, Locator locator) {
        this.subvolumes = subvolumes;
        this.locator = locator;
    }

    DirPage page(Caller caller, FsPath dir, String afterName, int entriesMax)
            throws FsException {
        if (subvolumes.single()) {
            return subvolumes.ops(0).readdir(caller, dir, afterName, entriesMax);
        }
        if (entriesMax < 1) {
            throw new FsException(Errno.EINVAL, "a page holds at least one entry");
        }
        String after = afterName;
        while (true) {
            List<DirPage> pages = pages(caller, dir, after, entriesMax);
            ListingMerge.Window window = ListingMerge.window(pages);
            List<DirEntry> entries = new ArrayList<>();
            for (ListingMerge.NameCopies name : window.names()) {
                DirEntry entry = visible(caller, dir, name);
                if (entry == null) {
                    continue;
                }
                if (entries.size() == entriesMax) {
                    return new DirPage(entries, false);
                }
                entries.add(entry);
            }
            if (window.exhausted()) {
                return new DirPage(entries, true);
            }
            if (!entries.isEmpty()) {
                return new DirPage(entries, false);
            }
            // Every name of the window was a pointer: a page must not come back empty unless
            // the listing is over, so go on after them. Each round passes at least one name.
            after = window.lastName();
        }
    }

    /**
     * A page from each subvolume; a subvolume that lacks the directory (it joined later) holds
     * nothing in it. ENOENT when none holds it.
     */
    private List<DirPage> pages(Caller caller, FsPath dir, String after, int entriesMax)
            throws FsException {
        int count = subvolumes.count();
        List<DirPage> pages = new ArrayList<>(count);
        FsException missing = null;
        int answered = 0;
        for (int i = 0; i < count; i++) {
            try {
                pages.add(subvolumes.ops(i).readdir(caller, dir, after, entriesMax));
                answered++;
            } catch (FsException e) {
                if (e.errno() != Errno.ENOENT) {
                    throw e;
                }
                missing = e;
                pages.add(new DirPage(List.of(), true));
            }
        }
        if (missing != null && pages.size() == count && answered == 0) {
            throw missing;
        }
        return pages;
    }

    /**
     * The entry {@code name} shows as, or null when it is only pointers. When two subvolumes
     * hold a file of that name (a rename could not remove the file it replaced), the one on
     * the hashed subvolume is the file, as lookups find it.
     */
    private DirEntry visible(Caller caller, FsPath dir, ListingMerge.NameCopies name)
            throws FsException {
        Attr[] copies = name.copies();
        List<Attr> directories = new ArrayList<>();
        for (Attr copy : copies) {
            if (copy != null && copy.isDirectory()) {
                directories.add(copy);
            }
        }
        if (!directories.isEmpty()) {
            return new DirEntry(name.name(), DirectoryAttrs.merge(directories));
        }
        FsPath path = dir.child(name.name());
        int hashed = locator.hashed(path);
        if (hashed < copies.length && copies[hashed] != null
                && !Pointer.looksLike(copies[hashed])) {
            return new DirEntry(name.name(), copies[hashed]);
        }
        for (Attr copy : copies) {
            if (copy != null && !Pointer.looksLike(copy)) {
                return new DirEntry(name.name(), copy);
            }
        }
        // Only pointer-shaped copies: either pointers whose data are gone, or a user's empty
        // file with the sticky bit alone. The linkto xattr tells them apart; one that cannot
        // be read is taken for a pointer rather than failing the whole listing.
        for (int i = 0; i < copies.length; i++) {
            if (copies[i] != null && isPlainFile(caller, i, path)) {
                return new DirEntry(name.name(), copies[i]);
            }
        }
        return null;
    }

    private boolean isPlainFile(Caller caller, int index, FsPath path) {
        try {
            return locator.pointerTarget(caller, index, path) == Locator.NOT_A_POINTER;
        } catch (FsException e) {
            return false;
        }
    }

    /** Whether {@code dir} shows no entry at all. */
    boolean isEmpty(Caller caller, FsPath dir) throws FsException {
        return page(caller, dir, null, 1).entries().isEmpty();
    }

    /** The pointer-shaped names on subvolume {@code index} in {@code dir}. */
    List<String> pointerShaped(Caller caller, int index, FsPath dir) throws FsException {
        List<String> names = new ArrayList<>();
        String after = null;
        boolean complete = false;
        while (!complete) {
            DirPage page;
            try {
                page = subvolumes.ops(index).readdir(caller, dir, after, 256);
            } catch (FsException e) {
                if (e.errno() == Errno.ENOENT) {
                    return names; // the subvolume lacks the directory: it joined later
                }
                throw e;
            }
            for (DirEntry entry : page.entries()) {
                if (Pointer.looksLike(entry.attr())) {
                    names.add(entry.name());
                }
            }
            complete = page.complete() || page.entries().isEmpty();
            after = page.lastName();
        }
        return names;
    }
}
