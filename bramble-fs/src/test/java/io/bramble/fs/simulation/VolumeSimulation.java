package io.bramble.fs.simulation;

import io.bramble.common.time.ManualClock;
import io.bramble.fs.distribute.Distribute;
import io.bramble.fs.distribute.Subvolume;
import io.bramble.fs.heal.FavoriteChildPolicy;
import io.bramble.fs.heal.HealOutcome;
import io.bramble.fs.heal.HealProgress;
import io.bramble.fs.heal.SetHealer;
import io.bramble.fs.heal.SplitBrainListener;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirPage;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FaultyFileOps;
import io.bramble.fs.ops.FaultyFileOps.State;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.MemoryFileOps;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.replicate.ChildSet;
import io.bramble.fs.replicate.MemoryStaleRecorder;
import io.bramble.fs.replicate.PendingCounters;
import io.bramble.fs.replicate.Quorum;
import io.bramble.fs.replicate.Replicate;
import io.bramble.fs.replicate.ReplicateOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A volume of 1 to 3 subvolumes, each a replica set of 2 or 3 in-memory copies, driven by one
 * seed through random creates, writes at random offsets, truncates, renames, unlinks, mkdirs
 * and long-lived handles, while copies go down, come back, hang and fill up, and now and then
 * drop a call or its reply. Xattr calls are spared the lost replies: a marker whose reply was
 * lost may leave false blame that only self-heal clears, which the check that all is readable
 * at the end would count ({@code ReplicaRulesModelTest} covers lost markers).
 *
 * <p>Every change that succeeds is applied to a model (a plain {@link MemoryFileOps}); after
 * every step the files and directories it touched are read back through the volume and
 * compared with the model, and every tenth step all of them. A change that fails may or may
 * not have taken effect on some copy, so its bytes (or names) are no longer checked until an
 * acknowledged change covers them. {@link CopyWatch} sees every call to every copy. The same
 * seed gives the same run.
 */
final class VolumeSimulation {
    private static final Caller USER = new Caller(1000, 1000, new int[0], 1);
    private static final long STEP_MS = 100;
    /** Heals of every set once every copy is up at the end: each clears what the last left. */
    private static final int END_HEAL_ROUNDS = 3;
    private static final int FILES_MAX = 14;
    private static final int DIRECTORIES_MAX = 4;
    private static final int OFFSET_MAX = 3000;
    private static final int WRITE_BYTES_MAX = 300;
    private static final double FLAKY_CHANCE = 0.01;
    /**
     * Every step checks the files and directories it touched; every this many steps, and at
     * the end, all of them ({@code -Dbramble.fs.sim.checkAllEvery=1} for every step).
     */
    private static final int CHECK_ALL_EVERY_STEPS = Integer
            .getInteger("bramble.fs.sim.checkAllEvery", 10);

    final long seed;
    final int subvolumeCount;
    final int replicaCount;
    final List<String> trace = new ArrayList<>();
    final List<String> violations = new ArrayList<>();
    int acknowledged;
    int refused;
    int unavailable;

    private final SplittableRandom random;
    private final ManualClock clock = new ManualClock();
    private final List<FaultyFileOps> copies = new ArrayList<>();
    /** What each copy holds, reached without its faults or its observer. */
    private final List<MemoryFileOps> disks = new ArrayList<>();
    private final List<MemoryStaleRecorder> recorders = new ArrayList<>();
    private final Distribute volume;
    private final MemoryFileOps model = new MemoryFileOps();
    private final CopyWatch watch;
    private final Map<FsPath, FileId> files = new LinkedHashMap<>();
    private final List<FsPath> directories = new ArrayList<>(List.of(FsPath.ROOT));
    private final Set<FsPath> tainted = new HashSet<>();
    private final Map<FileId, Uncertain> uncertain = new HashMap<>();
    private final Map<FileId, long[]> handles = new LinkedHashMap<>();
    private final Set<FsPath> touched = new HashSet<>();
    private long nextId;
    private long nextName;
    private int step;
    private final HealProgress healProgress = new HealProgress();
    long healed;
    /** Paths whose copies differed with no mark before the last heal ({@link #differingUnmarked}). */
    long unmarkedDifferences;

