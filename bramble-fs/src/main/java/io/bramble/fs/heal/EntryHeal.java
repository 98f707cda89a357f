package io.bramble.fs.heal;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.ChangeStamps;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.DirPage;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.replicate.PendingCounters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.TreeMap;

/**
 * Makes a folder's names on a copy that missed entry changes what they are on the source:
 * names the source lacks are removed (folders with what they hold), names it has are made
 * with the source's file id and type. A name made is marked on the source against the sink
 * before it is made, so that its data and attributes follow through the usual heal even if
 * this one stops half-way. A hard link the sink missed, whose file the sink holds under
 * another of the folder's names that the source holds too, is made a link to that file.
 *
 * <p>A file the source lacks that the sink keeps marked may be one renamed into another
 * folder the sink has yet to heal, its marks the only word left that another copy's data is
 * old: a heal may keep it for now ({@code keepMarked}), so that that folder's heal moves it
 * into place, marks and all, rather than make it anew from a copy that may be stale. A file
 * a handle holds open on the sink is kept and moved the same way: made anew, the
 * application's handle would be left on a file no name leads to, and its writes lost there.
 */
public final class EntryHeal {

    /** Names read from one folder at most: a larger folder is healed in several passes. */
    static final int NAMES_MAX = 1_000_000;
    private static final int PAGE_ENTRIES = 1024;

    private EntryHeal() {
    }

    /**
     * What healing a folder's names did.
     *
     * @param kept the marked files the source lacks that the sink keeps for now
     */
    record Result(long sinkChanges, List<FsPath> made, int kept) {}

    /**
     * @param atOnce names made at once (their calls overlap); 1 makes them one after another
     * @param keepMarked whether the files the source lacks that the sink keeps marked stay
     */
    static Result heal(FileOps source, FileOps sink, int sinkIndex, FsPath dir, int atOnce,
            boolean keepMarked) throws FsException {
        Map<String, Attr> want = names(source, dir);
        Map<String, Attr> have = names(sink, dir);
        long changes = 0;
        for (Map.Entry<String, Attr> entry : have.entrySet()) {
            Attr wanted = want.get(entry.getKey());
            if (wanted != null && !same(wanted, entry.getValue())) {
                removeTree(sink, dir.child(entry.getKey()), entry.getValue(), 0);
                changes++;
            }
        }
        have.keySet().removeIf(name -> want.containsKey(name) && !same(want.get(name), have
                .get(name)));
        List<FsPath> made = new ArrayList<>();
        List<Map.Entry<String, Attr>> missing = new ArrayList<>();
        for (Map.Entry<String, Attr> entry : want.entrySet()) {
            Attr had = have.get(entry.getKey());
            if (had == null || !same(entry.getValue(), had)) {
                missing.add(entry);
                made.add(dir.child(entry.getKey()));
            }
        }
        Map<FileId, String> linkable = linkable(want, have);
        changes += makeAll(source, sink, sinkIndex, dir, missing, linkable, atOnce);
        // Last, what the source lacks: a name moved above has left its old place already.
        int kept = 0;
        for (Map.Entry<String, Attr> entry : names(sink, dir).entrySet()) {
            FsPath path = dir.child(entry.getKey());
            if (want.containsKey(entry.getKey())) {
                continue;
            }
            if (keepMarked && keptMarked(sink, path, entry.getValue())) {
                kept++;
            } else {
                removeTree(sink, path, entry.getValue(), 0);
                changes++;
            }
        }
        return new Result(changes, made, kept);
    }

    /** Whether the sink keeps {@code path}, a file other than a folder, marked or open. */
    private static boolean keptMarked(FileOps sink, FsPath path, Attr attr) throws FsException {
        return FileType.of(attr.mode()) != FileType.DIRECTORY
                && where(sink, attr).filter(path::equals).isPresent();
    }

    /**
     * The regular files the sink holds in this folder under a name the source holds as the
     * same file, by id: a name of the same file missing on the sink is a link to make to it.
     */
    private static Map<FileId, String> linkable(Map<String, Attr> want, Map<String, Attr> have) {
        Map<FileId, String> linkable = new HashMap<>();
        for (Map.Entry<String, Attr> entry : have.entrySet()) {
            Attr wanted = want.get(entry.getKey());
            if (wanted != null && wanted.nlink() > 1
                    && FileType.of(wanted.mode()) == FileType.REGULAR
                    && same(wanted, entry.getValue())) {
                linkable.putIfAbsent(wanted.id(), entry.getKey());
            }
        }
        return linkable;
    }

