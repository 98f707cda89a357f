package io.bramble.fs.brick;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;

/**
 * Opening and changing a file named by its parent and name without following a link in the
 * last name and without opening what is not a regular file or folder. Each first opens the
 * name with {@code O_PATH | O_NOFOLLOW}, which opens nothing but the name, checks the type,
 * then works on that very inode through {@code /proc/self/fd}: a rename between the check and
 * the use cannot swap in a link or a device. The brick runs as root, so opening a client's
 * device node would open a device of this machine.
 */
final class Nodes {
    private Nodes() {
    }

    /** Sets permission bits; links have none (EOPNOTSUPP, as Linux's lchmod). */
    static void chmod(Located at, int permissions) throws FsException {
        int pathFd = Libc.openat(at.dirFd(), at.name(), Libc.O_PATH | Libc.O_NOFOLLOW, 0);
        try {
            if (Libc.fstat(pathFd).type() == FileType.SYMLINK) {
                throw new FsException(Errno.EOPNOTSUPP, "chmod of a symbolic link");
            }
            Libc.chmod(Located.procPath(pathFd), permissions);
        } finally {
            Libc.close(pathFd);
        }
    }

    /** Opens a regular file only (for truncation): EISDIR for folders, EINVAL otherwise. */
    static int openRegular(Located at, int flags) throws FsException {
        int pathFd = Libc.openat(at.dirFd(), at.name(), Libc.O_PATH | Libc.O_NOFOLLOW, 0);
        try {
            Stat stat = Libc.fstat(pathFd);
            if (stat.isDirectory()) {
                throw new FsException(Errno.EISDIR, at.name());
            }
            if (!stat.isRegular()) {
                throw new FsException(Errno.EINVAL, at.name() + " is a " + stat.type());
            }
            return reopen(pathFd, flags);
        } finally {
            Libc.close(pathFd);
        }
    }

    /**
     * Opens a regular file or a folder for a client. Links fail with ELOOP (as open with
     * O_NOFOLLOW); FIFOs, sockets and devices with ENXIO: the kernel of a mounting client
     * handles those itself and never asks a brick to open them.
     */
    static int openFile(Located at, int flags) throws FsException {
        int pathFd = Libc.openat(at.dirFd(), at.name(), Libc.O_PATH | Libc.O_NOFOLLOW, 0);
        try {
            Stat stat = Libc.fstat(pathFd);
            if (stat.isDirectory()) {
                if ((flags & Libc.O_WRONLY | flags & Libc.O_RDWR) != 0) {
                    throw new FsException(Errno.EISDIR, at.name());
                }
                return reopen(pathFd, Libc.O_RDONLY | Libc.O_DIRECTORY);
            }
            if (stat.isRegular()) {
                return reopen(pathFd, flags);
            }
            if (stat.type() == FileType.SYMLINK) {
                throw new FsException(Errno.ELOOP, at.name() + " is a symbolic link");
            }
            throw new FsException(Errno.ENXIO, at.name() + " is a " + stat.type());
        } finally {
            Libc.close(pathFd);
        }
    }

    private static int reopen(int pathFd, int flags) throws FsException {
        return Libc.openat(Libc.AT_FDCWD, Located.procPath(pathFd), flags | Libc.O_NOCTTY, 0);
    }
}