    /** Which faults a run injects, and whether self-heal runs among them. */
    enum Mode {
        /** Every fault (down, hung, full, flaky), no self-heal: the replicate rules alone. */
        FAULTS,
        /** One copy at a time down and back, self-heal among the changes and at the end. */
        OUTAGES_HEALED,
        /** Every fault with self-heal: its first seeds run by default, 200 on demand. */
        FAULTS_HEALED
    }

    private final Mode mode;
    /** The arbiter's index in each set (replica 3 arbiter 1), or -1 when every copy has data. */
    private final int arbiter;

    VolumeSimulation(long seed) {
        this(seed, Mode.FAULTS);
    }

    VolumeSimulation(long seed, Mode mode) {
        this(seed, mode, false);
    }

    /** @param withArbiter whether the sets are of replica 3 whose third copy is an arbiter */
    VolumeSimulation(long seed, Mode mode, boolean withArbiter) {
        this.mode = mode;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.subvolumeCount = 1 + random.nextInt(3);
        int drawn = 2 + random.nextInt(2);
        this.replicaCount = withArbiter ? 3 : drawn;
        this.arbiter = withArbiter ? 2 : -1;
        SplittableRandom flaky = random.split();
        AtomicLong copyTime = new AtomicLong(1_000_000_000L);
        List<Subvolume> subvolumes = new ArrayList<>();
        for (int s = 0; s < subvolumeCount; s++) {
            List<FileOps> children = new ArrayList<>();
            for (int r = 0; r < replicaCount; r++) {
                MemoryFileOps disk = new MemoryFileOps(copyTime::incrementAndGet);
                disks.add(disk);
                FaultyFileOps copy = new FaultyFileOps("s" + s + "c" + r, disk);
                if (mode != Mode.OUTAGES_HEALED) {
                    copy.flaky(flaky, FLAKY_CHANCE, false);
                }
                copies.add(copy);
                children.add(copy);
            }
            MemoryStaleRecorder recorder = new MemoryStaleRecorder();
            recorders.add(recorder);
            ReplicateOptions options = ReplicateOptions.DEFAULTS.withQuorum(Quorum.AUTO)
                    .withReadChildPreferred(random.nextInt(replicaCount + 1) - 1)
                    .withArbiterChild(arbiter);
            SetHealer lookups = new SetHealer(children, -1, new HealProgress(), 1,
                    FavoriteChildPolicy.NONE, SplitBrainListener.NONE, arbiter, Quorum.AUTO);
            subvolumes.add(new Subvolume("vol-replicate-" + s, new Replicate(children,
                    options, Runnable::run, clock, recorder, lookups::mergeFolderInSplit)));
        }
        this.volume = new Distribute(subvolumes);
        this.watch = new CopyWatch(copies, replicaCount, arbiter, recorders, violations);
        for (FaultyFileOps copy : copies) {
            copy.observer(watch);
        }
    }

    String describe() {
        return "seed " + seed + ": " + subvolumeCount + " subvolumes of replica "
                + replicaCount + (arbiter >= 0 ? " arbiter 1" : "") + ", " + step + " steps, "
                + acknowledged + " acknowledged, "
                + refused + " refused, " + unavailable + " reads unavailable\n";
    }

    void run(int steps) {
        for (step = 1; step <= steps && violations.isEmpty(); step++) {
            clock.advanceMillis(STEP_MS);
            if (random.nextInt(100) < 12) {
                fault();
            } else {
                operate();
            }
            if (violations.isEmpty()) {
                check(false, step % CHECK_ALL_EVERY_STEPS == 0);
            } else {
                violations.replaceAll(v -> "during step " + step + ": " + v);
            }
            traceWatched();
        }
        healAll();
        clock.advanceMillis(10_000);
        for (FaultyFileOps copy : copies) {
            copy.flaky(null, 0, false);
        }
        trace.add("end: every copy up");
        check(true, true);
        if (mode == Mode.FAULTS) {
            return;
        }
        Set<String> unmarked = differingUnmarked();
        unmarkedDifferences += unmarked.size();
        for (int round = 0; round < END_HEAL_ROUNDS; round++) {
            selfHeal();
        }
        trace.add("end: healed");
        check(true, true);
        checkConverged(unmarked);
    }