    /** Makes each of {@code missing} in {@code dir}, {@code atOnce} at a time. */
    private static long makeAll(FileOps source, FileOps sink, int sinkIndex, FsPath dir,
            List<Map.Entry<String, Attr>> missing, Map<FileId, String> linkable, int atOnce)
            throws FsException {
        List<Map.Entry<String, Attr>> made = new ArrayList<>();
        long changes = 0;
        for (Map.Entry<String, Attr> entry : missing) {
            String other = linkable.get(entry.getValue().id());
            if (other == null) {
                made.add(entry);
            } else {
                sink.link(Caller.ROOT, dir.child(other), dir.child(entry.getKey()));
                changes++;
            }
        }
        return changes + makeAll(source, sink, sinkIndex, dir, made, atOnce);
    }

    private static long makeAll(FileOps source, FileOps sink, int sinkIndex, FsPath dir,
            List<Map.Entry<String, Attr>> missing, int atOnce) throws FsException {
        if (atOnce <= 1) {
            long changes = 0;
            for (Map.Entry<String, Attr> entry : missing) {
                changes += markAndMake(source, sink, sinkIndex, dir.child(entry.getKey()),
                        entry.getValue());
            }
            return changes;
        }
        long changes = 0;
        for (int from = 0; from < missing.size(); from += atOnce) {
            List<Future<Long>> batch = new ArrayList<>();
            try (ExecutorService names = Executors.newVirtualThreadPerTaskExecutor()) {
                for (Map.Entry<String, Attr> entry : missing.subList(from, Math.min(missing
                        .size(), from + atOnce))) {
                    batch.add(names.submit(() -> markAndMake(source, sink, sinkIndex, dir.child(
                            entry.getKey()), entry.getValue())));
                }
            }
            for (Future<Long> done : batch) {
                if (done.state() == Future.State.FAILED) {
                    throw done.exceptionNow() instanceof FsException e
                            ? e
                            : new FsException(Errno.EIO, dir + ": " + done.exceptionNow());
                }
                changes += done.resultNow();
            }
        }
        return changes;
    }

    /** Marks {@code path} on the source against the sink, then makes it on the sink. */
    static long markAndMake(FileOps source, FileOps sink, int sinkIndex, FsPath path,
            Attr attr) throws FsException {
        markAgainst(source, sinkIndex, path);
        try {
            return make(source, sink, path, attr);
        } catch (FsException e) {
            if (e.errno() == Errno.EEXIST) { // an application made it meanwhile
                throw new FsException(Errno.EAGAIN, path + " was made during its heal");
            }
            throw e;
        }
    }

    /**
     * Makes one name the sink lacks, marked first on the source against the sink; nothing
     * when the sink has it already (another heal made it). When the sink holds the same file
     * under another name of the folder (a rename some copies took and others did not, refused
     * and so left unmarked), that file is moved to the name, or linked to it when the source
     * holds that other name too: a copy never holds two files of one id.
     */
    static void makeOne(FileOps source, FileOps sink, int sinkIndex, FsPath path, Attr attr)
            throws FsException {
        try {
            sink.getattr(Caller.ROOT, path);
            return;
        } catch (FsException e) {
            if (e.errno() != Errno.ENOENT) {
                throw e;
            }
        }
        Optional<String> other = sameFileElsewhere(sink, path, attr);
        if (other.isEmpty()) {
            markAndMake(source, sink, sinkIndex, path, attr);
            return;
        }
        markAgainst(source, sinkIndex, path);
        FsPath from = path.parent().child(other.get());
        if (FileType.of(attr.mode()) == FileType.REGULAR && holds(source, from, attr)) {
            sink.link(Caller.ROOT, from, path);
        } else {
            sink.rename(Caller.ROOT, from, path, FileOps.RENAME_NOREPLACE);
        }
    }

    /**
     * Marks {@code path} on the source against the sink, so that its data and attributes follow
     * through the usual heal even if this one stops half-way.
     */
    private static void markAgainst(FileOps source, int sinkIndex, FsPath path)
            throws FsException {
        source.setxattr(Caller.ROOT, path, PendingCounters.name(sinkIndex), new PendingCounters(
                1, 1, 1).encode(), 0);
    }

    /** Whether {@code copy} holds the file of {@code attr} at {@code path}. */
    private static boolean holds(FileOps copy, FsPath path, Attr attr) throws FsException {
        try {
            return same(copy.getattr(Caller.ROOT, path), attr);
        } catch (FsException e) {
            if (e.errno() == Errno.ENOENT) {
                return false;
            }
            throw e;
        }
    }

