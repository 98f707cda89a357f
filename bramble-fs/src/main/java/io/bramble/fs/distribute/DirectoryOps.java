package io.bramble.fs.distribute;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.SetAttr;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations that change a directory, which exists on every subvolume that holds its
 * parent: made on its hashed subvolume first (which decides EEXIST) and then on the others,
 * each copy with the layout over the copies made; removed from the others first and the hashed
 * one last. A step that fails undoes the steps before it, so a directory is either on every
 * subvolume holding its parent or on none. A subvolume added later lacks the directories made
 * before it, which it holds nothing in; a rename or a new name placed there makes the copy
 * first ({@link DirectoryCopies}).
 */
final class DirectoryOps {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryOps.class);

    private final Subvolumes subvolumes;
    private final Locator locator;
    private final Layouts layouts;
    private final Listing listing;
    private final PointerFiles pointers;
    private final DirectoryCopies copies;

    DirectoryOps(Subvolumes subvolumes, Locator locator, Layouts layouts, Listing listing,
            PointerFiles pointers, DirectoryCopies copies) {
        this.subvolumes = subvolumes;
        this.locator = locator;
        this.layouts = layouts;
        this.listing = listing;
        this.pointers = pointers;
        this.copies = copies;
    }

    Attr mkdir(Caller caller, FsPath path, FileId id, int mode) throws FsException {
        int hashed = locator.hashed(path);
        Attr attr = copies.withDirectory(hashed, path.parent(), () -> subvolumes.ops(hashed)
                .mkdir(caller, path, id, mode));
        List<Integer> made = new ArrayList<>(List.of(hashed));
        List<Integer> holding = new ArrayList<>(List.of(hashed));
        try {
            int count = subvolumes.count();
            for (int i = 0; i < count; i++) {
                if (i == hashed || !subvolumes.placeable(i)) {
                    continue; // nothing new on a subvolume being removed
                }
                switch (makeCopy(caller, i, path, id, mode)) {
                    case MADE -> {
                        made.add(i);
                        holding.add(i);
                    }
                    case TAKEN_OVER -> holding.add(i);
                    case NO_PARENT -> {
                    }
                }
            }
            holding.sort(null);
            List<String> names = new ArrayList<>(holding.size());
            holding.forEach(i -> names.add(subvolumes.name(i)));
            Layout layout = Layout.forDirectory(id, names);
            for (int i : holding) {
                layouts.write(i, path, layout, 0);
            }
            layouts.remember(path, layout);
        } catch (FsException e) {
            for (int i = made.size() - 1; i >= 0; i--) {
                removeCopyQuietly(caller, made.get(i), path);
            }
            throw e;
        }
        return attr;
    }

    /** What making one copy of a new directory did. */
    private enum CopyMade {
        MADE,
        /** A directory was there already (left by a mkdir that could not finish). */
        TAKEN_OVER,
        /** The subvolume lacks the parent: it joined later, and holds nothing there. */
        NO_PARENT
    }

    private CopyMade makeCopy(Caller caller, int index, FsPath path, FileId id, int mode)
            throws FsException {
        FileOps ops = subvolumes.ops(index);
        try {
            ops.mkdir(caller, path, id, mode);
            return CopyMade.MADE;
        } catch (FsException e) {
            if (e.errno() == Errno.EEXIST && ops.getattr(caller, path).isDirectory()) {
                return CopyMade.TAKEN_OVER;
            }
            if (e.errno() == Errno.ENOENT && !path.parent().isRoot()) {
                return CopyMade.NO_PARENT;
            }
            throw e;
        }
    }

    private void removeCopyQuietly(Caller caller, int index, FsPath path) {
        try {
            subvolumes.ops(index).rmdir(caller, path);
        } catch (FsException e) {
            LOG.warn("directory {} left on {} after a failed change: {}", path,
                    subvolumes.name(index), e.getMessage());
        }
    }

    void rmdir(Caller caller, FsPath path) throws FsException {
        if (path.isRoot()) {
            throw new FsException(Errno.EBUSY, "the root");
        }
        Located located = locator.locate(caller, path);
        if (!located.isDirectory()) {
            throw new FsException(Errno.ENOTDIR, path.toString());
        }
        clearForRemoval(caller, path);
        Layout layout = layouts.of(path);
        int hashed = located.data();
        List<Integer> removed = new ArrayList<>();
        try {
            for (int i = 0; i < subvolumes.count(); i++) {
                if (i != hashed && removeCopy(caller, i, path)) {
                    removed.add(i);
                }
            }
            subvolumes.ops(hashed).rmdir(caller, path);
        } catch (FsException e) {
            restore(caller, path, located.attr(), layout, removed);
            throw e;
        } finally {
            layouts.forget(path);
        }
    }

    private boolean removeCopy(Caller caller, int index, FsPath path) throws FsException {
        try {
            subvolumes.ops(index).rmdir(caller, path);
            return true;
        } catch (FsException e) {
            if (e.errno() == Errno.ENOENT) {
                return false;
            }
            throw e;
        }
    }

    private void restore(Caller caller, FsPath path, Attr attr, Layout layout,
            List<Integer> removed) {
        for (int index : removed) {
            try {
                subvolumes.ops(index).mkdir(caller, path, attr.id(), attr.permissions());
                layouts.write(index, path, layout, 0);
            } catch (FsException e) {
                LOG.warn("directory {} missing on {} after a failed rmdir: {}", path,
                        subvolumes.name(index), e.getMessage());
            }
        }
    }

    /**
     * Fails with ENOTEMPTY unless {@code dir} shows no entry, then removes the pointers whose
     * data are gone, which would otherwise keep the copies from being removed.
     */
    void clearForRemoval(Caller caller, FsPath dir) throws FsException {
        if (!listing.isEmpty(caller, dir)) {
            throw new FsException(Errno.ENOTEMPTY, dir.toString());
        }
        if (subvolumes.single()) {
            return;
        }
        for (int i = 0; i < subvolumes.count(); i++) {
            for (String name : listing.pointerShaped(caller, i, dir)) {
                pointers.removeQuietly(caller, i, dir.child(name));
            }
        }
    }

    /** Renames directory {@code from} (found at {@code source}) on every subvolume. */
    void rename(Caller caller, Located source, FsPath from, FsPath to, int flags)
            throws FsException {
        Located target = locator.locateOrNull(caller, to);
        boolean exchange = (flags & FileOps.RENAME_EXCHANGE) != 0;
        if (exchange && target == null) {
            throw new FsException(Errno.ENOENT, to.toString());
        }
        if (exchange && !target.isDirectory()) {
            throw new FsException(Errno.EXDEV, "exchanging a directory with a file");
        }
        if (!exchange && target != null) {
            if ((flags & FileOps.RENAME_NOREPLACE) != 0) {
                throw new FsException(Errno.EEXIST, to.toString());
            }
            if (!target.isDirectory()) {
                throw new FsException(Errno.ENOTDIR, to.toString());
            }
            if (target.attr().id().equals(source.attr().id())) {
                return;
            }
            clearForRemoval(caller, to);
        }
        List<Integer> order = new ArrayList<>();
        int first = source.data();
        order.add(first);
        for (int i = 0; i < subvolumes.count(); i++) {
            if (i != first) {
                order.add(i);
            }
        }
        List<Integer> done = new ArrayList<>();
        try {
            for (int index : order) {
                if (renameCopy(caller, index, index == first, from, to, flags)) {
                    done.add(index);
                }
            }
        } catch (FsException e) {
            for (int i = done.size() - 1; i >= 0; i--) {
                undoRename(caller, done.get(i), from, to, exchange);
            }
            throw e;
        } finally {
            layouts.forget(from);
            layouts.forget(to);
        }
    }

    /**
     * Renames the copy on subvolume {@code index}; false when that subvolume lacks it (it
     * joined later). A copy whose new parent is missing there gets that parent first.
     */
    private boolean renameCopy(Caller caller, int index, boolean found, FsPath from, FsPath to,
            int flags) throws FsException {
        FileOps ops = subvolumes.ops(index);
        try {
            ops.rename(caller, from, to, flags);
            return true;
        } catch (FsException e) {
            if (e.errno() != Errno.ENOENT) {
                throw e;
            }
        }
        if (!found && !holds(ops, caller, from)) {
            return false;
        }
        if (!copies.make(index, to.parent(), 0)) {
            throw new FsException(Errno.ENOENT, to.toString());
        }
        ops.rename(caller, from, to, flags);
        return true;
    }

    private static boolean holds(FileOps ops, Caller caller, FsPath path) throws FsException {
        try {
            ops.getattr(caller, path);
            return true;
        } catch (FsException e) {
            if (e.errno() == Errno.ENOENT) {
                return false;
            }
            throw e;
        }
    }

    private void undoRename(Caller caller, int index, FsPath from, FsPath to,
            boolean exchange) {
        try {
            subvolumes.ops(index).rename(caller, to, from,
                    exchange ? FileOps.RENAME_EXCHANGE : FileOps.RENAME_NOREPLACE);
        } catch (FsException e) {
            LOG.warn("directory {} left renamed to {} on {} after a failed rename: {}", from, to,
                    subvolumes.name(index), e.getMessage());
        }
    }

    /** Changes every copy: the hashed one must take it, the others follow when they answer. */
    Attr setattr(Caller caller, Located located, FsPath path, SetAttr changes)
            throws FsException {
        List<Attr> changed = new ArrayList<>();
        changed.add(subvolumes.ops(located.data()).setattr(caller, path, changes));
        for (int i = 0; i < subvolumes.count(); i++) {
            if (i == located.data()) {
                continue;
            }
            try {
                changed.add(subvolumes.ops(i).setattr(caller, path, changes));
            } catch (FsException e) {
                if (e.errno() == Errno.ENOENT) {
                    continue; // a subvolume that joined later lacks the directory
                }
                LOG.warn("attributes of {} not changed on {}: {}", path, subvolumes.name(i),
                        e.getMessage());
            }
        }
        return DirectoryAttrs.merge(changed);
    }

    /** An xattr change on every copy, the hashed one first and required. */
    void changeXattr(Located located, FsPath path, XattrChange change) throws FsException {
        change.apply(subvolumes.ops(located.data()));
        for (int i = 0; i < subvolumes.count(); i++) {
            if (i == located.data()) {
                continue;
            }
            try {
                change.apply(subvolumes.ops(i));
            } catch (FsException e) {
                if (e.errno() == Errno.ENOENT) {
                    continue; // a subvolume that joined later lacks the directory
                }
                LOG.warn("xattr of {} not changed on {}: {}", path, subvolumes.name(i),
                        e.getMessage());
            }
        }
    }

    /** One setxattr or removexattr, to apply to each copy. */
    interface XattrChange {
        void apply(FileOps copy) throws FsException;
    }
}
