package io.bramble.fs.distribute;

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
 * had one subvolume) gets the layout its id calls for, written where it is missing; since that
 * layout follows from the id, every client that finds none computes the same one.
 */
final class Layouts {
    private static final Logger LOG = LoggerFactory.getLogger(Layouts.class);

    private final Subvolumes subvolumes;
    private final LayoutCache cache;
    private final Layout onlyLayout;

    Layouts(Subvolumes subvolumes, int layoutsCachedMax) {
        this.subvolumes = subvolumes;
        this.cache = new LayoutCache(layoutsCachedMax);
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

    /** Forgets the layouts of {@code dir} and of every directory below it. */
    void forget(FsPath dir) {
        cache.forget(dir);
    }

    private Layout load(FsPath dir) throws FsException {
        List<Integer> missing = new ArrayList<>();
        int answered = -1;
        FsException failure = null;
        for (int i = 0; i < subvolumes.count(); i++) {
            try {
                byte[] value = subvolumes.ops(i).getxattr(Caller.ROOT, dir, LayoutXattr.NAME);
                Layout layout = usable(dir, i, value);
                if (layout != null) {
                    cache.put(dir, layout);
                    return layout;
                }
                answered = answered < 0 ? i : answered;
            } catch (FsException e) {
                if (e.errno() == Errno.ENODATA) {
                    missing.add(i);
                    answered = answered < 0 ? i : answered;
                } else if (Subvolumes.unreachable(e)) {
                    failure = e;
                } else {
                    throw e;
                }
            }
        }
        if (answered < 0) {
            throw failure != null ? failure : new FsException(Errno.EIO, "no usable layout");
        }
        return makeDefault(dir, answered, missing);
    }

    private Layout usable(FsPath dir, int index, byte[] value) {
        try {
            Layout layout = LayoutXattr.decode(value);
            for (String owner : layout.subvolumes()) {
                if (subvolumes.indexOf(owner) < 0) {
                    LOG.warn("layout of {} on {} names unknown subvolume {}: not used", dir,
                            subvolumes.name(index), owner);
                    return null;
                }
            }
            return layout;
        } catch (IllegalArgumentException e) {
            LOG.warn("layout of {} on {} is unreadable: {}", dir, subvolumes.name(index),
                    e.getMessage());
            return null;
        }
    }

    /** The layout {@code dir}'s id calls for, written on the copies in {@code missing}. */
    private Layout makeDefault(FsPath dir, int answered, List<Integer> missing)
            throws FsException {
        Attr attr = subvolumes.ops(answered).getattr(Caller.ROOT, dir);
        if (!attr.isDirectory()) {
            throw new FsException(Errno.ENOTDIR, dir.toString());
        }
        Layout layout = Layout.forDirectory(attr.id(), subvolumes.names());
        for (int index : missing) {
            try {
                write(index, dir, layout, FileOps.XATTR_CREATE);
            } catch (FsException e) {
                // Another client may have written the same layout meanwhile, or the copy is
                // unreachable; the layout follows from the id either way.
                LOG.debug("layout of {} not written on {}: {}", dir, subvolumes.name(index),
                        e.getMessage());
            }
        }
        cache.put(dir, layout);
        return layout;
    }
}
