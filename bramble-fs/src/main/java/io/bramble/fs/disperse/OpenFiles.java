package io.bramble.fs.disperse;

import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FsPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The files open through one disperse set, by id; bounded by the handle table above it. */
final class OpenFiles {
    private final Map<FileId, OpenFragments> files = new HashMap<>();
    private final int childCount;

    OpenFiles(int childCount) {
        this.childCount = childCount;
    }

    synchronized OpenFragments acquire(FileId id, FsPath path) {
        OpenFragments file = files.computeIfAbsent(id, k -> new OpenFragments(id, path,
                childCount));
        file.path(path);
        file.addHandle();
        return file;
    }

    synchronized void release(OpenFragments file) {
        if (file.dropHandle() <= 0) {
            files.remove(file.id);
        }
    }

    synchronized OpenFragments find(FileId id) {
        return files.get(id);
    }

    /** Follows a rename of {@code from} (a file or a directory above files) to {@code to}. */
    synchronized void renamed(FsPath from, FsPath to) {
        for (OpenFragments file : files.values()) {
            FsPath path = file.path();
            if (path != null && path.startsWith(from)) {
                file.path(moved(path, from, to));
            }
        }
    }

    /** Follows an exchange of the names {@code one} and {@code other}. */
    synchronized void exchanged(FsPath one, FsPath other) {
        for (OpenFragments file : files.values()) {
            FsPath path = file.path();
            if (path != null && path.startsWith(one)) {
                file.path(moved(path, one, other));
            } else if (path != null && path.startsWith(other)) {
                file.path(moved(path, other, one));
            }
        }
    }

    private static FsPath moved(FsPath path, FsPath from, FsPath to) {
        List<String> names = new ArrayList<>(to.names());
        names.addAll(path.names().subList(from.names().size(), path.names().size()));
        return new FsPath(names);
    }

    /** The name {@code path} is gone: files known by it keep their states in memory only. */
    synchronized void unlinked(FsPath path) {
        for (OpenFragments file : files.values()) {
            if (path.equals(file.path())) {
                file.path(null);
            }
        }
    }
}