    /**
     * Paths whose copies differ among those that no mark blames for it: a change refused
     * after some copies took it, whose marks could not be written (a full or failing copy),
     * or a change a copy took whose reply was lost. The heal has no basis to choose between
     * such copies; they are counted, not checked.
     *
     * <p>A folder's marks stand for its names: the heal of the folder makes a name a copy
     * lacks, removes one it should not hold, and makes anew a file held under another id. So
     * the folder's blame covers a path whose copies differ in whether they hold it or in its
     * id, but not one that every copy the path's own marks leave holds as the same file with
     * other data or attributes: the heal of the folder leaves that file as it is.
     */
    private Set<String> differingUnmarked() {
        Set<String> found = new TreeSet<>();
        try {
            for (int set = 0; set < subvolumeCount; set++) {
                List<Map<String, String>> trees = new ArrayList<>();
                for (int r = 0; r < replicaCount; r++) {
                    trees.add(SetTrees.of(disks.get(set * replicaCount + r)));
                }
                Set<String> paths = new TreeSet<>();
                trees.forEach(t -> paths.addAll(t.keySet()));
                for (String path : paths) {
                    FsPath at = FsPath.parse(path);
                    ChildSet blamedHere = blamed(set, trees, at);
                    ChildSet blamed = at.isRoot()
                            ? blamedHere
                            : blamedHere.union(blamed(set, trees, at.parent()));
                    ChildSet unblamedHere = ChildSet.all(replicaCount).minus(blamedHere);
                    if (differ(trees, path, ChildSet.all(replicaCount).minus(blamed))
                            || sameFile(trees, path, unblamedHere)
                                    && differ(trees, path, unblamedHere)) {
                        if (Boolean.getBoolean("bramble.fs.sim.showUnmarked")) {
                            System.out.println("unmarked " + seed + " " + path + ": " + trees
                                    .stream().map(t -> t.get(path)).toList());
                        }
                        found.add(set + ":" + path);
                    }
                }
            }
        } catch (FsException e) {
            violations.add("before the last heal, the copies cannot be read: " + e.getMessage());
        }
        return found;
    }

    /** The copies of set {@code set} that the marks at {@code marked} blame. */
    private ChildSet blamed(int set, List<Map<String, String>> trees, FsPath marked)
            throws FsException {
        ChildSet blamed = ChildSet.NONE;
        for (int r = 0; r < replicaCount; r++) {
            if (trees.get(r).containsKey(marked.toString())) {
                blamed = blamed.union(PendingCounters.blamed(disks.get(set * replicaCount + r)
                        .getattrXattrs(Caller.ROOT, marked, PendingCounters.PREFIX).xattrs(),
                        replicaCount));
            }
        }
        return blamed;
    }

    /** Whether {@code copies} hold {@code path} differently (the arbiter by its shape only). */
    private boolean differ(List<Map<String, String>> trees, String path, ChildSet copies) {
        return Arrays.stream(copies.indexes()).filter(r -> r != arbiter)
                .mapToObj(r -> trees.get(r).get(path)).distinct().count() > 1
                || Arrays.stream(copies.indexes()).mapToObj(r -> shape(trees.get(r).get(path)))
                        .distinct().count() > 1;
    }

    /** Whether every one of {@code copies} holds {@code path}, all under one file id. */
    private static boolean sameFile(List<Map<String, String>> trees, String path,
            ChildSet copies) {
        return Arrays.stream(copies.indexes()).mapToObj(r -> trees.get(r).get(path)).allMatch(
                d -> d != null)
                && Arrays.stream(copies.indexes()).mapToObj(r -> trees.get(r)
                        .get(path).split(" ", 2)[0]).distinct().count() == 1;
    }

    /**
     * Self-heal of every replica set, as the nodes' heal workers do it, in the middle of the
     * faults: every path any copy holds, folders first. Heals that meet a fault leave their
     * marks for a later heal.
     */
    private void selfHeal() {
        for (int set = 0; set < subvolumeCount; set++) {
            List<FileOps> children = List.copyOf(copies.subList(set * replicaCount, (set + 1)
                    * replicaCount));
            TreeSet<FsPath> paths = new TreeSet<>((a, b) -> a.names().size() != b.names()
                    .size()
                            ? Integer.compare(a.names().size(), b.names().size())
                            : a.toString()
                                    .compareTo(b.toString()));
            for (FileOps copy : children) {
                try {
                    SetTrees.paths(copy).forEach(p -> paths.add(FsPath.parse(p)));
                } catch (FsException e) {
                    // a copy that is down or flaky shows nothing this time
                }
            }
            List<HealOutcome> outcomes = new SetHealer(children, -1, healProgress, 1,
                    FavoriteChildPolicy.NONE, SplitBrainListener.NONE, arbiter, Quorum.AUTO)
                    .healAll(
                            List.copyOf(paths));
            healed += outcomes.stream().filter(o -> o == HealOutcome.HEALED).count();
            trace.add(step + " heal of set " + set + ": " + outcomes.stream().filter(
                    o -> o != HealOutcome.CLEAN).toList());
        }
    }