    /** Another name of {@code path}'s folder under which the sink holds the same file. */
    private static Optional<String> sameFileElsewhere(FileOps sink, FsPath path, Attr attr)
            throws FsException {
        return names(sink, path.parent()).entrySet().stream()
                .filter(e -> same(e.getValue(), attr) && !e.getKey().equals(path.name()))
                .map(Map.Entry::getKey).findFirst();
    }

    static boolean same(Attr a, Attr b) {
        return a.id().equals(b.id()) && FileType.of(a.mode()) == FileType.of(b.mode());
    }

    /**
     * Makes {@code path} on the sink as the source has it: by moving the sink's own file of
     * that id when a mark keeps it in the sink's index under another name (a rename the sink
     * missed, whose file holds marks that must not be lost) or a handle holds it open there,
     * else anew.
     *
     * @return the changes made to the names of {@code path}'s folder, as its brick counts them
     */
    private static long make(FileOps source, FileOps sink, FsPath path, Attr attr)
            throws FsException {
        Optional<FsPath> elsewhere = where(sink, attr);
        if (elsewhere.isPresent() && !elsewhere.get().equals(path) && !path.startsWith(
                elsewhere.get())) {
            sink.rename(Caller.ROOT, elsewhere.get(), path, FileOps.RENAME_NOREPLACE);
            return elsewhere.get().parent().equals(path.parent()) ? 2 : 1;
        }
        create(source, sink, path, attr);
        return 1;
    }

    /** Where the sink keeps a marked or open file of {@code attr}'s id, if it does. */
    private static Optional<FsPath> where(FileOps sink, Attr attr) throws FsException {
        try {
            return Optional.of(FsPath.parse(new String(sink.getxattr(Caller.ROOT, FsPath.ROOT,
                    ChangeStamps.WHERE_PREFIX + attr.id()), StandardCharsets.UTF_8)));
        } catch (FsException e) {
            if (e.errno() == Errno.ENODATA) {
                return Optional.empty();
            }
            throw e;
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void create(FileOps source, FileOps sink, FsPath path, Attr attr)
            throws FsException {
        FileType type = FileType.of(attr.mode());
        switch (type) {
            case DIRECTORY -> sink.mkdir(Caller.ROOT, path, attr.id(), attr.mode()
                    & FileType.PERMISSION_MASK);
            case SYMLINK ->
                sink.symlink(Caller.ROOT, path, attr.id(), source.readlink(Caller.ROOT, path));
            default -> sink.mknod(Caller.ROOT, path, attr.id(), attr.mode(), attr.rdev());
        }
    }

    /** Removes {@code path} from {@code copy}, a folder with everything under it. */
    public static void removeTree(FileOps copy, FsPath path, Attr attr, int depth)
            throws FsException {
        if (FileType.of(attr.mode()) != FileType.DIRECTORY) {
            copy.unlink(Caller.ROOT, path);
            return;
        }
        if (depth >= FsPath.DEPTH_MAX) {
            throw new FsException(Errno.ELOOP, "folders deeper than " + FsPath.DEPTH_MAX);
        }
        for (Map.Entry<String, Attr> child : names(copy, path).entrySet()) {
            removeTree(copy, path.child(child.getKey()), child.getValue(), depth + 1);
        }
        copy.rmdir(Caller.ROOT, path);
    }

    /** Every name of {@code dir} on {@code copy}, in order, up to {@link #NAMES_MAX}. */
    public static Map<String, Attr> names(FileOps copy, FsPath dir) throws FsException {
        Map<String, Attr> names = new TreeMap<>();
        forEachPage(copy, dir, page -> {
            for (DirEntry entry : page) {
                names.put(entry.name(), entry.attr());
            }
            if (names.size() > NAMES_MAX) {
                throw new FsException(Errno.E2BIG, dir + " holds more than " + NAMES_MAX
                        + " names");
            }
        });
        return names;
    }

    /** What a page of a listing is handed to. */
    interface PageAction {
        void accept(List<DirEntry> page) throws FsException;
    }

    /** Lists {@code dir} on {@code copy} a page at a time, in name order. */
    static void forEachPage(FileOps copy, FsPath dir, PageAction action) throws FsException {
        String after = null;
        while (true) {
            DirPage page = copy.readdir(Caller.ROOT, dir, after, PAGE_ENTRIES);
            action.accept(page.entries());
            if (page.complete() || page.entries().isEmpty()) {
                return;
            }
            after = page.lastName();
        }
    }
}
