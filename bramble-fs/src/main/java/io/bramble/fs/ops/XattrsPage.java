package io.bramble.fs.ops;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A page of a directory listing whose entries bring some of their xattrs, in name order (see
 * {@link DirPage}). The xattrs of a page are bounded by {@link #XATTR_BYTES_MAX}: a page that
 * would carry more ends early, not complete, and the listing goes on after its last name.
 *
 * @param complete whether the listing ended with this page
 */
public record XattrsPage(List<EntryXattrs> entries, boolean complete) {
    /**
     * Most bytes of xattrs in one page, as {@link #xattrBytes} counts them: beside the most
     * entries a brick's page holds (4,096 names of 255 bytes with their attributes, about
     * 1.4 MiB), a page still fits one frame of the brick protocol (2 MiB).
     */
    public static final int XATTR_BYTES_MAX = 256 * 1024;
    /** What an xattr takes on the wire besides its name and value: their two lengths. */
    static final int XATTR_OVERHEAD_BYTES = 8;

    public XattrsPage {
        entries = List.copyOf(entries);
    }

    /** The name to continue after, or null when the page is empty. */
    public String lastName() {
        return entries.isEmpty() ? null : entries.getLast().name();
    }

    /**
     * The bytes {@code xattrs} count for against {@link #XATTR_BYTES_MAX}: as on the wire, each
     * name in UTF-8 and each value, with their lengths.
     */
    public static long xattrBytes(Map<String, byte[]> xattrs) {
        long bytes = 0;
        for (Map.Entry<String, byte[]> xattr : xattrs.entrySet()) {
            bytes += xattr.getKey().getBytes(StandardCharsets.UTF_8).length
                    + xattr.getValue().length + XATTR_OVERHEAD_BYTES;
        }
        return bytes;
    }

    /** Collects a page's entries up to {@link #XATTR_BYTES_MAX} of xattrs. */
    public static final class Filling {
        private final List<EntryXattrs> entries = new ArrayList<>();
        private long xattrBytes;
        private boolean full;

        /**
         * Adds {@code entry} unless the page is full or the entry's xattrs would overfill it;
         * returns whether it was added. An entry whose xattrs alone pass the bound is refused.
         */
        public boolean offer(EntryXattrs entry) throws FsException {
            long bytes = xattrBytes(entry.read().xattrs());
            if (entries.isEmpty() && bytes > XATTR_BYTES_MAX) {
                throw new FsException(Errno.E2BIG, entry.name() + " has " + bytes
                        + " bytes of xattrs, more than a listing page carries");
            }
            if (full || xattrBytes + bytes > XATTR_BYTES_MAX) {
                full = true;
                return false;
            }
            xattrBytes += bytes;
            entries.add(entry);
            return true;
        }

        /** The page, complete only when the listing ended and nothing was left out. */
        public XattrsPage page(boolean listingEnded) {
            return new XattrsPage(entries, listingEnded && !full);
        }
    }
}