    /** Once healed with every copy up, the copies of each set are the same, and unmarked. */
    private void checkConverged(Set<String> unmarked) {
        for (int set = 0; set < subvolumeCount; set++) {
            try {
                Map<String, String> first = SetTrees.of(disks.get(set * replicaCount));
                if (arbiter >= 0) {
                    checkArbiter(set, unmarked);
                }
                for (int r = 1; r < replicaCount; r++) {
                    if (r == arbiter) {
                        continue;
                    }
                    Map<String, String> other = SetTrees.of(disks.get(set * replicaCount + r));
                    if (!other.equals(first)) {
                        Set<String> differ = new TreeSet<>(first.keySet());
                        differ.addAll(other.keySet());
                        int s0 = set;
                        differ.removeIf(p -> java.util.Objects.equals(first.get(p), other.get(
                                p)) || unmarked.contains(s0 + ":" + p));
                        if (differ.isEmpty()) {
                            continue;
                        }
                        String one = differ.iterator().next();
                        violations.add("after the heal, copy " + r + " of set " + set
                                + " differs from copy 0 at " + differ + "; " + one + ": "
                                + first.get(one) + " | " + other.get(one));
                    }
                }
                for (int r = 0; r < replicaCount; r++) {
                    for (String path : SetTrees.paths(disks.get(set * replicaCount + r))) {
                        if (!markers(disks.get(set * replicaCount + r), FsPath.parse(path))
                                .isEmpty()) {
                            violations.add("after the heal, copy " + r + " of set " + set
                                    + " still marks " + path);
                        }
                    }
                }
            } catch (FsException e) {
                violations.add("after the heal, set " + set + " cannot be read: " + e
                        .getMessage());
            }
        }
    }

    /** A path's type, id, permissions and owner from its description: what an arbiter holds. */
    private static String shape(String described) {
        if (described == null) {
            return null;
        }
        String[] words = described.split(" ", 4);
        return words.length < 3 ? described : words[0] + " " + words[1] + " " + words[2];
    }

    /**
     * Once healed, the arbiter of set {@code set} holds the names, types, ids, permissions
     * and owners of copy 0, and no data; paths whose copies differed unmarked are left out.
     */
    private void checkArbiter(int set, Set<String> unmarked) throws FsException {
        Map<String, String> data = SetTrees.shapes(disks.get(set * replicaCount));
        Map<String, String> held = SetTrees.shapes(disks.get(set * replicaCount + arbiter));
        Set<String> differ = new TreeSet<>(data.keySet());
        differ.addAll(held.keySet());
        differ.removeIf(p -> java.util.Objects.equals(data.get(p), held.get(p))
                || unmarked.contains(set + ":" + p));
        if (!differ.isEmpty()) {
            String one = differ.iterator().next();
            violations.add("after the heal, the arbiter of set " + set + " differs from copy 0"
                    + " at " + differ + "; " + one + ": " + data.get(one) + " | " + held.get(
                            one));
        }
        for (String path : SetTrees.paths(disks.get(set * replicaCount + arbiter))) {
            Attr attr = disks.get(set * replicaCount + arbiter).getattr(Caller.ROOT, FsPath
                    .parse(path));
            if (FileType.of(attr.mode()) == FileType.REGULAR && attr.sizeBytes() != 0) {
                violations.add("the arbiter of set " + set + " holds " + attr.sizeBytes()
                        + " bytes of " + path);
            }
        }
    }

