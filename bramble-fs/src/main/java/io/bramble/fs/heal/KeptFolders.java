package io.bramble.fs.heal;

import io.bramble.fs.ops.FsPath;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folders of one heal pass whose names' heal kept marked or open files the source lacks
 * ({@link EntryHeal}): they are healed again once the pass has healed every other folder, which
 * moves into place those of the files that were renamed; the rest go then.
 */
final class KeptFolders {
    /** Keeps nothing: a folder's heal removes every name the source lacks at once. */
    static final KeptFolders NONE = new KeptFolders(false);

    private final boolean keeping;
    private final Set<FsPath> folders = ConcurrentHashMap.newKeySet();

    private KeptFolders(boolean keeping) {
        this.keeping = keeping;
    }

    /** The folders of a new pass, each kept until the pass ends. */
    static KeptFolders forPass() {
        return new KeptFolders(true);
    }

    /** Whether a folder's heal keeps the marked files the source lacks. */
    boolean keeping() {
        return keeping;
    }

    void add(FsPath folder) {
        folders.add(folder);
    }

    boolean contains(FsPath folder) {
        return folders.contains(folder);
    }

    /** The folders kept, those nearer the root first. */
    List<FsPath> nearestFirst() {
        return folders.stream().sorted(Comparator.comparingInt((FsPath p) -> p.names().size())
                .thenComparing(FsPath::toString)).toList();
    }
}
