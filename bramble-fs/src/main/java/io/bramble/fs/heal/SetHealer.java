package io.bramble.fs.heal;

import io.bramble.fs.ops.AttrXattrs;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.ChangeStamps;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.replicate.ChildSet;
import io.bramble.fs.replicate.PendingCounters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Heals files of one replica set: finds the copies nobody blames (the sources) and those
 * blamed (the sinks), copies names, data and attributes from one source to each sink, then
 * clears the marks, but only if neither side changed meanwhile (the bricks' change stamps).
 * A file an application keeps changing is tried {@link #ATTEMPTS} times, then left marked
 * for the next pass. Only the lowest-numbered fresh copy's node heals a file, so that two
 * nodes never copy one file at once.
 */
public final class SetHealer {
    static final int ATTEMPTS = 3;
    /** Files healed at once: their calls and disk flushes overlap. */
    static final int FILES_AT_ONCE = 16;
    /** Healing a folder's new names, at most this many wait to start at once. */
    static final int BATCH_FILES = 1024;
    private static final int FOLDER_LOCKS = 64;
    private static final long CLAIM_WAIT_MS = 5;
    private static final String MARKS_PREFIX = "trusted.bramble.";

    private final List<FileOps> copies;
    private final int local;
    private final HealProgress progress;
    private final int filesAtOnce;
    private final Semaphore working;
    private final Set<FsPath> healing = ConcurrentHashMap.newKeySet();
    /** Folders' names are healed one heal at a time per folder: two would make one name twice. */
    private final Object[] folderLocks = new Object[FOLDER_LOCKS];

    /**
     * @param copies the set's copies, in order
     * @param local the copy on this node, which heals the files it is the first source of;
     *     -1 to heal every file whatever its first source
     */
    public SetHealer(List<FileOps> copies, int local, HealProgress progress) {
        this(copies, local, progress, FILES_AT_ONCE);
    }

    /**
     * @param filesAtOnce files healed at once; 1 heals one file after another on the calling
     *     thread, ranges of a file too, as a deterministic simulation needs
     */
    public SetHealer(List<FileOps> copies, int local, HealProgress progress, int filesAtOnce) {
        this.copies = List.copyOf(copies);
        this.local = local;
        this.progress = progress;
        this.filesAtOnce = filesAtOnce;
        this.working = new Semaphore(filesAtOnce);
        for (int i = 0; i < FOLDER_LOCKS; i++) {
            folderLocks[i] = new Object();
        }
    }

    private EntryHeal.Result healNames(FileOps source, FileOps sink, int sinkIndex, FsPath dir)
            throws FsException {
        synchronized (folderLocks[Math.floorMod(dir.hashCode(), FOLDER_LOCKS)]) {
            return EntryHeal.heal(source, sink, sinkIndex, dir, filesAtOnce);
        }
    }

    /** Heals {@code path}: its names if a folder, its data if a file, its attributes. */
    public HealOutcome heal(FsPath path) {
        return heal(path, 0);
    }

    /**
     * Heals each of {@code paths}, {@link #FILES_AT_ONCE} at a time.
     *
     * @return each path's outcome, in order
     */
    public List<HealOutcome> healAll(List<FsPath> paths) {
        return healAll(paths, 0);
    }

    private List<HealOutcome> healAll(List<FsPath> paths, int depth) {
        List<HealOutcome> outcomes = new ArrayList<>(paths.size());
        if (filesAtOnce == 1) {
            paths.forEach(path -> outcomes.add(heal(path, depth)));
            return outcomes;
        }
        for (int from = 0; from < paths.size(); from += BATCH_FILES) {
            List<Future<HealOutcome>> batch = new ArrayList<>();
            try (ExecutorService files = Executors.newVirtualThreadPerTaskExecutor()) {
                for (FsPath path : paths.subList(from, Math.min(paths.size(), from
                        + BATCH_FILES))) {
                    batch.add(files.submit(() -> heal(path, depth)));
                }
            }
            batch.forEach(done -> outcomes.add(done.state() == Future.State.SUCCESS
                    ? done.resultNow()
                    : HealOutcome.WAITING));
        }
        return outcomes;
    }

    private HealOutcome heal(FsPath path, int depth) {
        List<FsPath> made = new ArrayList<>();
        HealOutcome outcome;
        try {
            claim(path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealOutcome.WAITING;
        }
        try {
            working.acquire();
            try {
                outcome = tries(path, made);
            } finally {
                working.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealOutcome.WAITING;
        } finally {
            healing.remove(path);
        }
        if (outcome == HealOutcome.HEALED && depth < FsPath.DEPTH_MAX) {
            healAll(made, depth + 1); // each is marked: one that fails heals at a later pass
        }
        return outcome;
    }

    /**
     * Waits until no other heal of this healer works on {@code path}, then claims it: two
     * heals of one file would each see the other's writes as an application's, and copy it
     * again and again. The one that waited then finds the file healed.
     */
    private void claim(FsPath path) throws InterruptedException {
        while (!healing.add(path)) {
            Thread.sleep(CLAIM_WAIT_MS);
        }
    }

    /** Up to {@link #ATTEMPTS} attempts at {@code path}, while holding a working permit. */
    private HealOutcome tries(FsPath path, List<FsPath> made) {
        HealOutcome last = HealOutcome.BUSY;
        for (int attempt = 0; attempt < ATTEMPTS && last == HealOutcome.BUSY; attempt++) {
            try {
                last = attempt(path, made);
            } catch (FsException e) {
                last = e.errno() == Errno.EAGAIN ? HealOutcome.BUSY : HealOutcome.WAITING;
            }
        }
        return last;
    }

    private HealOutcome attempt(FsPath path, List<FsPath> made) throws FsException {
        List<CopyState> states = new ArrayList<>(copies.size());
        for (int i = 0; i < copies.size(); i++) {
            states.add(look(copies.get(i), path));
        }
        ChildSet present = ChildSet.NONE;
        ChildSet reachable = ChildSet.NONE;
        ChildSet accused = ChildSet.NONE;
        for (int i = 0; i < states.size(); i++) {
            CopyState state = states.get(i);
            if (state.reachable()) {
                reachable = reachable.with(i);
            }
            if (state.present()) {
                present = present.with(i);
                accused = accused.union(state.blamed());
            }
        }
        if (present.isEmpty()) {
            return reachable.size() == copies.size() ? HealOutcome.GONE : HealOutcome.WAITING;
        }
        if (accused.isEmpty()) {
            return HealOutcome.CLEAN;
        }
        ChildSet sources = present.minus(accused);
        if (sources.isEmpty()) {
            return HealOutcome.SPLIT_BRAIN;
        }
        int source = sources.first();
        if (local >= 0 && source != local) {
            return HealOutcome.NOT_MINE;
        }
        ChildSet sinks = accused.intersect(reachable);
        if (sinks.isEmpty()) {
            return HealOutcome.WAITING;
        }
        CopyState from = states.get(source);
        for (int sink : sinks.indexes()) {
            CopyState to = states.get(sink);
            if (path.isRoot() && !to.present()) {
                return HealOutcome.WAITING;
            }
            if (!to.present() && accusedAt(path.parent()).contains(source)) {
                // The name may be one this copy missed the removal of: the folder decides.
                return tries(path.parent(), new ArrayList<>()) == HealOutcome.HEALED
                        ? HealOutcome.BUSY
                        : HealOutcome.WAITING;
            }
            if (!to.present()) {
                // Only made, never removed: the folder's own heal decides what goes.
                synchronized (folderLocks[Math.floorMod(path.parent().hashCode(),
                        FOLDER_LOCKS)]) {
                    EntryHeal.makeOne(copies.get(source), copies.get(sink), sink, path,
                            from.attr());
                }
                throw new FsException(Errno.EAGAIN, path + " was made on a copy");
            }
            if (!sameFile(from, to)) {
                // Another file holds the name there: the folder's marks say which one stays.
                return path.isRoot()
                        || tries(path.parent(), new ArrayList<>()) != HealOutcome.HEALED
                                ? HealOutcome.WAITING
                                : attempt(path, made);
            }
        }
        FileOps sourceOps = copies.get(source);
        long[] changes = new long[copies.size()];
        FileType type = FileType.of(from.attr().mode());
        for (int sink : sinks.indexes()) {
            FileOps sinkOps = copies.get(sink);
            if (type == FileType.DIRECTORY) {
                EntryHeal.Result entries = healNames(sourceOps, sinkOps, sink, path);
                changes[sink] += entries.sinkChanges();
                made.addAll(entries.made());
            } else if (type == FileType.REGULAR) {
                changes[sink] += DataCopy.copy(sourceOps, sinkOps, path, from.attr()
                        .sizeBytes(), states.get(sink).attr().sizeBytes(),
                        filesAtOnce == 1
                                ? 1
                                : DataCopy.STREAMS,
                        progress);
            }
            changes[sink] += MetadataCopy.copy(sourceOps, sinkOps, path, from.attr());
        }
        for (int sink : sinks.indexes()) {
            copies.get(sink).setxattr(Caller.ROOT, path, ChangeStamps.CLEAR_IF_UNCHANGED,
                    ChangeStamps.clearRequest(ChangeStamps.raised(states.get(sink).stamp(),
                            changes[sink]), sinks.indexes()),
                    0);
        }
        for (int copy : sources.indexes()) {
            copies.get(copy).setxattr(Caller.ROOT, path, ChangeStamps.CLEAR_IF_UNCHANGED,
                    ChangeStamps.clearRequest(states.get(copy).stamp(), sinks.indexes()), 0);
        }
        progress.healed();
        return HealOutcome.HEALED;
    }

    /** The copies some reachable copy of folder {@code dir} blames. */
    private ChildSet accusedAt(FsPath dir) {
        ChildSet accused = ChildSet.NONE;
        for (FileOps copy : copies) {
            try {
                accused = accused.union(blamed(copy.getattrXattrs(Caller.ROOT, dir,
                        MARKS_PREFIX).xattrs()));
            } catch (FsException e) {
                // away, or without the folder: it blames nobody here
            }
        }
        return accused;
    }

    private static boolean sameFile(CopyState a, CopyState b) {
        return a.attr().id().equals(b.attr().id()) && FileType.of(a.attr().mode()) == FileType
                .of(b.attr().mode());
    }

    /** One copy's state of {@code path}: its stamp first, then attributes and marks. */
    private CopyState look(FileOps copy, FsPath path) {
        try {
            byte[] stamp = copy.getxattr(Caller.ROOT, path, ChangeStamps.STAMP);
            AttrXattrs found = copy.getattrXattrs(Caller.ROOT, path, MARKS_PREFIX);
            return new CopyState(CopyState.Presence.PRESENT, found.attr(), found.xattrs(),
                    stamp, blamed(found.xattrs()));
        } catch (FsException e) {
            return e.errno() == Errno.ENOENT || e.errno() == Errno.ENOTDIR
                    ? CopyState.ABSENT
                    : CopyState.AWAY;
        }
    }

    /** The copies these marks blame; one that cannot be read blames its copy. */
    private ChildSet blamed(Map<String, byte[]> xattrs) {
        ChildSet blamed = ChildSet.NONE;
        for (Map.Entry<String, byte[]> xattr : xattrs.entrySet()) {
            int child = PendingCounters.childOf(xattr.getKey());
            if (child < 0 || child >= copies.size()) {
                continue;
            }
            try {
                if (!PendingCounters.decode(xattr.getValue()).isZero()) {
                    blamed = blamed.with(child);
                }
            } catch (IllegalArgumentException e) {
                blamed = blamed.with(child);
            }
        }
        return blamed;
    }
}
