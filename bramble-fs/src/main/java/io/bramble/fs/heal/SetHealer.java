package io.bramble.fs.heal;

import io.bramble.common.check.Checks;
import io.bramble.fs.ops.AttrXattrs;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.ChangeStamps;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.replicate.ChildSet;
import io.bramble.fs.replicate.PendingCounters;
import io.bramble.fs.replicate.Quorum;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Heals files of one replica set: finds the copies nobody blames (the sources) and those
 * blamed (the sinks), copies names, data and attributes from one source to each sink, then
 * clears the marks, but only if neither side changed meanwhile (the bricks' change stamps).
 * A file an application keeps changing is tried {@link #ATTEMPTS} times, then left marked
 * for the next pass. Only the lowest-numbered fresh copy's node heals a file, so that two
 * nodes never copy one file at once. A healed copy takes the source's marks against the
 * copies that are away ({@link MarkInheritance}).
 *
 * <p>In a pass over many paths ({@link #healAll}, {@link #healTree}), a folder's heal keeps the
 * marked files the source lacks until every other folder of the pass is healed
 * ({@link KeptFolders}): a file renamed into a folder the sink missed is then moved there with
 * its marks, rather than removed, and made anew from a copy its lost marks blamed.
 *
 * <p>When every copy answers and no copy with data is fresh, a copy with data that only blames
 * itself (it took a refused change and missed nothing acknowledged) is the source, and its own
 * mark goes once the others hold what it holds ({@link Blame}).
 *
 * <p>A file whose every copy is blamed by another (split-brain) has no fresh copy: it is left
 * as it is unless the volume's {@link FavoriteChildPolicy} chooses one, or a user does
 * ({@link #resolve}); the chosen copy's node heals the others from it and every mark of the
 * file is cleared.
 *
 * <p>A set's arbiter holds names, attributes and marks but no data: it is never a source, and
 * healing it brings only its names, attributes and marks up to date, never data. A file that
 * only the arbiter holds fresh waits for a fresh copy with data; when every copy answers and
 * none with data is fresh, the file is in split-brain.
 */
public final class SetHealer {
    static final int ATTEMPTS = 3;
    /** Files healed at once: their calls and disk flushes overlap. */
    static final int FILES_AT_ONCE = 32;
    /** Healing a folder's new names, at most this many wait to start at once. */
    static final int BATCH_FILES = 1024;
    private static final int FOLDER_LOCKS = 64;
    private static final long CLAIM_WAIT_MS = 5;
    private static final String MARKS_PREFIX = "trusted.bramble.";
    /** Gluster's answer when a user asks to settle a file that is not in split-brain. */
    public static final String NOT_IN_SPLIT_BRAIN = "File not in split-brain";

    private final List<FileOps> copies;
    private final int local;
    private final HealProgress progress;
    private final int filesAtOnce;
    private final Semaphore working;
    private final Set<FsPath> healing = ConcurrentHashMap.newKeySet();
    private final FavoriteChildPolicy policy;
    private final SplitBrainListener settled;
    private final ChildSet arbiters;
    /** The copies a group that may stand for the fresh ones needs ({@link Blame}). */
    private final int agreeingGroup;
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
        this(copies, local, progress, filesAtOnce, FavoriteChildPolicy.NONE,
                SplitBrainListener.NONE);
    }

    /**
     * @param policy how a file in split-brain is settled; {@link FavoriteChildPolicy#NONE}
     *     leaves it for the user
     * @param settled told of each file the policy settled, from the thread that healed it
     */
    public SetHealer(List<FileOps> copies, int local, HealProgress progress,
            FavoriteChildPolicy policy, SplitBrainListener settled) {
        this(copies, local, progress, FILES_AT_ONCE, policy, settled);
    }

    public SetHealer(List<FileOps> copies, int local, HealProgress progress, int filesAtOnce,
            FavoriteChildPolicy policy, SplitBrainListener settled) {
        this(copies, local, progress, filesAtOnce, policy, settled, -1);
    }

    /**
     * @param arbiter the copy that holds no data (the set's arbiter), or -1
     * @param quorum the volume's client quorum (see the last constructor)
     */
    public SetHealer(List<FileOps> copies, int local, HealProgress progress,
            FavoriteChildPolicy policy, SplitBrainListener settled, int arbiter, Quorum quorum) {
        this(copies, local, progress, FILES_AT_ONCE, policy, settled, arbiter, quorum);
    }

    /**
     * As the constructor with a quorum, trusting no group of copies beyond the fresh ones (as
     * under {@code quorum-type none}).
     */
    public SetHealer(List<FileOps> copies, int local, HealProgress progress, int filesAtOnce,
            FavoriteChildPolicy policy, SplitBrainListener settled, int arbiter) {
        this(copies, local, progress, filesAtOnce, policy, settled, arbiter, Quorum.NONE);
    }

    /**
     * @param quorum the volume's client quorum: when no copy is fresh, copies enough to meet
     *     every change it acknowledges that blame neither each other nor themselves are the
     *     sources ({@link Quorum#agreeingGroup})
     */
    public SetHealer(List<FileOps> copies, int local, HealProgress progress, int filesAtOnce,
            FavoriteChildPolicy policy, SplitBrainListener settled, int arbiter, Quorum quorum) {
        Checks.argument(arbiter < copies.size() && (arbiter < 0 || copies.size() > 2),
                "an arbiter is one copy of three");
        this.arbiters = arbiter < 0 ? ChildSet.NONE : ChildSet.of(arbiter);
        this.agreeingGroup = quorum.agreeingGroup(copies.size());
        this.copies = List.copyOf(copies);
        this.local = local;
        this.progress = progress;
        this.filesAtOnce = filesAtOnce;
        this.policy = policy;
        this.settled = settled;
        this.working = new Semaphore(filesAtOnce);
        for (int i = 0; i < FOLDER_LOCKS; i++) {
            folderLocks[i] = new Object();
        }
    }

    private EntryHeal.Result healNames(FileOps source, FileOps sink, int sinkIndex, FsPath dir,
            KeptFolders kept) throws FsException {
        synchronized (folderLocks[Math.floorMod(dir.hashCode(), FOLDER_LOCKS)]) {
            return EntryHeal.heal(source, sink, sinkIndex, dir, filesAtOnce, kept.keeping());
        }
    }

    /** Heals {@code path}: its names if a folder, its data if a file, its attributes. */
    public HealOutcome heal(FsPath path) {
        return heal(path, 0, KeptFolders.NONE);
    }

    /**
     * Heals each of {@code paths}, {@link #FILES_AT_ONCE} at a time, folders' names before what
     * they hold: the paths of each depth once those nearer the root are done, so that a
     * folder's heal makes the names its files lack many at once, rather than each file making
     * its own name one after the other under the folder's lock.
     *
     * @return each path's outcome, in order
     */
    public List<HealOutcome> healAll(List<FsPath> paths) {
        Map<Integer, List<Integer>> byDepth = new TreeMap<>();
        for (int i = 0; i < paths.size(); i++) {
            byDepth.computeIfAbsent(paths.get(i).names().size(), d -> new ArrayList<>()).add(i);
        }
        HealOutcome[] outcomes = new HealOutcome[paths.size()];
        KeptFolders kept = KeptFolders.forPass();
        for (List<Integer> level : byDepth.values()) {
            List<HealOutcome> healed = healAll(level.stream().map(paths::get).toList(), 0,
                    kept);
            for (int i = 0; i < level.size(); i++) {
                outcomes[level.get(i)] = healed.get(i);
            }
        }
        for (FsPath folder : kept.nearestFirst()) {
            HealOutcome outcome = heal(folder, 0, KeptFolders.NONE);
            for (int i = 0; i < paths.size(); i++) {
                if (paths.get(i).equals(folder)) {
                    outcomes[i] = outcome;
                }
            }
        }
        return List.of(outcomes);
    }

    private List<HealOutcome> healAll(List<FsPath> paths, int depth, KeptFolders kept) {
        List<HealOutcome> outcomes = new ArrayList<>(paths.size());
        if (filesAtOnce == 1) {
            paths.forEach(path -> outcomes.add(heal(path, depth, kept)));
            return outcomes;
        }
        for (int from = 0; from < paths.size(); from += BATCH_FILES) {
            List<Future<HealOutcome>> batch = new ArrayList<>();
            try (ExecutorService files = Executors.newVirtualThreadPerTaskExecutor()) {
                for (FsPath path : paths.subList(from, Math.min(paths.size(), from
                        + BATCH_FILES))) {
                    batch.add(files.submit(() -> heal(path, depth, kept)));
                }
            }
            batch.forEach(done -> outcomes.add(done.state() == Future.State.SUCCESS
                    ? done.resultNow()
                    : HealOutcome.WAITING));
        }
        return outcomes;
    }

    /**
     * Heals every file under {@code dir} as {@code walked} (a copy of the set) lists them,
     * folders before what they hold, a page of a folder's files at a time: a full heal, for
     * marks an index lost.
     *
     * @param outcome told each file's outcome
     */
    public void healTree(FileOps walked, FsPath dir, Consumer<HealOutcome> outcome) {
        KeptFolders kept = KeptFolders.forPass();
        healTree(walked, dir, outcome, 0, kept);
        for (FsPath folder : kept.nearestFirst()) {
            outcome.accept(heal(folder, 0, KeptFolders.NONE));
        }
    }

    private void healTree(FileOps walked, FsPath dir, Consumer<HealOutcome> outcome,
            int depth, KeptFolders kept) {
        HealOutcome healed = heal(dir, depth, kept);
        if (!kept.contains(dir)) {
            outcome.accept(healed);
        }
        if (depth >= FsPath.DEPTH_MAX) {
            return;
        }
        try {
            EntryHeal.forEachPage(walked, dir, page -> {
                List<FsPath> files = new ArrayList<>();
                for (DirEntry entry : page) {
                    FsPath child = dir.child(entry.name());
                    if (FileType.of(entry.attr().mode()) == FileType.DIRECTORY) {
                        healTree(walked, child, outcome, depth + 1, kept);
                    } else {
                        files.add(child);
                    }
                }
                healAll(files, depth + 1, kept).forEach(outcome);
            });
        } catch (FsException e) {
            outcome.accept(HealOutcome.WAITING); // the folder went away or its copy did
        }
    }

    private HealOutcome heal(FsPath path, int depth, KeptFolders kept) {
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
                outcome = tries(path, made, kept);
            } finally {
                working.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealOutcome.WAITING;
        } finally {
            healing.remove(path);
        }
        if ((outcome == HealOutcome.HEALED || kept.contains(path)) && depth < FsPath.DEPTH_MAX) {
            healAll(made, depth + 1, kept); // each is marked: one that fails heals later
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
    private HealOutcome tries(FsPath path, List<FsPath> made, KeptFolders kept) {
        HealOutcome last = HealOutcome.BUSY;
        for (int attempt = 0; attempt < ATTEMPTS && last == HealOutcome.BUSY; attempt++) {
            try {
                last = attempt(path, made, kept);
            } catch (FsException e) {
                last = e.errno() == Errno.EAGAIN ? HealOutcome.BUSY : HealOutcome.WAITING;
            }
        }
        return last;
    }

    private HealOutcome attempt(FsPath path, List<FsPath> made, KeptFolders kept)
            throws FsException {
        List<CopyState> states = lookAll(path);
        Blame blame = blame(states);
        if (blame.present().isEmpty()) {
            return blame.reachable().size() == copies.size()
                    ? HealOutcome.GONE
                    : HealOutcome.WAITING;
        }
        if (blame.accused().isEmpty()) {
            return HealOutcome.CLEAN;
        }
        ChildSet sources = blame.sources();
        if (sources.isEmpty() && FolderMerge.applies(states)) {
            return mergeFolder(path, states);
        }
        if (sources.isEmpty()) {
            return settle(path, states);
        }
        if (sources.minus(arbiters).isEmpty()) {
            // Only the arbiter is fresh: its copy has no data to heal from.
            return blame.reachable().size() == copies.size()
                    ? settle(path, states)
                    : HealOutcome.WAITING;
        }
        int source = sources.minus(arbiters).first();
        // The first fresh copy heals from itself; if its marks blame nobody, its index does
        // not list the file, and the node of the first copy whose index does heals it.
        int healing = states.get(source).blamed().isEmpty() ? firstMarked(states) : source;
        if (local >= 0 && healing != local) {
            return HealOutcome.NOT_MINE;
        }
        ChildSet sinks = blame.sinks(source);
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
                return tries(path.parent(), new ArrayList<>(), kept) == HealOutcome.HEALED
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
                        || tries(path.parent(), new ArrayList<>(), kept) != HealOutcome.HEALED
                                ? HealOutcome.WAITING
                                : attempt(path, made, kept);
            }
        }
        // A source that only blames itself loses its mark once the others hold what it holds.
        ChildSet cleared = blame.cleared(source);
        return copyAndClear(path, states, source, sources.minus(sinks), sinks, cleared, made,
                kept)
                        ? HealOutcome.HEALED
                        : HealOutcome.WAITING;
    }

    /**
     * A file in split-brain: healed from the copy the volume's policy chooses, by the node
     * that holds that copy when the copy's index lists the file (it blames some copy), else by
     * that of the lowest-numbered copy whose index does; left as it is when the policy
     * chooses none.
     */
    private HealOutcome settle(FsPath path, List<CopyState> states) throws FsException {
        SourcePick pick = SplitBrainSource.pick(states, policy);
        if (!pick.chosen() || arbiters.contains(pick.copy())) {
            return HealOutcome.SPLIT_BRAIN;
        }
        int healing = states.get(pick.copy()).blamed().isEmpty()
                ? firstMarked(states)
                : pick.copy();
        if (local >= 0 && healing != local) {
            return HealOutcome.NOT_MINE;
        }
        healSplitBrain(path, states, pick.copy());
        settled.settled(path, pick.copy(), states.stream().map(CopyState::attr).toList());
        return HealOutcome.HEALED;
    }

    /**
     * A folder in split-brain that every copy holds: its names made what most copies hold, by
     * the node of the lowest-numbered copy whose index lists it.
     */
    private HealOutcome mergeFolder(FsPath path, List<CopyState> states) throws FsException {
        if (local >= 0 && firstMarked(states) != local) {
            return HealOutcome.NOT_MINE;
        }
        synchronized (folderLocks[Math.floorMod(path.hashCode(), FOLDER_LOCKS)]) {
            return FolderMerge.merge(copies, path, states)
                    ? HealOutcome.HEALED
                    : HealOutcome.SPLIT_BRAIN;
        }
    }

    /**
     * Settles {@code dir} now if it is a folder in split-brain that three copies or more hold
     * ({@link FolderMerge}), whichever node's index lists it: for a lookup that met it, as
     * {@link io.bramble.fs.replicate.SplitFolderRepair}. Any other path is left to the heal.
     *
     * @return whether the folder was settled
     */
    public boolean mergeFolderInSplit(FsPath dir) {
        try {
            claim(dir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            List<CopyState> states = lookAll(dir);
            Blame blame = blame(states);
            if (blame.accused().isEmpty() || !blame.sources().isEmpty()
                    || !FolderMerge.applies(states)) {
                return false;
            }
            synchronized (folderLocks[Math.floorMod(dir.hashCode(), FOLDER_LOCKS)]) {
                return FolderMerge.merge(copies, dir, states);
            }
        } catch (FsException e) {
            return false; // a copy went away or changed the folder: the heal worker settles it
        } finally {
            healing.remove(dir);
        }
    }

    private Blame blame(List<CopyState> states) {
        return Blame.of(states, arbiters, agreeingGroup);
    }

    /** The lowest-numbered copy whose marks blame a copy: its brick's index lists the file. */
    private static int firstMarked(List<CopyState> states) {
        int first = 0;
        while (first < states.size() && states.get(first).blamed().isEmpty()) {
            first++;
        }
        Checks.invariant(first < states.size(), "a blamed file carries marks");
        return first;
    }

    /**
     * Heals a file in split-brain from copy {@code source}: its data and attributes go to
     * every other copy, and every mark of the file, on every copy, is cleared if nothing
     * changed it meanwhile (EAGAIN otherwise).
     */
    private void healSplitBrain(FsPath path, List<CopyState> states, int source)
            throws FsException {
        ChildSet all = ChildSet.all(copies.size());
        copyAndClear(path, states, source, ChildSet.of(source), all.without(source), all,
                new ArrayList<>(), KeptFolders.NONE);
    }

    /**
     * Copies names, data and attributes from {@code source} to each of {@code sinks}, then
     * clears the marks against {@code cleared} on the sinks and on {@code sources}, each only
     * if its copy did not change meanwhile; a folder of which a sink kept names the source
     * lacks ({@code kept}) keeps its marks. A file's sink whose disk is full is left for a
     * later heal when the others' marks can be cleared without it ({@link #leftWhenFull}):
     * they are, the copies healed inherit the marks against it, and its own stay.
     *
     * @return whether the marks were cleared, every sink's
     */
    private boolean copyAndClear(FsPath path, List<CopyState> states, int source,
            ChildSet sources, ChildSet sinks, ChildSet cleared, List<FsPath> made,
            KeptFolders kept) throws FsException {
        CopyState from = states.get(source);
        FileOps sourceOps = copies.get(source);
        long[] changes = new long[copies.size()];
        FileType type = FileType.of(from.attr().mode());
        ChildSet full = ChildSet.NONE;
        for (int sink : sinks.indexes()) {
            try {
                changes[sink] += copyTo(path, from, sourceOps, states.get(sink), sink, type, made,
                        kept);
            } catch (FsException e) {
                if (!leftWhenFull(e, type, sinks, cleared)) {
                    throw e;
                }
                full = full.with(sink);
            }
        }
        ChildSet healed = sinks.minus(full);
        ChildSet clearing = cleared.minus(full);
        for (int sink : healed.indexes()) {
            changes[sink] += MarkInheritance.inherit(from, states.get(sink), sink, ChildSet.all(
                    copies.size()).minus(clearing), copies.get(sink), path);
        }
        if (kept.contains(path)) {
            return false;
        }
        for (int sink : healed.indexes()) {
            copies.get(sink).setxattr(Caller.ROOT, path, ChangeStamps.CLEAR_IF_UNCHANGED,
                    ChangeStamps.clearRequest(ChangeStamps.raised(states.get(sink).stamp(),
                            changes[sink]), clearing.indexes()),
                    0);
        }
        for (int copy : sources.indexes()) {
            copies.get(copy).setxattr(Caller.ROOT, path, ChangeStamps.CLEAR_IF_UNCHANGED,
                    ChangeStamps.clearRequest(states.get(copy).stamp(), clearing.indexes()), 0);
        }
        if (!full.isEmpty()) {
            return false;
        }
        progress.healed();
        return true;
    }

    /** Copies a folder's names or a file's data, then the attributes, to copy {@code sink}. */
    private long copyTo(FsPath path, CopyState from, FileOps sourceOps, CopyState to, int sink,
            FileType type, List<FsPath> made, KeptFolders kept) throws FsException {
        FileOps sinkOps = copies.get(sink);
        long changes = 0;
        if (type == FileType.DIRECTORY) {
            EntryHeal.Result entries = healNames(sourceOps, sinkOps, sink, path, kept);
            changes += entries.sinkChanges();
            made.addAll(entries.made());
            if (entries.kept() > 0) {
                kept.add(path);
            }
        } else if (type == FileType.REGULAR && !arbiters.contains(sink)) {
            changes += DataCopy.copy(sourceOps, sinkOps, path, from.attr().sizeBytes(),
                    to.attr().sizeBytes(), filesAtOnce == 1 ? 1 : DataCopy.STREAMS,
                    progress);
        }
        return changes + MetadataCopy.copy(sourceOps, sinkOps, path, from.attr());
    }

    /**
     * Whether a sink that failed with {@code e} may be left while the others are healed: its
     * disk is full (only a write to it says so), the path is not a folder (whose heal makes
     * names the sinks' later heals follow), and the heal clears no mark but the sinks' (its
     * source is fresh), so the copies healed hold what the source holds and the source and
     * they keep blaming the one left.
     */
    private static boolean leftWhenFull(FsException e, FileType type, ChildSet sinks,
            ChildSet cleared) {
        return (e.errno() == Errno.ENOSPC || e.errno() == Errno.EDQUOT)
                && type != FileType.DIRECTORY && cleared.equals(sinks) && sinks.size() > 1;
    }

    /**
     * Whether {@code path} is in split-brain now: some copy is blamed and every copy holding
     * it is. Reads every copy's marks; changes nothing.
     */
    public boolean inSplitBrain(FsPath path) {
        return splitBrain(blame(lookAll(path)));
    }

    /**
     * Whether a file is in split-brain: every copy holding it is blamed, or, in a set with an
     * arbiter, only the arbiter is not while every copy answers (no copy with data is good).
     */
    private boolean splitBrain(Blame blame) {
        ChildSet sources = blame.sources();
        return blame.splitBrain() || !sources.isEmpty() && sources.minus(arbiters).isEmpty()
                && blame.reachable().size() == copies.size();
    }

    /**
     * Takes {@code path} out of split-brain as a user asked: heals every copy from the one
     * {@code rule} chooses and clears every mark of the file, as Gluster's {@code volume heal
     * NAME split-brain ...} does. Only a regular file in split-brain that every copy holds is
     * healed this way; the file is copied again when it changed meanwhile, at most
     * {@link #ATTEMPTS} times.
     */
    public SplitBrainResolution resolve(FsPath path, SourceRule rule) {
        String last = "";
        int chosen = -1;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<CopyState> states = lookAll(path);
            Blame blame = blame(states);
            if (blame.reachable().size() < copies.size()) {
                return SplitBrainResolution.of(SplitBrainResolution.Result.COPIES_AWAY,
                        SplitBrainSource.NOT_ALL_UP);
            }
            if (blame.present().isEmpty()) {
                return SplitBrainResolution.of(SplitBrainResolution.Result.NOT_FOUND, "");
            }
            if (states.stream().anyMatch(s -> s.present() && s.attr().isDirectory())) {
                return SplitBrainResolution.of(SplitBrainResolution.Result.FOLDER,
                        SplitBrainSource.NOT_A_FILE);
            }
            if (chosen >= 0 && blame.accused().isEmpty()) {
                break; // the marks are cleared: the last try's copy is complete
            }
            if (chosen < 0 || !blame.sources().equals(ChildSet.of(chosen))) {
                // A try that was interrupted cleared the other copies' marks first, leaving
                // the chosen copy the one fresh copy: then it is healed from again as it is.
                if (!splitBrain(blame)) {
                    return SplitBrainResolution.of(
                            SplitBrainResolution.Result.NOT_IN_SPLIT_BRAIN, NOT_IN_SPLIT_BRAIN);
                }
                SourcePick pick = chosen >= 0
                        ? SplitBrainSource.pick(states, SplitBrainChoice.sourceBrick(chosen))
                        : SplitBrainSource.pick(states, rule);
                if (!pick.chosen()) {
                    return SplitBrainResolution.of(SplitBrainResolution.Result.REFUSED, pick
                            .refusal());
                }
                if (arbiters.contains(pick.copy())) {
                    return SplitBrainResolution.of(SplitBrainResolution.Result.REFUSED,
                            SplitBrainSource.ARBITER);
                }
                chosen = pick.copy();
            }
            try {
                healSplitBrain(path, states, chosen);
                return SplitBrainResolution.of(SplitBrainResolution.Result.HEALED, "");
            } catch (FsException e) {
                if (e.errno() != Errno.EAGAIN) {
                    return SplitBrainResolution.of(SplitBrainResolution.Result.FAILED, e
                            .getMessage());
                }
                last = e.getMessage();
            }
        }
        return chosen >= 0 && blame(lookAll(path)).accused().isEmpty()
                ? SplitBrainResolution.of(SplitBrainResolution.Result.HEALED, "")
                : SplitBrainResolution.of(SplitBrainResolution.Result.FAILED, "it changed"
                        + " each time it was copied (" + last + "); try again once it is not"
                        + " written to");
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

    /** Every copy's state of {@code path}, in the set's order. */
    private List<CopyState> lookAll(FsPath path) {
        List<CopyState> states = new ArrayList<>(copies.size());
        for (FileOps copy : copies) {
            states.add(look(copy, path));
        }
        return states;
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

    /** The copies these marks blame. */
    private ChildSet blamed(Map<String, byte[]> xattrs) {
        return PendingCounters.blamed(xattrs, copies.size());
    }
}
