package io.bramble.fs.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The files open through one translator, by id, each kept while a handle of it is open and
 * each knowing the name it is open under: renames, exchanges and unlinks through the same
 * translator move or clear that name. Bounded by the handle table above it.
 *
 * @param <F> what the translator keeps of an open file
 */
public final class OpenFileTable<F extends OpenFileTable.Named> {
    /** An open file's name as the translator knows it; null once the name is gone. */
    public interface Named {
        FsPath path();

        void path(FsPath newPath);
    }

    private static final class Slot<F> {
        final F file;
        int handles;

        Slot(F file) {
            this.file = file;
        }
    }

    private final Map<FileId, Slot<F>> files = new HashMap<>();

    /** One more handle of file {@code id}, open under {@code path}; made the first time. */
    public synchronized F acquire(FileId id, FsPath path, Function<FileId, F> make) {
        Slot<F> slot = files.computeIfAbsent(id, k -> new Slot<>(make.apply(k)));
        slot.handles++;
        slot.file.path(path);
        return slot.file;
    }

    /** One handle of file {@code id} fewer; the file is forgotten with its last. */
    public synchronized void release(FileId id) {
        Slot<F> slot = files.get(id);
        if (slot != null && --slot.handles <= 0) {
            files.remove(id);
        }
    }

    public synchronized F find(FileId id) {
        Slot<F> slot = files.get(id);
        return slot == null ? null : slot.file;
    }

    /** Follows a rename of {@code from} (a file or a directory above files) to {@code to}. */
    public synchronized void renamed(FsPath from, FsPath to) {
        for (Slot<F> slot : files.values()) {
            FsPath path = slot.file.path();
            if (path != null && path.startsWith(from)) {
                slot.file.path(moved(path, from, to));
            }
        }
    }

    /** Follows an exchange of the names {@code one} and {@code other}. */
    public synchronized void exchanged(FsPath one, FsPath other) {
        for (Slot<F> slot : files.values()) {
            FsPath path = slot.file.path();
            if (path != null && path.startsWith(one)) {
                slot.file.path(moved(path, one, other));
            } else if (path != null && path.startsWith(other)) {
                slot.file.path(moved(path, other, one));
            }
        }
    }

    private static FsPath moved(FsPath path, FsPath from, FsPath to) {
        List<String> names = new ArrayList<>(to.names());
        names.addAll(path.names().subList(from.names().size(), path.names().size()));
        return new FsPath(names);
    }

    /** The name {@code path} is gone: files open under it go on with no name. */
    public synchronized void unlinked(FsPath path) {
        for (Slot<F> slot : files.values()) {
            if (path.equals(slot.file.path())) {
                slot.file.path(null);
            }
        }
    }
}
