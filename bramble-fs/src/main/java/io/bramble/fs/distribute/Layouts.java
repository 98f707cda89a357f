package io.bramble.fs.distribute;

import io.bramble.common.time.Clock;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the layout of a directory: from the cache, else from the xattr of its first copy that
 * answers. A directory without a layout (the root on first use, or one made while the volume
 * had one subvolume) gets the layout its id calls for over the subvolumes that hold a copy of
 * it, written where it is missing; since that layout follows from the id and the copies,
 * every client that finds none computes the same one. A subvolume that lacks the directory
 * (one added to the volume after the directory was made) holds nothing in it, so the
 * directory's names are placed where its copies are until a rebalance spreads it.
 *
 * <p>A layout that gives a range to a subvolume being removed is not used: the directory's
 * names are placed by the layout its id calls for over the other subvolumes holding it, the
 * one {@code remove-brick}'s walk writes.
 */
final class Layouts {
    private static final Logger LOG = LoggerFactory.getLogger(Layouts.class);

    private final Subvolumes subvolumes;
    private final LayoutCache cache;
    private final Layout onlyLayout;

    Layouts(Subvolumes subvolumes, int layoutsCachedMax, long layoutKeepMs, Clock clock) {
        this.subvolumes = subvolumes;
        this.cache = new LayoutCache(layoutsCachedMax, layoutKeepMs, clock);
        this.onlyLayout = Layout.spread(subvolumes.names(), 0);
    }

    Layout of(FsPath dir) throws FsException {
        if (subvolumes.single()) {
            return onlyLayout;
        }
        Layout cached = cache.get(dir);
        return cached != null ? cached : load(dir);
    }

    /** Writes {@code layout} on subvolume {@code index}'s copy of {@code dir}. */
    void write(int index, FsPath dir, Layout layout, int flags) throws FsException {
        subvolumes.ops(index).setxattr(Caller.ROOT, dir, LayoutXattr.NAME,
                LayoutXattr.encode(layout), flags);
    }

    void remember(FsPath dir, Layout layout) {
        cache.put(dir, layout);
    }

    /** Forgets every layout: subvolumes were added, and computed layouts may differ. */
    void forgetAll() {
        cache.clear();
    }

    /** Forgets the layouts of {@code dir} and of every directory below it. */
    void forget(FsPath dir) {
        cache.forget(dir);
    }

    private Layout load(FsPath dir) throws FsException {
        List<Integer> holders = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        List<Integer> away = new ArrayList<>();
        FsException unreachable = null;
        int count = subvolumes.count();
        for (int i = 0; i < count; i++) {
            if (subvolumes.removed(i)) {
                continue;
            }
            try {
                byte[] value = subvolumes.ops(i).getxattr(Caller.ROOT, dir, LayoutXattr.NAME);
                Layout layout = usable(dir, i, value);
                if (layout != null) {
                    cache.put(dir, layout);
                    return layout;
                }
                holders.add(i);
            } catch (FsException e) {
                if (e.errno() == Errno.ENODATA) {
                    holders.add(i);
                    missing.add(i);
                } else if (Subvolumes.unreachable(e)) {
                    unreachable = e;
                    away.add(i);
                } else if (e.errno() != Errno.ENOENT) {
                    throw e;
                }
            }
        }
        if (holders.isEmpty()) {
            throw unreachable != null
                    ? unreachable
                    : new FsException(Errno.ENOENT,
                            dir.toString());
        }
        return makeDefault(dir, holders, missing, away);
    }

    private Layout usable(FsPath dir, int index, byte[] value) {
        try {
            Layout layout = LayoutXattr.decode(value);
            for (String owner : layout.subvolumes()) {
                int at = subvolumes.indexOf(owner);
                if (at < 0) {
                    if (!subvolumes.wasRemoved(owner)) {
                        LOG.warn("layout of {} on {} names unknown subvolume {}: not used",
                                dir, subvolumes.name(index), owner);
                    }
                    return null;
                }
                if (!subvolumes.placeable(at)) {
                    return null; // written before remove-brick; replaced as its walk does
                }
            }
            return layout;
        } catch (IllegalArgumentException e) {
            LOG.warn("layout of {} on {} is unreadable: {}", dir, subvolumes.name(index),
                    e.getMessage());
            return null;
        }
    }

    /**
     * The layout of a directory no copy has one for, spread over the subvolumes that hold it
     * and those that did not answer: a subvolume away may hold it, as every subvolume holds
     * the root, and leaving it out would hash names elsewhere than where they were made (a
     * file there would read ENOENT rather than ENOTCONN). Written and kept only when every
     * subvolume answered.
     */
    private Layout makeDefault(FsPath dir, List<Integer> holders, List<Integer> missing,
            List<Integer> away) throws FsException {
        Attr attr = subvolumes.ops(holders.getFirst()).getattr(Caller.ROOT, dir);
        if (!attr.isDirectory()) {
            throw new FsException(Errno.ENOTDIR, dir.toString());
        }
        boolean keep = away.isEmpty();
        List<String> names = new ArrayList<>(holders.size() + away.size());
        for (int i = 0; i < subvolumes.count(); i++) {
            if ((holders.contains(i) || away.contains(i)) && subvolumes.placeable(i)) {
                names.add(subvolumes.name(i));
            }
        }
        if (names.isEmpty()) {
            names.addAll(subvolumes.placeableNames()); // held by subvolumes being removed only
        }
        Layout layout = Layout.forDirectory(attr.id(), names);
        if (!keep) {
            return layout;
        }
        for (int index : missing) {
            try {
                write(index, dir, layout, FileOps.XATTR_CREATE);
            } catch (FsException e) {
                // Another client may have written the same layout meanwhile, or the copy is
                // unreachable; the layout follows from the id and the copies either way.
                LOG.debug("layout of {} not written on {}: {}", dir, subvolumes.name(index),
                        e.getMessage());
            }
        }
        cache.put(dir, layout);
        return layout;
    }
}
