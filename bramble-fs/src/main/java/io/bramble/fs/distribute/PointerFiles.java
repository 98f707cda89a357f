package io.bramble.fs.distribute;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.MoveSeal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes and removes the {@link Pointer} files and the stray names renames leave behind. */
final class PointerFiles {
    private static final Logger LOG = LoggerFactory.getLogger(PointerFiles.class);

    private final Subvolumes subvolumes;
    private final DirectoryCopies copies;

    PointerFiles(Subvolumes subvolumes, DirectoryCopies copies) {
        this.subvolumes = subvolumes;
        this.copies = copies;
    }

    /**
     * Puts a pointer at {@code path} on subvolume {@code at}, leading to {@code data}. It has
     * the file's id, as every copy of a file does. A pointer whose xattr could not be written
     * is removed again, so no pointer-shaped empty file is left to pass for a user's.
     */
    void create(Caller caller, int at, FsPath path, FileId id, int data) throws FsException {
        try {
            copies.withDirectory(at, path.parent(), () -> subvolumes.ops(at).mknod(caller, path,
                    id, Pointer.MODE, 0));
        } catch (FsException e) {
            // The caller found no file at this name, so a pointer standing there leads
            // nowhere; anything else is a real conflict.
            if (e.errno() != Errno.EEXIST
                    || !Pointer.looksLike(subvolumes.ops(at).getattr(caller, path))) {
                throw e;
            }
            unseal(at, path);
            subvolumes.ops(at).unlink(caller, path);
            subvolumes.ops(at).mknod(caller, path, id, Pointer.MODE, 0);
        }
        try {
            subvolumes.ops(at).setxattr(Caller.ROOT, path, Pointer.LINKTO,
                    Pointer.linkto(subvolumes.name(data)), 0);
        } catch (FsException e) {
            removeQuietly(caller, at, path);
            throw e;
        }
    }

    /**
     * Removes {@code path} from subvolume {@code index} when it is there; a failure is logged,
     * not thrown, because the operation that asked has already taken effect.
     */
    void removeQuietly(Caller caller, int index, FsPath path) {
        try {
            unseal(index, path);
            subvolumes.ops(index).unlink(caller, path);
        } catch (FsException e) {
            if (e.errno() != Errno.ENOENT) {
                LOG.warn("stale name {} left on {}: {}", path, subvolumes.name(index),
                        e.getMessage());
            }
        }
    }

    /**
     * Takes the mark of a move's seal off the pointer at {@code path} on {@code index}, if
     * it has one, so that it may be removed or renamed as the pointer it is: the mark only
     * turns away clients that took it for the file's data ({@link Move}).
     */
    void unseal(int index, FsPath path) throws FsException {
        try {
            subvolumes.ops(index).removexattr(Caller.ROOT, path, MoveSeal.SEALED);
        } catch (FsException e) {
            if (e.errno() != Errno.ENODATA && e.errno() != Errno.ENOENT) {
                throw e;
            }
        }
    }

    private static boolean kept(int[] keep, int index) {
        for (int k : keep) {
            if (k == index) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes files named {@code path} from every subvolume but {@code keep}: a rename that
     * could not remove the file it replaced leaves it there, hidden behind the new one, and
     * once the name is vacated the search of all subvolumes would bring it back. A subvolume
     * that does not answer is passed over, as the search passes it over; one that refuses
     * fails the call, since the name may then still show.
     */
    void removeShadowed(Caller caller, FsPath path, int... keep) throws FsException {
        for (int i = 0; i < subvolumes.count(); i++) {
            if (kept(keep, i)) {
                continue;
            }
            Attr attr;
            try {
                attr = subvolumes.ops(i).getattr(caller, path);
            } catch (FsException e) {
                if (e.errno() == Errno.ENOENT || Subvolumes.unreachable(e)) {
                    continue;
                }
                throw e;
            }
            if (!attr.isDirectory()) {
                try {
                    unseal(i, path);
                    subvolumes.ops(i).unlink(caller, path);
                } catch (FsException e) {
                    if (e.errno() != Errno.ENOENT) {
                        throw e;
                    }
                }
            }
        }
    }
}
