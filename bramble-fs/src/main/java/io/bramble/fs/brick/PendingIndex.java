package io.bramble.fs.brick;

import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The brick's index of files that carry a non-zero pending-change mark, so that the heal
 * visits only those (Gluster's xattrop index). One small file per file id, named by the id and
 * holding the file's path. An entry is written before the mark is set and removed after the
 * last mark is cleared: after a crash the index may hold a file with no mark left (the heal
 * drops it), never miss a marked one. Callers serialize changes to one id.
 */
final class PendingIndex {
    /** Longest stored path: {@link FsPath#DEPTH_MAX} names of the longest length. */
    static final int PATH_BYTES_MAX = FsPath.DEPTH_MAX * (FsPath.NAME_BYTES_MAX + 1);

    private final int dirFd;
    /** Entries present, counted from the disk at open: 0 lets unlink and rename skip lookups. */
    private final AtomicLong count = new AtomicLong();

    /** @param dirFd the index folder, open for as long as this index is used */
    PendingIndex(int dirFd) throws FsException {
        this.dirFd = dirFd;
        forEachId(id -> count.incrementAndGet());
    }

    /** Records {@code id} at {@code path} unless it is already there. */
    void add(FileId id, FsPath path) throws FsException {
        if (contains(id)) {
            return;
        }
        write(id, path);
        count.incrementAndGet();
    }

    /** Updates the path of {@code id} after a rename, when it is in the index. */
    void move(FileId id, FsPath path) throws FsException {
        if (contains(id)) {
            write(id, path);
        }
    }

    void remove(FileId id) throws FsException {
        if (contains(id)) {
            SmallFiles.remove(dirFd, id.toString());
            count.decrementAndGet();
        }
    }

    boolean contains(FileId id) throws FsException {
        try {
            Libc.statx(dirFd, id.toString(), Libc.AT_SYMLINK_NOFOLLOW);
            return true;
        } catch (FsException e) {
            if (e.errno() == io.bramble.fs.ops.Errno.ENOENT) {
                return false;
            }
            throw e;
        }
    }

    /** The path recorded for {@code id}, if it is in the index. */
    java.util.Optional<FsPath> pathOf(FileId id) throws FsException {
        byte[] path = SmallFiles.read(dirFd, id.toString(), PATH_BYTES_MAX);
        return path == null ? java.util.Optional.empty() : java.util.Optional.of(parse(path));
    }

    /** Whether the index is known to be empty. */
    boolean isEmpty() { return count.get() <= 0; }

    /** Entries in the index now. */
    long count() {
        return Math.max(0, count.get());
    }

    /** Up to {@code entriesMax} entries, in no particular order. */
    List<PendingFile> list(int entriesMax) throws FsException {
        List<FileId> ids = new ArrayList<>();
        forEachId(id -> {
            if (ids.size() < entriesMax) {
                ids.add(id);
            }
        });
        List<PendingFile> files = new ArrayList<>(ids.size());
        for (FileId id : ids) {
            byte[] path = SmallFiles.read(dirFd, id.toString(), PATH_BYTES_MAX);
            if (path != null) {
                files.add(new PendingFile(id, parse(path)));
            }
        }
        return files;
    }

    /**
     * Reads the folder through a descriptor of its own: a listing moves the descriptor's
     * position, and listings may run at once.
     */
    private void forEachId(java.util.function.Consumer<FileId> action) throws FsException {
        int listing = Libc.openat(dirFd, ".", Libc.O_RDONLY | Libc.O_DIRECTORY, 0);
        try {
            DirNames.forEach(listing, name -> {
                FileId id = idOf(name);
                if (id != null) {
                    action.accept(id);
                }
            });
        } finally {
            Libc.close(listing);
        }
    }

    private void write(FileId id, FsPath path) throws FsException {
        SmallFiles.write(dirFd, id.toString(), path.toString().getBytes(
                StandardCharsets.UTF_8));
    }

    /** A path damaged by a crash reads as the root: the heal then looks the id up. */
    private static FsPath parse(byte[] bytes) {
        try {
            return FsPath.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return FsPath.ROOT;
        }
    }

    private static FileId idOf(String name) {
        if (name.length() != 36) {
            return null;
        }
        try {
            return FileId.of(UUID.fromString(name));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
