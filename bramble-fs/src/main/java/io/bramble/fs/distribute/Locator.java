package io.bramble.fs.distribute;

import io.bramble.common.time.Poll;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where a name lives: on the subvolume its hash picks in the parent's layout, through a
 * pointer standing there, or (for files placed under an older layout) on any other subvolume.
 */
final class Locator {
    /**
     * Looks made while a file's move is switching over (its old place already a pointer to
     * the new, the new one still a pointer back) before the lookup fails with EAGAIN: the
     * switch is two calls of the mover, so only a mover gone in between outlasts them.
     */
    static final int SWITCH_LOOKS_MAX = 100;
    /** The wait between two such looks. */
    static final long SWITCH_PAUSE_MS = 50;

    private final Subvolumes subvolumes;
    private final Layouts layouts;
    private final Poll.Pause pause;

    Locator(Subvolumes subvolumes, Layouts layouts, Poll.Pause pause) {
        this.subvolumes = subvolumes;
        this.layouts = layouts;
        this.pause = pause;
    }

    /** Signals a lookup that met a file in the middle of its switch-over. */
    private static final class Switching extends Exception {
        Switching() {
            super(null, null, false, false);
        }
    }

    /** The subvolume {@code path}'s name hashes to in its parent's layout. */
    int hashed(FsPath path) throws FsException {
        int hash = NameHash.of(path.name());
        if (subvolumes.single()) {
            return 0;
        }
        return subvolumes.indexOf(layouts.of(path.parent()).owner(hash));
    }

    Located locate(Caller caller, FsPath path) throws FsException {
        if (path.isRoot()) {
            return locateRoot(caller);
        }
        for (int look = 1;; look++) {
            try {
                return locateOnce(caller, path);
            } catch (Switching e) {
                if (look >= SWITCH_LOOKS_MAX) {
                    throw new FsException(Errno.EAGAIN, path + " is being moved");
                }
                try {
                    pause.pause(SWITCH_PAUSE_MS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new FsException(Errno.EINTR, path.toString());
                }
            }
        }
    }

    private Located locateOnce(Caller caller, FsPath path) throws FsException, Switching {
        int hashed = hashed(path);
        Attr attr;
        try {
            attr = subvolumes.ops(hashed).getattr(caller, path);
        } catch (FsException e) {
            if (e.errno() != Errno.ENOENT || subvolumes.single()) {
                throw e;
            }
            return searchOthers(caller, path, hashed, Located.NONE);
        }
        if (subvolumes.single() || !Pointer.looksLike(attr)) {
            return new Located(hashed, Located.NONE, attr);
        }
        int target = pointerTarget(caller, hashed, path);
        if (target == NOT_A_POINTER || target == hashed) {
            return new Located(hashed, Located.NONE, attr);
        }
        if (target >= 0) {
            try {
                Attr data = subvolumes.ops(target).getattr(caller, path);
                checkNotSwitching(caller, target, hashed, path, data);
                return new Located(target, hashed, data);
            } catch (FsException e) {
                if (e.errno() != Errno.ENOENT) {
                    throw e;
                }
            }
        }
        // The pointer leads nowhere: the file moved on without it, or is gone.
        return searchOthers(caller, path, hashed, hashed);
    }

    /** Like {@link #locate}, but null when the name does not exist. */
    Located locateOrNull(Caller caller, FsPath path) throws FsException {
        try {
            return locate(caller, path);
        } catch (FsException e) {
            if (e.errno() == Errno.ENOENT) {
                return null;
            }
            throw e;
        }
    }

    /** A directory's attributes merged over its copies on every subvolume that answers. */
    Attr directoryAttr(Caller caller, FsPath path, Located located) {
        List<Attr> copies = new ArrayList<>(subvolumes.count());
        copies.add(located.attr());
        for (int i = 0; i < subvolumes.count(); i++) {
            if (i == located.data()) {
                continue;
            }
            try {
                copies.add(subvolumes.ops(i).getattr(caller, path));
            } catch (FsException e) {
                // A copy that does not answer leaves the others to speak for the directory.
            }
        }
        return DirectoryAttrs.merge(copies);
    }

    /**
     * Fails with {@link Switching} when {@code attr}, found on {@code at} through a pointer on
     * {@code from}, is itself a pointer back to {@code from}: the two halves of a move's
     * switch-over (see {@link Move}).
     */
    private void checkNotSwitching(Caller caller, int at, int from, FsPath path, Attr attr)
            throws FsException, Switching {
        if (Pointer.looksLike(attr) && pointerTarget(caller, at, path) == from) {
            throw new Switching();
        }
    }

    static final int NOT_A_POINTER = -2;

    /**
     * The subvolume the file at {@code path} on {@code index} points to: {@link #NOT_A_POINTER}
     * when it has no linkto xattr, -1 when it names a subvolume this volume does not have.
     */
    int pointerTarget(Caller caller, int index, FsPath path) throws FsException {
        try {
            byte[] linkto = subvolumes.ops(index).getxattr(Caller.ROOT, path, Pointer.LINKTO);
            return subvolumes.indexOf(Pointer.target(linkto));
        } catch (FsException e) {
            if (e.errno() == Errno.ENODATA) {
                return NOT_A_POINTER;
            }
            throw e;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private Located locateRoot(Caller caller) throws FsException {
        FsException failure = null;
        for (int i = 0; i < subvolumes.count(); i++) {
            if (subvolumes.removed(i)) {
                continue;
            }
            try {
                return new Located(i, Located.NONE, subvolumes.ops(i).getattr(caller, FsPath.ROOT));
            } catch (FsException e) {
                if (!Subvolumes.unreachable(e)) {
                    throw e;
                }
                failure = e;
            }
        }
        throw failure;
    }

    /**
     * Looks on every subvolume but {@code hashed}. A subvolume that does not answer is passed
     * over: files live off their hashed subvolume without a pointer only after a layout
     * change, and failing every lookup of a new name while one subvolume is down would stop
     * all creates.
     */
    private Located searchOthers(Caller caller, FsPath path, int hashed, int pointer)
            throws FsException, Switching {
        for (int i = 0; i < subvolumes.count(); i++) {
            if (i == hashed) {
                continue;
            }
            try {
                Attr attr = subvolumes.ops(i).getattr(caller, path);
                int target = Pointer.looksLike(attr)
                        ? pointerTarget(caller, i, path)
                        : NOT_A_POINTER;
                if (target >= 0 && target != i) {
                    checkNotSwitching(caller, target, i, path,
                            subvolumes.ops(target).getattr(caller, path));
                }
                if (target != NOT_A_POINTER) {
                    continue;
                }
                return new Located(i, pointer, attr);
            } catch (FsException e) {
                if (e.errno() != Errno.ENOENT && !Subvolumes.unreachable(e)) {
                    throw e;
                }
            }
        }
        throw new FsException(Errno.ENOENT, path.toString());
    }
}