    private static List<String> markers(FileOps copy, FsPath path) throws FsException {
        List<String> set = new ArrayList<>();
        for (String name : copy.listxattr(Caller.ROOT, path)) {
            if (name.startsWith(PendingCounters.PREFIX) && !PendingCounters.decode(copy.getxattr(
                    Caller.ROOT, path, name)).isZero()) {
                set.add(name);
            }
        }
        return set;
    }

    private void fault() {
        if (mode != Mode.FAULTS && random.nextInt(5) == 0) {
            selfHeal();
            return;
        }
        if (mode == Mode.OUTAGES_HEALED) {
            outage();
            return;
        }
        if (random.nextInt(10) == 0) {
            healAll();
            trace.add(step + " every copy up");
            return;
        }
        FaultyFileOps copy = copies.get(random.nextInt(copies.size()));
        State next = copy.state() != State.UP
                ? State.UP
                : State.values()[1 + random.nextInt(State.values().length - 1)];
        copy.state(next);
        trace.add(step + " " + copy.name() + " " + next);
    }

    /** Brings the copy that is down back, or takes one down when all are up. */
    private void outage() {
        for (FaultyFileOps copy : copies) {
            if (copy.state() != State.UP) {
                copy.state(State.UP);
                trace.add(step + " " + copy.name() + " UP");
                return;
            }
        }
        FaultyFileOps copy = copies.get(random.nextInt(copies.size()));
        copy.state(State.DOWN);
        trace.add(step + " " + copy.name() + " DOWN");
    }

    private void healAll() {
        for (FaultyFileOps copy : copies) {
            copy.state(State.UP);
        }
    }

    private void operate() {
        int roll = random.nextInt(100);
        try {
            if (roll < 20) {
                create();
            } else if (roll < 50) {
                write();
            } else if (roll < 58) {
                truncate();
            } else if (roll < 70) {
                rename();
            } else if (roll < 78) {
                unlink();
            } else if (roll < 83) {
                mkdir();
            } else if (roll < 91) {
                openHandle();
            } else {
                closeHandle();
            }
        } catch (FsException e) {
            violations.add("the model refused a change the volume made: " + e.getMessage());
        }
    }

