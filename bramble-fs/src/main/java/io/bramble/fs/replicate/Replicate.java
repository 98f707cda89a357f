package io.bramble.fs.replicate;

import io.bramble.common.check.Checks;
import io.bramble.common.time.Clock;
import io.bramble.fs.handle.HandleTable;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirPage;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.OpenedXattrs;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.ops.StatFs;
import io.bramble.fs.ops.OpenFileTable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Keeps two or three copies of every file (Gluster's AFR, written by the client). Every change
 * goes to all reachable copies at once, and the {@link WriteRules} decide what is acknowledged;
 * a copy that misses a change is blamed in the markers of the copies that took it before the
 * application hears of success ({@link ChangeRunner}). Reads and lookups come from one copy
 * that no answering copy blames, preferring the local one ({@link Lookup}); a copy that missed
 * a change is never read, and when every answering copy is blamed by another, the read fails
 * with EIO.
 *
 * <p>Entry changes (create, mkdir, unlink, rename...) give every copy the same file id, and a
 * copy that misses one is blamed in the markers of the parent directory. Self-heal, which
 * brings blamed copies back in step and clears the markers, is not part of this class.
 *
 * <p>A set may have an arbiter ({@link ReplicateOptions#arbiterChild}): it takes every change
 * without its bytes ({@link ArbiterChanges}) and votes, but never answers a read or a size.
 */
public final class Replicate implements FileOps {
    private final List<FileOps> children;
    private final int replicaCount;
    private final ReplicateOptions options;
    private final ChildHealth health;
    private final Fanout fanout;
    private final Markers markers;
    private final Lookup lookup;
    private final ChangeRunner runner;
    private final OpenFileTable<OpenFile> openFiles = new OpenFileTable<>();
    private final HandleTable<ReplicaHandle> handles;
    private final ArbiterChanges arbiter;
    private volatile boolean closed;

    /**
     * @param children the copies, in the replica set's order (their index names them in
     *     markers, so it must not change)
     * @param executor runs the calls to the copies; one that runs them in the caller's thread
     *     makes the class deterministic for tests
     * @param clock decides when a copy that did not answer is tried again
     * @param recorder the tie-breaker of a replica-2 set; {@link StaleRecorder#NONE} for none
     */
    public Replicate(List<FileOps> children, ReplicateOptions options, Executor executor,
            Clock clock, StaleRecorder recorder) {
        this(children, options, executor, clock, recorder, SplitFolderRepair.NONE);
    }

    /**
     * @param repair settles a folder a lookup finds in split-brain with every copy answering
     */
    public Replicate(List<FileOps> children, ReplicateOptions options, Executor executor,
            Clock clock, StaleRecorder recorder, SplitFolderRepair repair) {
        Checks.inRange(children.size(), 2, 3, "copies in a replica set");
        Checks.argument(options.arbiterChild() < 0 || (children.size() == 3
                && options.arbiterChild() < 3), "an arbiter is one copy of three");
        this.children = List.copyOf(children);
        this.replicaCount = children.size();
        this.options = options;
        this.arbiter = new ArbiterChanges(options.arbiters());
        WriteRules rules = new WriteRules(replicaCount, options.quorum(), options.arbiters());
        TieBreaker tieBreaker = new TieBreaker(recorder, clock);
        this.health = new ChildHealth(replicaCount, clock, options.downRetryMs(),
                tieBreaker::forget);
        this.fanout = new Fanout(this.children, executor, options.deadlineMs(), health);
        this.markers = new Markers(replicaCount);
        this.lookup = new Lookup(replicaCount, options, fanout, markers, tieBreaker, health,
                openFiles, repair);
        this.runner = new ChangeRunner(replicaCount, rules, fanout, markers, tieBreaker);
        this.handles = new HandleTable<>(options.handlesOpenMax());
    }

    /** The pool's liveness says copy {@code child} is down: no call goes to it meanwhile. */
    public void childDown(int child) {
        health.reportedDown(child);
    }

    /** The pool's liveness says copy {@code child} is back. */
    public void childUp(int child) {
        health.reportedUp(child);
    }

    private ChildSet all() {
        return ChildSet.all(replicaCount);
    }

    private void checkOpen() throws FsException {
        if (closed) {
            throw new FsException(Errno.ENOTCONN, "replicate is closed");
        }
    }

    private Found find(Caller caller, FsPath path) throws FsException {
        checkOpen();
        return lookup.find(caller, path);
    }

    @Override
    public Attr getattr(Caller caller, FsPath path) throws FsException {
        return find(caller, path).attr();
    }

    @Override
    public Attr setattr(Caller caller, FsPath path, SetAttr changes) throws FsException {
        ChangeKind kind = changes.sizeBytes().isPresent()
                ? ChangeKind.DATA
                : ChangeKind.METADATA;
        return changeFile(caller, path, kind, (child, copy) -> copy.setattr(caller, path,
                arbiter.changes(child, changes)));
    }

    /** A change to the file at {@code path} itself; returns a fresh taker's answer. */
    private <T> T changeFile(Caller caller, FsPath path, ChangeKind kind, ChildCall<T> call)
            throws FsException {
        Found found = find(caller, path);
        OpenFile open = openFiles.find(found.attr().id());
        BlameSink sink = open != null ? open : BlameSink.NONE;
        ChangeRunner.Done<T> done = runner.run(new Change<>(all(), found.holders(),
                found.blame().fresh(), List.of(path), kind, sink, call, null, null));
        return answerOf(done, found.blame());
    }

    /**
     * The answer of a taker nobody blames, the preferred one when it is among them; never the
     * arbiter's while a copy with data took the change (its sizes are not the file's).
     */
    private <T> T answerOf(ChangeRunner.Done<T> done, BlameMatrix before) {
        ChildSet data = arbiter.dataCopies(done.takers());
        ChildSet takers = data.isEmpty() ? done.takers() : data;
        ChildSet fresh = takers.minus(before.blamed());
        ChildSet from = fresh.isEmpty() ? takers : fresh;
        int preferred = options.readChildPreferred();
        int child = preferred >= 0 && from.contains(preferred) ? preferred : from.first();
        return done.answers().value(child);
    }

    /**
     * An entry change in {@code dirs}: blame goes to their markers. A change that gives an
     * existing file a new name (rename, link) goes only to the copies that hold that very
     * file ({@code moved}'s holders: a copy that missed an earlier change may hold another
     * file under the old name, and would move the wrong one), and one of the copies fresh for
     * the file must take it, or the new name would lead only to stale copies.
     */
    private <T> ChangeRunner.Done<T> changeEntries(List<FsPath> dirs, Found moved,
            ChildCall<T> call, Consumer<T> undo) throws FsException {
        return changeEntries(dirs, moved, call, undo, null);
    }

    private <T> ChangeRunner.Done<T> changeEntries(List<FsPath> dirs, Found moved,
            ChildCall<T> call, Consumer<T> undo, Removal<T> removal) throws FsException {
        checkOpen();
        Lookup.Parents parents = lookup.parents(dirs);
        ChildSet reachable = parents.holders();
        ChildSet fresh = parents.blame().fresh();
        if (moved != null) {
            reachable = reachable.intersect(moved.holders());
            fresh = fresh.intersect(moved.blame().fresh());
        }
        return runner.run(new Change<>(all(), reachable, fresh, dirs, ChangeKind.ENTRY,
                BlameSink.NONE, call, undo, removal));
    }

    private <T> T changeEntry(FsPath path, ChildCall<T> call) throws FsException {
        ChangeRunner.Done<T> done = changeEntries(List.of(path.parent()), null, call, null);
        return answerOf(done, BlameMatrix.none(replicaCount));
    }

    /**
     * An entry change that takes away the file at {@code removed}: each copy answers with the
     * xattrs the file had, so that a refused removal does not leave a copy that file blamed
     * looking fresh ({@link Removal}).
     */
    private void removeEntry(List<FsPath> dirs, Found moved, FsPath source, FsPath removed,
            ChildCall<Map<String, byte[]>> call) throws FsException {
        changeEntries(dirs, moved, call, null, new Removal<>(source, removed, markers::blamed));
    }

    @Override
    public Attr mkdir(Caller caller, FsPath path, FileId id, int mode) throws FsException {
        return changeEntry(path, (child, copy) -> copy.mkdir(caller, path, id, mode));
    }

    @Override
    public Attr mknod(Caller caller, FsPath path, FileId id, int mode, long rdev)
            throws FsException {
        return changeEntry(path, (child, copy) -> copy.mknod(caller, path, id, mode, rdev));
    }

    @Override
    public Attr symlink(Caller caller, FsPath path, FileId id, String target)
            throws FsException {
        return changeEntry(path, (child, copy) -> copy.symlink(caller, path, id, target));
    }

    @Override
    public void unlink(Caller caller, FsPath path) throws FsException {
        removeEntry(List.of(path.parent()), null, path, path,
                (child, copy) -> copy.unlinkXattrs(caller, path, PendingCounters.PREFIX));
        openFiles.unlinked(path);
    }

    @Override
    public void rmdir(Caller caller, FsPath path) throws FsException {
        removeEntry(List.of(path.parent()), null, path, path,
                (child, copy) -> copy.rmdirXattrs(caller, path, PendingCounters.PREFIX));
    }

    @Override
    public void rename(Caller caller, FsPath from, FsPath to, int flags) throws FsException {
        List<FsPath> dirs = from.parent().equals(to.parent())
                ? List.of(from.parent())
                : List.of(from.parent(), to.parent());
        Found moved = find(caller, from);
        if ((flags & RENAME_EXCHANGE) != 0) {
            Found other = find(caller, to);
            Found both = new Found(moved.attr(), moved.chosen(),
                    moved.holders().intersect(other.holders()),
                    moved.blame().union(other.blame()));
            // Nothing is taken away: both files stay, under each other's name.
            changeEntries(dirs, both, (child, copy) -> {
                copy.rename(caller, from, to, flags);
                return Boolean.TRUE;
            }, null);
            openFiles.exchanged(from, to);
            return;
        }
        removeEntry(dirs, moved, from, to, (child, copy) -> copy.renameXattrs(caller, from, to,
                flags, PendingCounters.PREFIX));
        openFiles.unlinked(to);
        openFiles.renamed(from, to);
    }

    @Override
    public Attr link(Caller caller, FsPath existing, FsPath newPath) throws FsException {
        Found moved = find(caller, existing);
        ChangeRunner.Done<Attr> done = changeEntries(List.of(newPath.parent()), moved,
                (child, copy) -> copy.link(caller, existing, newPath), null);
        return answerOf(done, BlameMatrix.none(replicaCount));
    }

    @Override
    public Opened create(Caller caller, FsPath path, FileId id, int mode, int flags)
            throws FsException {
        ChangeRunner.Done<ChildHandle> done = changeEntries(List.of(path.parent()), null,
                (child, copy) -> new ChildHandle(child,
                        copy.create(caller, path, id, mode, flags & ~OpenFlags.TRUNC)),
                this::releaseQuietly);
        ChildHandle answer = answerOf(done, BlameMatrix.none(replicaCount));
        Attr attr = answer.opened().attr();
        BlameMatrix blame = BlameMatrix.none(replicaCount);
        for (int missed : all().minus(done.takers()).indexes()) {
            // A copy without the new file is stale for it; no marker of the file says so.
            blame = blame.with(missed, ChildSet.of(missed));
        }
        if (!attr.id().equals(id)) {
            // The name existed (no O_EXCL): the file's own blame applies.
            blame = lookup.find(caller, path).blame();
        }
        return register(path, attr, blame, done.answers(), done.takers(), flags);
    }

    /** What one copy answered to an open with its markers: its handle, or an errno. */
    private record OpenAnswer(ChildHandle handle, Map<String, byte[]> xattrs, int errno) {}

    /**
     * Opens every reachable copy with its markers read in the same call, one round trip, and
     * decides from those answers as a lookup would. When the copies disagree about the path
     * (one missed a create, unlink or rename) the handles are released and the open starts
     * again with a lookup that reads the parent's markers.
     */
    @Override
    public Opened open(Caller caller, FsPath path, int flags) throws FsException {
        checkOpen();
        int childFlags = flags & ~OpenFlags.TRUNC;
        Answers<OpenAnswer> tried = fanout.call(health.up(), (child, copy) -> {
            try {
                OpenedXattrs read = copy.openXattrs(caller, path, childFlags,
                        PendingCounters.PREFIX);
                return new OpenAnswer(new ChildHandle(child, read.opened()), read.xattrs(), 0);
            } catch (FsException e) {
                if (Outcomes.isLostConnection(e.errno())) {
                    throw e;
                }
                return new OpenAnswer(null, Map.of(), e.errno());
            }
        }, answer -> {
            if (answer.handle() != null) {
                releaseQuietly(answer.handle());
            }
        });
        Answers<Lookup.View> views = new Answers<>(replicaCount);
        Answers<ChildHandle> opened = new Answers<>(replicaCount);
        for (int child = 0; child < replicaCount; child++) {
            int code = tried.code(child);
            OpenAnswer answer = tried.value(child);
            if (code != Outcomes.TOOK) {
                if (code != Outcomes.NOT_SENT) {
                    views.failed(child, code);
                }
            } else if (answer.handle() == null) {
                views.answered(child, new Lookup.View(null, answer.errno(), ChildSet.NONE));
            } else {
                views.answered(child, new Lookup.View(answer.handle().opened().attr(), 0,
                        markers.blamed(answer.xattrs())));
                opened.answered(child, answer.handle());
            }
        }
        Found found;
        try {
            found = lookup.agreed(path, views);
        } catch (FsException e) {
            releaseAll(opened);
            throw e;
        }
        if (found == null) {
            releaseAll(opened);
            return openAfterLookup(caller, path, flags);
        }
        ChildSet open = opened.ok().intersect(found.holders());
        if (!readable(found, open)) {
            releaseAll(opened);
            throw new FsException(Errno.ENOTCONN, path + ": no fresh copy could open it");
        }
        return register(path, found.attr(), found.blame(), opened, open, flags);
    }

    /**
     * Whether the copies {@code open} include one a read may use: a data copy nobody blames,
     * or the one the lookup chose by the rules of {@link ReadChoice} when none is fresh.
     */
    private boolean readable(Found found, ChildSet open) {
        return !arbiter.dataCopies(open).minus(found.blame().blamed()).isEmpty()
                || open.contains(found.chosen());
    }

    private void releaseAll(Answers<ChildHandle> opened) {
        for (int child : opened.ok().indexes()) {
            releaseQuietly(opened.value(child));
        }
    }

    /** An open after a lookup, for copies that disagree about the path. */
    private Opened openAfterLookup(Caller caller, FsPath path, int flags) throws FsException {
        Found found = find(caller, path);
        Answers<ChildHandle> opened = fanout.call(found.holders(),
                (child, copy) -> new ChildHandle(child,
                        copy.open(caller, path, flags & ~OpenFlags.TRUNC)),
                this::releaseQuietly);
        ChildSet open = opened.ok();
        if (open.isEmpty()) {
            throw new FsException(opened.outcomes().failureErrno(), path.toString());
        }
        if (!readable(found, open)) {
            for (int child : open.indexes()) {
                releaseQuietly(opened.value(child));
            }
            throw new FsException(Errno.ENOTCONN, path + ": no fresh copy could open it");
        }
        return register(path, found.attr(), found.blame(), opened, open, flags);
    }

    /** Makes a handle over the copies in {@code open}; truncates first for O_TRUNC. */
    private Opened register(FsPath path, Attr attr, BlameMatrix blame,
            Answers<ChildHandle> opened, ChildSet open, int flags) throws FsException {
        long[] childHandles = new long[replicaCount];
        for (int child : open.indexes()) {
            childHandles[child] = opened.value(child).opened().handle();
        }
        OpenFile file = openFiles.acquire(attr.id(), path, id -> new OpenFile(id, path, blame));
        file.learned(blame);
        ReplicaHandle handle = new ReplicaHandle(file, flags, childHandles, open);
        long number;
        try {
            number = handles.add(handle);
        } catch (FsException e) {
            closeHandle(handle);
            throw e;
        }
        if ((flags & OpenFlags.TRUNC) != 0 && OpenFlags.writes(flags) && attr.sizeBytes() > 0) {
            try {
                attr = truncate(handle, 0);
            } catch (FsException e) {
                release(number);
                throw e;
            }
        }
        return new Opened(number, attr);
    }

    private void releaseQuietly(ChildHandle handle) {
        try {
            children.get(handle.child()).release(handle.opened().handle());
        } catch (FsException e) {
            // The copy is away; it drops its handles when its connection goes.
        }
    }

    private Attr truncate(ReplicaHandle handle, long size) throws FsException {
        FsPath path = handle.file.path();
        if (path == null) {
            throw new FsException(Errno.ENOENT, "the file has no name left to truncate");
        }
        return changeThrough(handle, ChangeKind.DATA, handle.open(),
                (child, copy) -> copy.setattr(Caller.ROOT, path,
                        arbiter.changes(child, SetAttr.truncate(size))));
    }

    private ReplicaHandle handle(long handle) throws FsException {
        checkOpen();
        return handles.get(handle);
    }

    /**
     * A change through an open handle, to the copies in {@code scope} that still hold one;
     * copies that miss it leave the handle.
     */
    private <T> T changeThrough(ReplicaHandle handle, ChangeKind kind, ChildSet scope,
            ChildCall<T> call) throws FsException {
        OpenFile file = handle.file;
        FsPath path = file.path();
        BlameMatrix before = file.blame();
        ChangeRunner.Done<T> done = runner.run(new Change<>(scope,
                handle.open().intersect(health.up()), before.fresh(),
                path == null ? List.of() : List.of(path), kind, file, call, null, null));
        ChildSet dropped = handle.keepOnly(done.takers().union(all().minus(scope)));
        releaseChildHandles(handle, dropped);
        return answerOf(done, before);
    }

    private void releaseChildHandles(ReplicaHandle handle, ChildSet copies) {
        fanout.call(copies.intersect(health.up()), (child, copy) -> {
            copy.release(handle.childHandle(child));
            return Boolean.TRUE;
        });
    }

    @Override
    public int write(long handle, long offset, byte[] data) throws FsException {
        ReplicaHandle replica = handle(handle);
        return changeThrough(replica, ChangeKind.DATA, all(),
                (child, copy) -> arbiter.writtenBytes(child, data, copy.write(
                        replica.childHandle(child), offset, arbiter.written(child, data))));
    }

    @Override
    public Attr fsetattr(long handle, SetAttr changes) throws FsException {
        ReplicaHandle replica = handle(handle);
        ChangeKind kind = changes.sizeBytes().isPresent()
                ? ChangeKind.DATA
                : ChangeKind.METADATA;
        return changeThrough(replica, kind, all(),
                (child, copy) -> copy.fsetattr(replica.childHandle(child),
                        arbiter.changes(child, changes)));
    }

    @Override
    public void fallocate(long handle, int mode, long offset, long lengthBytes)
            throws FsException {
        ReplicaHandle replica = handle(handle);
        changeThrough(replica, ChangeKind.DATA, all(), (child, copy) -> {
            if (arbiter.takesData(child)) {
                copy.fallocate(replica.childHandle(child), mode, offset, lengthBytes);
            }
            return Boolean.TRUE;
        });
    }

    /**
     * Goes to the copies that took writes through this handle (all of the handle's when none
     * did): a copy that cannot make its writes durable is blamed, and the quorum must hold.
     */
    @Override
    public void fsync(long handle, boolean dataOnly) throws FsException {
        ReplicaHandle replica = handle(handle);
        ChildSet wrote = replica.wrote().intersect(replica.open());
        ChildSet scope = wrote.isEmpty() ? replica.open() : wrote;
        changeThrough(replica, ChangeKind.DATA, scope, (child, copy) -> {
            copy.fsync(replica.childHandle(child), dataOnly);
            return Boolean.TRUE;
        });
    }

    /**
     * Only checks the handle: nothing is held back here or below (every write was sent and
     * acknowledged on its own, and a brick's flush only checks its handle), so a close costs
     * no round trip to the copies.
     */
    @Override
    public void flush(long handle) throws FsException {
        handle(handle);
    }

    @Override
    public void release(long handle) throws FsException {
        checkOpen();
        closeHandle(handles.remove(handle));
    }

    private void closeHandle(ReplicaHandle handle) {
        releaseChildHandles(handle, handle.open());
        openFiles.release(handle.file.id);
    }

    @Override
    public byte[] read(long handle, long offset, int sizeBytes) throws FsException {
        ReplicaHandle replica = handle(handle);
        return readThrough(replica,
                (child, copy) -> copy.read(replica.childHandle(child), offset, sizeBytes));
    }

    @Override
    public long lseek(long handle, long offset, int whence) throws FsException {
        ReplicaHandle replica = handle(handle);
        return readThrough(replica,
                (child, copy) -> copy.lseek(replica.childHandle(child), offset, whence));
    }

    /** A read through a handle from a copy nobody blames; another one if it does not answer. */
    private <T> T readThrough(ReplicaHandle handle, ChildCall<T> call) throws FsException {
        FsPath shown = handle.file.path() != null ? handle.file.path() : FsPath.ROOT;
        for (int attempt = 0; attempt < replicaCount; attempt++) {
            ChildSet candidates = handle.open().intersect(health.up());
            int child = lookup.choose(handle.file.blame(), candidates, shown);
            Answers<T> answer = fanout.call(ChildSet.of(child), call);
            int code = answer.code(child);
            if (code == Outcomes.TOOK) {
                return answer.value(child);
            }
            if (code == Errno.EBADF) {
                handle.drop(child);
            } else if (!Outcomes.isLostConnection(code)) {
                throw new FsException(code, shown.toString());
            }
        }
        throw new FsException(Errno.ENOTCONN, shown + ": no fresh copy answered");
    }

    /** A read by path from a copy nobody blames; another one if it does not answer. */
    private <T> T readByPath(Caller caller, FsPath path, ChildCall<T> call) throws FsException {
        Found found = find(caller, path);
        ChildSet candidates = found.holders();
        int child = found.chosen();
        for (int attempt = 0; attempt < replicaCount; attempt++) {
            Answers<T> answer = fanout.call(ChildSet.of(child), call);
            int code = answer.code(child);
            if (code == Outcomes.TOOK) {
                return answer.value(child);
            }
            if (!Outcomes.isLostConnection(code)) {
                throw new FsException(code, path.toString());
            }
            candidates = candidates.without(child);
            child = lookup.choose(found.blame(), candidates, path);
        }
        throw new FsException(Errno.ENOTCONN, path + ": no fresh copy answered");
    }

    @Override
    public String readlink(Caller caller, FsPath path) throws FsException {
        return readByPath(caller, path, (child, copy) -> copy.readlink(caller, path));
    }

    @Override
    public DirPage readdir(Caller caller, FsPath dir, String afterName, int entriesMax)
            throws FsException {
        return readByPath(caller, dir,
                (child, copy) -> copy.readdir(caller, dir, afterName, entriesMax));
    }

    @Override
    public byte[] getxattr(Caller caller, FsPath path, String name) throws FsException {
        return readByPath(caller, path, (child, copy) -> copy.getxattr(caller, path, name));
    }

    @Override
    public List<String> listxattr(Caller caller, FsPath path) throws FsException {
        return readByPath(caller, path, (child, copy) -> copy.listxattr(caller, path));
    }

    @Override
    public void setxattr(Caller caller, FsPath path, String name, byte[] value, int flags)
            throws FsException {
        changeFile(caller, path, ChangeKind.METADATA, (child, copy) -> {
            copy.setxattr(caller, path, name, value, flags);
            return Boolean.TRUE;
        });
    }

    @Override
    public void removexattr(Caller caller, FsPath path, String name) throws FsException {
        changeFile(caller, path, ChangeKind.METADATA, (child, copy) -> {
            copy.removexattr(caller, path, name);
            return Boolean.TRUE;
        });
    }

    /**
     * What every copy can hold: the smallest of each figure, in the first copy's blocks. An
     * arbiter's disk holds no data and is left out while a copy with data answers.
     */
    @Override
    public StatFs statfs(Caller caller, FsPath path) throws FsException {
        checkOpen();
        Answers<StatFs> answers = fanout.call(health.up(),
                (child, copy) -> copy.statfs(caller, path));
        ChildSet ok = arbiter.dataCopies(answers.ok()).isEmpty()
                ? answers.ok()
                : arbiter.dataCopies(answers.ok());
        if (ok.isEmpty()) {
            throw new FsException(answers.outcomes().failureErrno(), "statfs");
        }
        StatFs first = answers.value(ok.first());
        long block = first.blockSizeBytes();
        long blocks = Long.MAX_VALUE;
        long free = Long.MAX_VALUE;
        long available = Long.MAX_VALUE;
        long files = Long.MAX_VALUE;
        long filesFree = Long.MAX_VALUE;
        int nameMax = Integer.MAX_VALUE;
        for (int child : ok.indexes()) {
            StatFs part = answers.value(child);
            long scale = part.blockSizeBytes();
            blocks = Math.min(blocks, part.blocks() * scale / block);
            free = Math.min(free, part.blocksFree() * scale / block);
            available = Math.min(available, part.blocksAvailable() * scale / block);
            files = Math.min(files, part.files());
            filesFree = Math.min(filesFree, part.filesFree());
            nameMax = Math.min(nameMax, part.nameBytesMax());
        }
        return new StatFs(block, blocks, free, available, files, filesFree, nameMax);
    }

    /** Closes every copy; the handles they issued go with them. */
    @Override
    public void close() {
        closed = true;
        for (FileOps child : children) {
            child.close();
        }
    }
}
