package io.bramble.fs.brick;

import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import java.util.List;

/**
 * Pending-change marks and the index of marked files, kept in step. A file is indexed before
 * a mark is set, so the index never misses a marked file, and leaves the index once none of
 * its marks is set, or when its last name is gone. Changes to one file are serialized.
 */
final class PendingMarks {
    private final PendingIndex index;
    private final XattrNames names;
    private final Stripes stripes = new Stripes();

    PendingMarks(PendingIndex index, XattrNames names) {
        this.index = index;
        this.names = names;
    }

    /** Sets mark {@code diskName} of the file {@code at}, whose id is {@code id}. */
    void set(Located at, FsPath path, FileId id, String diskName, byte[] value, int flags)
            throws FsException {
        boolean marks = XattrNames.marks(value);
        synchronized (stripes.of(id)) {
            if (marks) {
                index.add(id, path);
            }
            try {
                Xattrs.set(at.dirFd(), at.name(), diskName, value, flags);
            } catch (FsException e) {
                if (marks) {
                    dropQuietly(at, id);
                }
                throw e;
            }
            if (!marks) {
                dropIfUnmarked(at, id);
            }
        }
    }

    void remove(Located at, FileId id, String diskName) throws FsException {
        synchronized (stripes.of(id)) {
            Xattrs.remove(at.dirFd(), at.name(), diskName);
            dropIfUnmarked(at, id);
        }
    }

    /** A condition checked while no mark of the file can change. */
    interface Check {
        boolean holds() throws FsException;
    }

    /**
     * Removes the marks {@code diskNames} of the file {@code at} if {@code check} holds while
     * no other mark of the file can change; false, changing nothing, when it does not.
     */
    boolean clearIf(Located at, FileId id, List<String> diskNames, Check check)
            throws FsException {
        synchronized (stripes.of(id)) {
            if (!check.holds()) {
                return false;
            }
            for (String diskName : diskNames) {
                try {
                    Xattrs.remove(at.dirFd(), at.name(), diskName);
                } catch (FsException e) {
                    if (e.errno() != Errno.ENODATA) {
                        throw e;
                    }
                }
            }
            dropIfUnmarked(at, id);
            return true;
        }
    }

    /** Files in the index: those with a mark set, and any whose last mark a crash left. */
    long count() {
        return index.count();
    }

    /** The file's last name is gone: so is its entry. */
    void forget(FileId id) throws FsException {
        synchronized (stripes.of(id)) {
            index.remove(id);
        }
    }

    /** The file was renamed to {@code path}. */
    void moved(FileId id, FsPath path) throws FsException {
        synchronized (stripes.of(id)) {
            index.move(id, path);
        }
    }

    /** The path recorded for the marked file {@code id}, if any. */
    java.util.Optional<FsPath> pathOf(FileId id) throws FsException {
        synchronized (stripes.of(id)) {
            return index.pathOf(id);
        }
    }

    /** Whether no file is indexed: unlink and rename then skip their lookups. */
    boolean isEmpty() {
        return index.isEmpty();
    }

    List<PendingFile> list(int entriesMax) throws FsException {
        return index.list(entriesMax);
    }

    private void dropIfUnmarked(Located at, FileId id) throws FsException {
        for (String diskName : Xattrs.list(at.dirFd(), at.name())) {
            if (names.pendingName(diskName).isPresent() && XattrNames.marks(Xattrs.get(at
                    .dirFd(), at.name(), diskName))) {
                return;
            }
        }
        index.remove(id);
    }

    private void dropQuietly(Located at, FileId id) {
        try {
            dropIfUnmarked(at, id);
        } catch (FsException ignored) {
            // the entry stays, a harmless extra for the heal
        }
    }
}
