package io.bramble.fs.brick;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;

/**
 * Which volume paths a client may use on a brick. The brick's own folder at the root does not
 * exist for clients (ENOENT when looked at, EPERM when changed), and the root itself can be
 * neither made, removed nor renamed.
 */
final class PathRules {
    private PathRules() {
    }

    /** For calls that look: the metadata folder is not there. */
    static void visible(FsPath path) throws FsException {
        if (hidden(path)) {
            throw new FsException(Errno.ENOENT, path.toString());
        }
    }

    /** For calls that change a file. */
    static void changeable(FsPath path) throws FsException {
        if (hidden(path)) {
            throw new FsException(Errno.EPERM, path + " belongs to the brick");
        }
    }

    /** For calls that make a new name. */
    static void creatable(FsPath path) throws FsException {
        changeable(path);
        if (path.isRoot()) {
            throw new FsException(Errno.EEXIST, "/");
        }
    }

    /** For calls that take a name away; {@code rootErrno} is what the root answers. */
    static void removable(FsPath path, int rootErrno) throws FsException {
        changeable(path);
        if (path.isRoot()) {
            throw new FsException(rootErrno, "/");
        }
    }

    /** Only the root's {@code .bramble} is the brick's; deeper ones are client files. */
    static boolean hidden(FsPath path) {
        return !path.isRoot() && path.names().getFirst().equals(LocalBrick.META_DIR);
    }
}