    private FileId newId() {
        return FileId.of(new UUID(seed, ++nextId));
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private FsPath pickFile() {
        return files.isEmpty() ? null : pick(new ArrayList<>(files.keySet()));
    }

    private void create() throws FsException {
        if (files.size() >= FILES_MAX) {
            write();
            return;
        }
        FsPath path = pick(directories).child("f" + ++nextName);
        FileId id = newId();
        touch(path);
        try {
            Opened opened = volume.create(USER, path, id, 0644, OpenFlags.RDWR | OpenFlags.EXCL);
            releaseQuietly(opened.handle());
        } catch (FsException e) {
            failed("create " + path, e);
            tainted.add(path);
            return;
        }
        ok("create " + path + " as " + id);
        model.release(model.create(USER, path, id, 0644, OpenFlags.RDWR).handle());
        files.put(path, id);
        uncertain.put(id, new Uncertain());
    }

    private void write() throws FsException {
        FsPath path = pickFile();
        if (path == null) {
            create();
            return;
        }
        FileId id = files.get(path);
        touch(path);
        long offset = random.nextInt(OFFSET_MAX);
        byte[] data = new byte[1 + random.nextInt(WRITE_BYTES_MAX)];
        random.nextBytes(data);
        long modelSize = model.getattr(USER, path).sizeBytes();
        String what = "write " + path + " @" + offset + "+" + data.length;
        watch.begin(id);
        try {
            long[] handle = handles.get(id);
            if (handle != null) {
                volume.write(handle[0], offset, data);
            } else {
                writeOnce(path, offset, data);
            }
        } catch (FsException e) {
            watch.refused();
            failed(what, e);
            uncertain.get(id).failedWrite(offset, data.length, modelSize);
            return;
        }
        watch.acknowledged(what);
        ok(what);
        long modelHandle = model.open(USER, path, OpenFlags.RDWR).handle();
        model.write(modelHandle, offset, data);
        model.release(modelHandle);
        uncertain.get(id).acknowledgedWrite(offset, data.length);
    }

    private void writeOnce(FsPath path, long offset, byte[] data) throws FsException {
        Opened opened;
        try {
            opened = volume.open(USER, path, OpenFlags.RDWR);
        } catch (FsException e) {
            watch.refused();
            throw new FsException(e.errno(), "open: " + e.getMessage());
        }
        try {
            volume.write(opened.handle(), offset, data);
        } finally {
            releaseQuietly(opened.handle());
        }
    }

    private void truncate() throws FsException {
        FsPath path = pickFile();
        if (path == null) {
            return;
        }
        FileId id = files.get(path);
        touch(path);
        long size = random.nextInt(OFFSET_MAX);
        long modelSize = model.getattr(USER, path).sizeBytes();
        String what = "truncate " + path + " to " + size;
        watch.begin(id);
        try {
            volume.setattr(USER, path, SetAttr.truncate(size));
        } catch (FsException e) {
            watch.refused();
            failed(what, e);
            uncertain.get(id).failedTruncate(modelSize, size);
            return;
        }
        watch.acknowledged(what);
        ok(what);
        model.setattr(USER, path, SetAttr.truncate(size));
        uncertain.get(id).acknowledgedTruncate(size);
    }

    private void rename() throws FsException {
        FsPath from = pickFile();
        if (from == null) {
            return;
        }
        FsPath to = random.nextInt(3) == 0 && files.size() > 1
                ? pickFile()
                : pick(directories).child("f" + ++nextName);
        if (to.equals(from)) {
            return;
        }
        touch(from);
        touch(to);
        String what = "rename " + from + " " + to;
        try {
            volume.rename(USER, from, to, 0);
        } catch (FsException e) {
            failed(what, e);
            forget(from);
            forget(to);
            return;
        }
        ok(what);
        model.rename(USER, from, to, 0);
        FileId replaced = files.remove(to);
        if (replaced != null) {
            dropHandle(replaced);
        }
        files.put(to, files.remove(from));
    }

    private void unlink() throws FsException {
        FsPath path = pickFile();
        if (path == null) {
            return;
        }
        dropHandle(files.get(path));
        touch(path);
        try {
            volume.unlink(USER, path);
        } catch (FsException e) {
            failed("unlink " + path, e);
            forget(path);
            return;
        }
        ok("unlink " + path);
        model.unlink(USER, path);
        files.remove(path);
    }

    private void mkdir() throws FsException {
        if (directories.size() > DIRECTORIES_MAX) {
            return;
        }
        FsPath path = pick(directories).child("d" + ++nextName);
        FileId id = newId();
        touch(path);
        try {
            volume.mkdir(USER, path, id, 0755);
        } catch (FsException e) {
            failed("mkdir " + path, e);
            tainted.add(path);
            return;
        }
        ok("mkdir " + path);
        model.mkdir(USER, path, id, 0755);
        directories.add(path);
    }

    private void openHandle() throws FsException {
        FsPath path = pickFile();
        if (path == null || handles.containsKey(files.get(path))) {
            return;
        }
        try {
            Opened opened = volume.open(USER, path, OpenFlags.RDWR);
            handles.put(files.get(path), new long[]{opened.handle()});
            trace.add(step + " open " + path);
        } catch (FsException e) {
            failed("open " + path, e);
        }
    }

    private void closeHandle() {
        if (handles.isEmpty()) {
            return;
        }
        FileId id = pick(new ArrayList<>(handles.keySet()));
        dropHandle(id);
        trace.add(step + " close " + id);
    }

    private void dropHandle(FileId id) {
        long[] handle = handles.remove(id);
        if (handle != null) {
            releaseQuietly(handle[0]);
        }
    }

    private void releaseQuietly(long handle) {
        try {
            volume.release(handle);
        } catch (FsException e) {
            trace.add(step + " release failed: " + e.getMessage());
        }
    }

    /** A name whose fate a failed change left open: checked no more, allowed in listings. */
    private void forget(FsPath path) throws FsException {
        FileId id = files.remove(path);
        if (id != null) {
            dropHandle(id);
            model.unlink(USER, path);
        }
        tainted.add(path);
    }

    private void ok(String what) {
        acknowledged++;
        trace.add(step + " " + what + " -> ok");
    }

    private void failed(String what, FsException e) {
        refused++;
        trace.add(step + " " + what + " -> " + e.getMessage());
    }

    /**
     * Reads the files and lists the directories the step touched, or all of them; at the end
     * nothing may be unavailable.
     */
    private void check(boolean allUp, boolean all) {
        for (Map.Entry<FsPath, FileId> file : files.entrySet()) {
            if (all || touched.contains(file.getKey())) {
                checkFile(file.getKey(), file.getValue(), allUp);
            }
        }
        for (FsPath dir : directories) {
            if (all || touched.contains(dir)) {
                checkListing(dir, allUp);
            }
        }
        touched.clear();
    }

    /** Marks {@code path} and its directory for the checks after this step. */
    private void touch(FsPath path) {
        touched.add(path);
        touched.add(path.parent());
    }

    private void checkFile(FsPath path, FileId id, boolean allUp) {
        byte[] expected;
        try {
            expected = readAll(model, path);
        } catch (FsException e) {
            violations.add("the model lost " + path + ": " + e.getMessage());
            return;
        }
        byte[] got;
        try {
            Opened opened = volume.open(USER, path, OpenFlags.RDONLY);
            try {
                if (!opened.attr().id().equals(id)) {
                    violations.add(path + " opened as file " + opened.attr().id()
                            + " instead of " + id);
                }
                Uncertain doubt = uncertain.get(id);
                if (!doubt.size && opened.attr().sizeBytes() != expected.length) {
                    violations.add(path + " has size " + opened.attr().sizeBytes()
                            + " instead of " + expected.length);
                }
                got = readAll(volume, opened.handle());
            } finally {
                releaseQuietly(opened.handle());
            }
        } catch (FsException e) {
            unavailable(path + " read", e, allUp);
            return;
        }
        compare(path, uncertain.get(id), expected, got);
    }

    private void compare(FsPath path, Uncertain doubt, byte[] expected, byte[] got) {
        if (!doubt.size && got.length != expected.length) {
            violations.add(path + " read " + got.length + " bytes instead of "
                    + expected.length);
            return;
        }
        for (int i = 0; i < Math.max(expected.length, got.length); i++) {
            if (!doubt.byteKnown(i)) {
                continue;
            }
            if (i >= expected.length || i >= got.length || expected[i] != got[i]) {
                violations.add(path + " differs from the model at byte " + i + " (read "
                        + got.length + " bytes, model " + expected.length + "); copies: "
                        + copiesAt(path, i) + "; markers: " + markers(path + " read"));
                return;
            }
        }
    }

    private void checkListing(FsPath dir, boolean allUp) {
        List<String> listed = new ArrayList<>();
        String after = null;
        int pageSize = 1 + random.nextInt(5);
        try {
            while (true) {
                DirPage page = volume.readdir(USER, dir, after, pageSize);
                page.entries().forEach(e -> listed.add(e.name()));
                if (page.complete()) {
                    break;
                }
                after = page.lastName();
            }
        } catch (FsException e) {
            unavailable(dir + " listing", e, allUp);
            return;
        }
        TreeSet<String> unique = new TreeSet<>(listed);
        if (unique.size() != listed.size()) {
            violations.add(dir + " listed a name twice: " + listed);
        }
        Set<String> expected = new TreeSet<>();
        for (FsPath path : files.keySet()) {
            if (path.parent().equals(dir)) {
                expected.add(path.name());
            }
        }
        for (FsPath path : directories) {
            if (!path.isRoot() && path.parent().equals(dir)) {
                expected.add(path.name());
            }
        }
        if (!unique.containsAll(expected)) {
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(unique);
            violations.add(dir + " listing lacks " + missing);
        }
        for (String name : unique) {
            if (!expected.contains(name) && !tainted.contains(dir.child(name))) {
                violations.add(dir + " lists " + name + ", which no acknowledged change made");
            }
        }
    }

    /** A read that failed: allowed while copies are away, never an answer that lies. */
    private void unavailable(String what, FsException e, boolean allUp) {
        int errno = e.errno();
        boolean away = errno == Errno.ENOTCONN || errno == Errno.ETIMEDOUT
                || errno == Errno.EIO;
        if (!away || allUp) {
            violations.add(what + " failed with " + e.getMessage()
                    + (allUp ? " with every copy up; markers: " + markers(what) : ""));
            return;
        }
        unavailable++;
    }

    /**
     * With {@code -Dbramble.fs.sim.watch=/a,/b/c} on a replay, the trace shows after each step
     * which file each copy holds at those paths.
     */
    private void traceWatched() {
        String watched = System.getProperty("bramble.fs.sim.watch");
        if (watched == null) {
            return;
        }
        for (String text : watched.split(",")) {
            StringBuilder line = new StringBuilder("    " + text + ":");
            for (FaultyFileOps copy : copies) {
                try {
                    var attr = copy.getattr(Caller.ROOT, FsPath.parse(text));
                    line.append(' ').append(copy.name()).append('=')
                            .append(Long.toHexString(attr.id().low()))
                            .append(attr.mode() == 0101000 ? "p" : "").append('/')
                            .append(attr.sizeBytes());
                    if (FileType.of(attr.mode()) == FileType.REGULAR) {
                        line.append('#').append(Integer.toHexString(dataHash(copy.inner(),
                                FsPath.parse(text), attr.sizeBytes()) & 0xfff));
                    }
                    for (String name : copy.listxattr(Caller.ROOT, FsPath.parse(text))) {
                        if (name.startsWith(PendingCounters.PREFIX)) {
                            PendingCounters counters = PendingCounters.decode(
                                    copy.getxattr(Caller.ROOT, FsPath.parse(text), name));
                            line.append(counters.isZero()
                                    ? ""
                                    : "!" + name.substring(
                                            PendingCounters.PREFIX.length()));
                        }
                    }
                } catch (FsException e) {
                    if (e.errno() != Errno.ENOENT) {
                        line.append(' ').append(copy.name()).append('=').append(e.errno());
                    }
                }
            }
            trace.add(line.toString());
        }
    }

    private static int dataHash(FileOps copy, FsPath path, long sizeBytes) throws FsException {
        Opened opened = copy.open(Caller.ROOT, path, OpenFlags.RDONLY);
        try {
            return Arrays.hashCode(copy.read(opened.handle(), 0,
                    (int) Math.min(sizeBytes, 1 << 20)));
        } finally {
            copy.release(opened.handle());
        }
    }

    /** Every copy's pending markers on the path {@code what} starts with, for a report. */
    /** Each copy's size of {@code path} and its byte at {@code offset}, for a report. */
    private String copiesAt(FsPath path, int offset) {
        StringBuilder text = new StringBuilder();
        for (FaultyFileOps copy : copies) {
            text.append(' ').append(copy.name()).append('[');
            try {
                Opened opened = copy.open(Caller.ROOT, path, OpenFlags.RDONLY);
                try {
                    byte[] at = copy.read(opened.handle(), offset, 1);
                    text.append(opened.attr().sizeBytes()).append(" bytes, ")
                            .append(at.length == 0 ? "none" : Byte.toString(at[0]));
                } finally {
                    copy.release(opened.handle());
                }
            } catch (FsException e) {
                text.append(Errno.name(e.errno()));
            }
            text.append(']');
        }
        return text.toString();
    }

    private String markers(String what) {
        FsPath path = FsPath.parse(what.substring(0, what.indexOf(' ')));
        StringBuilder text = new StringBuilder();
        for (FsPath at = path;; at = at.parent()) {
            text.append("\n    ").append(at).append(':');
            for (FaultyFileOps copy : copies) {
                text.append(' ').append(copy.name()).append('[');
                try {
                    for (String name : copy.listxattr(Caller.ROOT, at)) {
                        if (name.startsWith(PendingCounters.PREFIX)) {
                            text.append(name.substring(PendingCounters.PREFIX.length()))
                                    .append('=').append(PendingCounters.decode(
                                            copy.getxattr(Caller.ROOT, at, name)))
                                    .append(' ');
                        }
                    }
                } catch (FsException e) {
                    text.append(Errno.name(e.errno()));
                }
                text.append(']');
            }
            if (at.isRoot()) {
                return text.toString();
            }
        }
    }

    private static byte[] readAll(FileOps files, FsPath path) throws FsException {
        Opened opened = files.open(USER, path, OpenFlags.RDONLY);
        try {
            return readAll(files, opened.handle());
        } finally {
            files.release(opened.handle());
        }
    }

    private static byte[] readAll(FileOps files, long handle) throws FsException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (true) {
            byte[] chunk = files.read(handle, out.size(), 4096);
            out.writeBytes(chunk);
            if (chunk.length < 4096) {
                return out.toByteArray();
            }
        }
    }
}
