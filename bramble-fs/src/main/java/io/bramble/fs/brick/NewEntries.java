package io.bramble.fs.brick;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;

/**
 * Makes files, folders, nodes and links for a caller: each is made with a private mode, then
 * given the caller's ownership, its exact mode and its id. When a step after the making fails
 * (a full disk, a full handle table), the new entry is removed again, so nothing half-made is
 * left behind. Without root the owner stays the brick's user.
 */
final class NewEntries {
    /** The mode a file or node has between its making and its chmod: the brick's alone. */
    private static final int PRIVATE_FILE_MODE = 0600;
    private static final int PRIVATE_DIR_MODE = 0700;

    /** A new regular file, open on {@code fd}. */
    record Settled(int fd, Attr attr) {}

    @FunctionalInterface
    private interface Opener {
        int open() throws FsException;
    }

    private final boolean asRoot;
    private final FileIds ids;

    NewEntries(boolean asRoot, FileIds ids) {
        this.asRoot = asRoot;
        this.ids = ids;
    }

    Attr folder(Caller caller, Located at, FileId id, int mode) throws FsException {
        Ownership owner = ownership(caller, at, mode, true);
        Libc.mkdirat(at.dirFd(), at.name(), PRIVATE_DIR_MODE);
        Settled made = settleOpened(at, true, owner, id, () -> Libc.openat(at.dirFd(), at
                .name(), Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_NOFOLLOW, 0));
        Libc.close(made.fd);
        return made.attr;
    }

    /**
     * A new regular file, open with {@code flags}' access mode, append and sync flags; EEXIST
     * when the name is taken.
     */
    Settled regular(Caller caller, Located at, FileId id, int mode, int flags)
            throws FsException {
        Ownership owner = ownership(caller, at, mode, false);
        return settleOpened(at, false, owner, id, () -> Libc.openat(at.dirFd(), at.name(),
                flags | Libc.O_CREAT | Libc.O_EXCL | Libc.O_NOFOLLOW | Libc.O_NOCTTY,
                PRIVATE_FILE_MODE));
    }

    /** A FIFO, socket or device node. */
    Attr node(Caller caller, Located at, FileId id, FileType type, int mode, long rdev)
            throws FsException {
        Ownership owner = ownership(caller, at, mode, false);
        Libc.mknodat(at.dirFd(), at.name(), type.modeBits() | PRIVATE_FILE_MODE, rdev);
        return settleByName(at, owner, id, true);
    }

    Attr symlink(Caller caller, Located at, FileId id, String target) throws FsException {
        Ownership owner = ownership(caller, at, 0777, false);
        Libc.symlinkat(target, at.dirFd(), at.name());
        return settleByName(at, owner, id, false);
    }

    /** Removes a just-made entry again; {@code flags} as for unlinkat. */
    static void undo(Located at, int flags) {
        try {
            Libc.unlinkat(at.dirFd(), at.name(), flags);
        } catch (FsException ignored) {
            // the first error is the one to report; a leftover has no id and gets one lazily
        }
    }

    private static Ownership ownership(Caller caller, Located at, int mode, boolean directory)
            throws FsException {
        Stat parent = Libc.fstat(at.dirFd());
        return Ownership.forNew(caller, parent.mode(), parent.gid(), mode, directory);
    }

    /**
     * Opens a new file or folder with {@code opener} (which makes a file itself) and sets its
     * owner, mode and id through the descriptor.
     *
     * @param folder whether a folder was made before {@code opener} runs
     */
    private Settled settleOpened(Located at, boolean folder, Ownership owner, FileId id,
            Opener opener) throws FsException {
        int removeFlags = folder ? Libc.AT_REMOVEDIR : 0;
        int fd;
        try {
            fd = opener.open();
        } catch (FsException e) {
            if (folder) {
                undo(at, removeFlags);
            }
            throw e;
        }
        try {
            if (asRoot) {
                Libc.fchown(fd, owner.uid(), owner.gid());
            }
            Libc.fchmod(fd, owner.permissions()); // after chown, which clears set-id bits
            ids.assign(fd, id);
            return new Settled(fd, Libc.fstat(fd).attr(id));
        } catch (FsException e) {
            Libc.close(fd);
            undo(at, removeFlags);
            throw e;
        }
    }

    /** Sets owner, mode (unless a link) and id of a just-made node or link by its name. */
    private Attr settleByName(Located at, Ownership owner, FileId id, boolean setMode)
            throws FsException {
        try {
            if (asRoot) {
                Libc.fchownat(at.dirFd(), at.name(), owner.uid(), owner.gid(),
                        Libc.AT_SYMLINK_NOFOLLOW);
            }
            if (setMode) {
                Nodes.chmod(at, owner.permissions());
            }
            Stat stat = Libc.statx(at.dirFd(), at.name(), Libc.AT_SYMLINK_NOFOLLOW);
            ids.assignAt(at.dirFd(), at.name(), stat, id);
            return stat.attr(id);
        } catch (FsException e) {
            undo(at, 0);
            throw e;
        }
    }
}
