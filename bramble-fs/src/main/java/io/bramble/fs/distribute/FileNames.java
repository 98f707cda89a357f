package io.bramble.fs.distribute;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;

/**
 * Renames and hard links of files, whose data stay where they are: the data file takes the new
 * name on its own subvolume, and when the new name hashes elsewhere a {@link Pointer} there
 * leads to it. Moving the data instead would copy whole files across the network on a rename
 * and would not be atomic for a reader; a pointer costs one extra lookup until a rebalance
 * moves the file.
 *
 * <p>The steps on different subvolumes are not one atomic change. A replaced file on another
 * subvolume is removed first (a failure there fails the rename with nothing moved, but the
 * replaced file may be gone); if a step fails after the data file was renamed, the new name
 * still resolves (a lookup that misses on the hashed subvolume searches the others), and a
 * stale pointer may be left, which lookups skip.
 */
final class FileNames {
    private final Subvolumes subvolumes;
    private final Locator locator;
    private final PointerFiles pointers;
    private final DirectoryCopies copies;

    FileNames(Subvolumes subvolumes, Locator locator, PointerFiles pointers,
            DirectoryCopies copies) {
        this.subvolumes = subvolumes;
        this.locator = locator;
        this.pointers = pointers;
        this.copies = copies;
    }

    /** Renames the file at {@code from}, found at {@code source}, to {@code to}. */
    void rename(Caller caller, Located source, FsPath from, FsPath to, int flags)
            throws FsException {
        Located target = locator.locateOrNull(caller, to);
        if ((flags & FileOps.RENAME_EXCHANGE) != 0) {
            exchange(caller, source, target, from, to);
            return;
        }
        if (target != null) {
            if ((flags & FileOps.RENAME_NOREPLACE) != 0) {
                throw new FsException(Errno.EEXIST, to.toString());
            }
            if (target.isDirectory()) {
                throw new FsException(Errno.EISDIR, to.toString());
            }
            if (target.attr().id().equals(source.attr().id())) {
                return; // two names of one file: rename(2) leaves both
            }
        }
        int data = source.data();
        int hashed = locator.hashed(to);
        if (target != null && target.data() != data) {
            // The replaced file goes first when it lives elsewhere: if its subvolume refuses,
            // the rename fails before anything moved, instead of leaving it behind the new
            // file, to come back once the name is vacated.
            removeIfThere(caller, target.data(), to);
        }
        // The data file takes the new name; on its subvolume this replaces the old target
        // (its data or its pointer) atomically.
        copies.withDirectory(data, to.parent(), () -> {
            subvolumes.ops(data).rename(caller, from, to, 0);
            return null;
        });
        if (hashed != data) {
            pointTo(caller, source, target, from, to, hashed);
        }
        if (source.hasPointer() && source.pointer() != hashed) {
            pointers.removeQuietly(caller, source.pointer(), from);
        }
        // The old name is vacated: no copy of it may be left for a lookup to find.
        pointers.removeShadowed(caller, from, data, hashed);
    }

    private void removeIfThere(Caller caller, int index, FsPath path) throws FsException {
        try {
            subvolumes.ops(index).unlink(caller, path);
        } catch (FsException e) {
            if (e.errno() != Errno.ENOENT) {
                throw e;
            }
        }
    }

    /** Leaves a pointer to the renamed file at {@code to} on subvolume {@code hashed}. */
    private void pointTo(Caller caller, Located source, Located target, FsPath from, FsPath to,
            int hashed) throws FsException {
        if (source.pointer() == hashed) {
            // The old name's pointer already stands there: renaming it replaces whatever the
            // new name was on that subvolume.
            pointers.unseal(hashed, from);
            copies.withDirectory(hashed, to.parent(), () -> {
                subvolumes.ops(hashed).rename(caller, from, to, 0);
                return null;
            });
            return;
        }
        if (target != null && target.pointer() == hashed) {
            pointers.unseal(hashed, to);
            removeIfThere(caller, hashed, to);
        }
        pointers.create(caller, hashed, to, source.attr().id(), source.data());
    }

    /**
     * Swaps two files whose data share a subvolume: their pointers (if any) lead to that
     * subvolume before and after. Files on different subvolumes cannot be swapped atomically,
     * and fail with EXDEV.
     */
    private void exchange(Caller caller, Located source, Located target, FsPath from,
            FsPath to) throws FsException {
        if (target == null) {
            throw new FsException(Errno.ENOENT, to.toString());
        }
        if (target.isDirectory() || target.data() != source.data()) {
            throw new FsException(Errno.EXDEV, "exchanging files on different subvolumes");
        }
        subvolumes.ops(source.data()).rename(caller, from, to, FileOps.RENAME_EXCHANGE);
    }

    /**
     * Links {@code newPath} to the file at {@code existing}. The link is made on the data's
     * subvolume, where hard links work, with a pointer on the new name's hashed subvolume when
     * it is another: the application never sees EXDEV.
     */
    Attr link(Caller caller, Located source, FsPath existing, FsPath newPath)
            throws FsException {
        if (source.isDirectory()) {
            throw new FsException(Errno.EPERM, "hard link to a directory");
        }
        if (locator.locateOrNull(caller, newPath) != null) {
            throw new FsException(Errno.EEXIST, newPath.toString());
        }
        int data = source.data();
        int hashed = locator.hashed(newPath);
        Attr attr = copies.withDirectory(data, newPath.parent(), () -> subvolumes.ops(data)
                .link(caller, existing, newPath));
        if (hashed != data) {
            try {
                pointers.create(caller, hashed, newPath, attr.id(), data);
            } catch (FsException e) {
                pointers.removeQuietly(caller, data, newPath);
                throw e;
            }
        }
        return attr;
    }
}
