package io.bramble.fs.distribute;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.SetAttr;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a directory's missing copy on one subvolume, from a copy on another: the same id,
 * permissions, owner and xattrs (its layout among them). A subvolume added to a volume lacks
 * the directories made before it; a name is placed there only once a layout names it, and
 * the copy is made then, ancestors first.
 */
final class DirectoryCopies {
    /** Deeper paths are refused rather than walked (PATH_MAX allows about 2048 levels). */
    static final int DEPTH_MAX = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryCopies.class);

    private final Subvolumes subvolumes;

    DirectoryCopies(Subvolumes subvolumes) {
        this.subvolumes = subvolumes;
    }

    /**
     * Runs {@code step} on subvolume {@code index}; when it fails with ENOENT because
     * {@code dir} is missing there but held elsewhere, makes that copy and runs it again.
     */
    <T> T withDirectory(int index, FsPath dir, Step<T> step) throws FsException {
        try {
            return step.run();
        } catch (FsException e) {
            if (e.errno() != Errno.ENOENT || subvolumes.single() || !make(index, dir, 0)) {
                throw e;
            }
        }
        return step.run();
    }

    /**
     * Makes {@code dir} on subvolume {@code index} when it is missing there and some other
     * subvolume holds it; false when it was there already or nothing holds it.
     */
    boolean make(int index, FsPath dir, int depth) throws FsException {
        if (dir.isRoot()) {
            return false;
        }
        if (depth > DEPTH_MAX) {
            throw new FsException(Errno.ELOOP, dir.toString());
        }
        FileOps target = subvolumes.ops(index);
        try {
            target.getattr(Caller.ROOT, dir);
            return false;
        } catch (FsException e) {
            if (e.errno() != Errno.ENOENT) {
                throw e;
            }
        }
        int holder = holder(index, dir);
        if (holder < 0) {
            return false;
        }
        FileOps source = subvolumes.ops(holder);
        Attr attr = source.getattr(Caller.ROOT, dir);
        make(index, dir.parent(), depth + 1);
        try {
            target.mkdir(Caller.ROOT, dir, attr.id(), attr.permissions());
        } catch (FsException e) {
            if (e.errno() == Errno.EEXIST) {
                return true; // another client made it meanwhile, the same way
            }
            throw e;
        }
        target.setattr(Caller.ROOT, dir, new SetAttr(OptionalInt.of(attr.permissions()),
                OptionalInt.of(attr.uid()), OptionalInt.of(attr.gid()), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty()));
        for (String name : source.listxattr(Caller.ROOT, dir)) {
            try {
                target.setxattr(Caller.ROOT, dir, name, source.getxattr(Caller.ROOT, dir,
                        name), 0);
            } catch (FsException e) {
                if (Subvolumes.unreachable(e)) {
                    throw e;
                }
                // An xattr the subvolume keeps for itself is not a client's to copy.
                LOG.debug("xattr {} of {} not copied to {}: {}", name, dir, subvolumes.name(
                        index), e.getMessage());
            }
        }
        return true;
    }

    /** A subvolume other than {@code index} holding directory {@code dir}; -1 if none. */
    private int holder(int index, FsPath dir) throws FsException {
        for (int i = 0; i < subvolumes.count(); i++) {
            if (i == index) {
                continue;
            }
            try {
                if (subvolumes.ops(i).getattr(Caller.ROOT, dir).isDirectory()) {
                    return i;
                }
            } catch (FsException e) {
                if (e.errno() != Errno.ENOENT && !Subvolumes.unreachable(e)) {
                    throw e;
                }
            }
        }
        return -1;
    }

    /** One call on a subvolume that may need a directory made first. */
    interface Step<T> {
        T run() throws FsException;
    }
}
