package io.bramble.fs.disperse;

import io.bramble.common.check.Checks;
import io.bramble.fs.handle.HandleTable;
import io.bramble.fs.heal.HealProgress;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.AttrXattrs;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirEntry;
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
import io.bramble.fs.ops.XattrsPage;
import io.bramble.fs.ops.OpenFileTable;
import io.bramble.fs.replicate.ChangeKind;
import io.bramble.fs.replicate.ChildSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Spreads every regular file over a disperse set of D + M children (Gluster's {@code disperse
 * D+M redundancy M}): each child holds one fragment file per file, under the file's path, D
 * of them its bytes as they are and M parity coded from them ({@link ReedSolomon},
 * {@link StripeLayout}), so that any D rebuild the file. The file's size and version live in
 * each fragment's xattr ({@link FragmentState}); {@link #getattr} reports that size, not the
 * fragment's.
 *
 * <p>Folders, names, links, nodes and attributes are the same on every child: each change
 * goes to all of them and succeeds once D took it, so that with up to M children down every
 * operation works, and with more they fail (ENOTCONN when the children were down, the
 * children's own errno when they refused; Gluster answers EIO to both). Children that missed
 * an acknowledged change are marked on the takers ({@link PendingMarks}, replicate's pending
 * marks, which the bricks index for heal). Lookups need D answers and take attributes from a
 * child no other marks; a listing shows the names at least D children hold
 * ({@link Listing}). Data goes through {@link FragmentIo}: a fragment that missed a change is
 * never read, and {@link FragmentHeal} rebuilds it.
 *
 * <p>The heal of what children missed is {@link DisperseHeal}'s. Not here: the dirty mark
 * Gluster sets while a write is under way (a client that dies in the middle of a write can
 * leave stripes whose fragments disagree at one version); locks between clients (two clients
 * writing one file are not serialized; within this client a file's reads and writes are);
 * fallocate's collapse and insert range (EOPNOTSUPP, {@link FragmentAllocate}); readlink
 * answers from the first child that answers, marks or not (getxattr and listxattr answer
 * from a child a lookup would take the attributes from); a change
 * that fails is not taken back on the children that made it (a create reaching fewer than D
 * leaves its fragment files there). {@link #statfs} reports D times the brick with the least
 * space available.
 */
public final class Disperse implements FileOps {
    /** The xattrs of bramble's own, read with every lookup (states and pending marks). */
    private static final String INTERNAL_PREFIX = MetadataSource.INTERNAL_PREFIX;

    private final ChildCalls children;
    private final int dataCount;
    private final StripeCodec codec;
    private final FragmentIo io;
    private final FragmentAllocate allocate;
    private final PendingMarks marks;
    private final OpenFileTable<OpenFragments> openFiles;
    private final HandleTable<DisperseHandle> handles;
    private volatile boolean closed;

    /**
     * @param children the bricks of the set, in order: child {@code i} holds fragment
     *     {@code i} of every file, so the order must never change
     * @param redundancy M, the children that may be lost
     * @param executor runs the calls to the children; one that runs them in the caller's
     *     thread makes the class deterministic for tests
     * @param handlesOpenMax open files at once (ENFILE past it)
     */
    public Disperse(List<FileOps> children, int redundancy, Executor executor,
            int handlesOpenMax) {
        Checks.argument(children.size() > redundancy, "a disperse set of " + children.size()
                + " children cannot have " + redundancy + " redundancy");
        ReedSolomon code = new ReedSolomon(children.size() - redundancy, redundancy);
        this.children = new ChildCalls(children, executor);
        this.dataCount = code.dataCount();
        this.codec = new StripeCodec(code);
        this.marks = new PendingMarks(this.children);
        this.io = new FragmentIo(this.children, codec, marks);
        this.allocate = new FragmentAllocate(io, this.children, codec.layout());
        this.openFiles = new OpenFileTable<>();
        this.handles = new HandleTable<>(handlesOpenMax);
    }

    /** The layout of every file's bytes in its fragments. */
    public StripeLayout layout() {
        return codec.layout();
    }

    /** The heal of this set's fragment files, over the same children. */
    public FragmentHeal healer() {
        return new FragmentHeal(children, codec);
    }

    /** The heal of the paths the bricks' index lists, over the same children. */
    public DisperseHeal pathHealer() {
        return pathHealer(new HealProgress());
    }

    /** {@link #pathHealer()}, counting what it heals in {@code progress}. */
    public DisperseHeal pathHealer(HealProgress progress) {
        return new DisperseHeal(children, codec, progress);
    }

    private void checkOpen() throws FsException {
        if (closed) {
            throw new FsException(Errno.ENOTCONN, "disperse is closed");
        }
    }

    /** Calls every child; fails unless at least D answered. */
    private <T> ChildAnswers<T> quorum(String what, ChildCall<T> call) throws FsException {
        checkOpen();
        ChildAnswers<T> answers = children.call(children.all(), call);
        if (answers.ok().size() < dataCount) {
            throw answers.failure(what + " reached fewer than " + dataCount + " children:");
        }
        return answers;
    }

    private <T> T first(String what, ChildCall<T> call) throws FsException {
        ChildAnswers<T> answers = quorum(what, call);
        return answers.value(answers.ok().first());
    }

    /**
     * A change on every child, acknowledged once D took it; the children that missed it are
     * marked on the takers at {@code marked} (the file, or the folders whose names changed).
     */
    private <T> T change(ChangeKind kind, List<FsPath> marked, String what, ChildCall<T> call)
            throws FsException {
        ChildAnswers<T> answers = quorum(what, call);
        recordMisses(answers, kind, marked);
        return answers.value(answers.ok().first());
    }

    private void recordMisses(ChildAnswers<?> answers, ChangeKind kind, List<FsPath> marked) {
        ChildSet missed = children.all().minus(answers.ok());
        for (FsPath path : marked) {
            marks.record(answers.ok(), path, missed, kind);
        }
    }

    /** The folder of {@code path} (and of {@code other}, when another), for entry marks. */
    private static List<FsPath> folders(FsPath path, FsPath other) {
        FsPath one = path.parent();
        return other == null || other.parent().equals(one)
                ? List.of(one)
                : List.of(one, other.parent());
    }

    @Override
    public Attr getattr(Caller caller, FsPath path) throws FsException {
        return getattrXattrs(caller, path, FragmentState.XATTR).attr();
    }

    @Override
    public AttrXattrs getattrXattrs(Caller caller, FsPath path, String prefix)
            throws FsException {
        String read = commonPrefix(prefix, INTERNAL_PREFIX);
        ChildAnswers<AttrXattrs> answers = quorum("getattr " + path, (child, ops) -> ops
                .getattrXattrs(caller, path, read));
        AttrXattrs[] held = new AttrXattrs[children.size()];
        for (int child : answers.ok().indexes()) {
            held[child] = answers.value(child);
        }
        AttrChoice.Chosen chosen = chosen(held, path);
        Map<String, byte[]> asked = new HashMap<>();
        held[chosen.child()].xattrs().forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                asked.put(name, value);
            }
        });
        return new AttrXattrs(chosen.attr(), asked);
    }

    /** {@link AttrChoice#choose}, failing with EIO when the fragments are not in step. */
    private AttrChoice.Chosen chosen(AttrXattrs[] held, FsPath path) throws FsException {
        AttrChoice.Chosen chosen = AttrChoice.choose(held, dataCount);
        if (chosen == null) {
            throw new FsException(Errno.EIO, "fewer than " + dataCount + " fragments of "
                    + path + " are in step");
        }
        return chosen;
    }

    private static String commonPrefix(String one, String other) {
        int length = 0;
        while (length < one.length() && length < other.length()
                && one.charAt(length) == other.charAt(length)) {
            length++;
        }
        return one.substring(0, length);
    }

    private Attr fileAttr(Attr fragment, FragmentState state) {
        return AttrChoice.fileAttr(fragment, state, dataCount);
    }

    @Override
    public Attr setattr(Caller caller, FsPath path, SetAttr changes) throws FsException {
        if (changes.sizeBytes().isPresent()) {
            Opened opened = open(caller, path, OpenFlags.WRONLY);
            try {
                return fsetattr(opened.handle(), changes);
            } finally {
                release(opened.handle());
            }
        }
        change(ChangeKind.METADATA, List.of(path), "setattr " + path, (child, ops) -> ops
                .setattr(caller, path, changes));
        return getattr(caller, path);
    }

    @Override
    public Attr fsetattr(long handle, SetAttr changes) throws FsException {
        checkOpen();
        DisperseHandle open = handles.get(handle);
        if (changes.sizeBytes().isPresent()) {
            io.truncate(open, changes.sizeBytes().getAsLong());
        }
        SetAttr rest = new SetAttr(changes.permissions(), changes.uid(), changes.gid(),
                OptionalLong.empty(), changes.atimeNs(), changes.mtimeNs());
        boolean more = !rest.equals(new SetAttr(OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty()));
        FsPath path = open.file.path();
        List<FsPath> marked = more && path != null ? List.of(path) : List.of();
        Attr attr = change(ChangeKind.METADATA, marked, "fsetattr", (child, ops) -> io.onChild(
                open, child, (o, h) -> o.fsetattr(h, rest)));
        return fileAttr(attr, io.freshness(open).state());
    }

    @Override
    public Attr mkdir(Caller caller, FsPath path, FileId id, int mode) throws FsException {
        return change(ChangeKind.ENTRY, folders(path, null), "mkdir " + path, (child, ops) -> ops
                .mkdir(caller, path, id, mode));
    }

    @Override
    public Attr mknod(Caller caller, FsPath path, FileId id, int mode, long rdev)
            throws FsException {
        return change(ChangeKind.ENTRY, folders(path, null), "mknod " + path, (child, ops) -> ops
                .mknod(caller, path, id, mode, rdev));
    }

    @Override
    public Attr symlink(Caller caller, FsPath path, FileId id, String target)
            throws FsException {
        return change(ChangeKind.ENTRY, folders(path, null), "symlink " + path, (child,
                ops) -> ops.symlink(caller, path, id, target));
    }

    @Override
    public String readlink(Caller caller, FsPath path) throws FsException {
        return first("readlink " + path, (child, ops) -> ops.readlink(caller, path));
    }

    @Override
    public void unlink(Caller caller, FsPath path) throws FsException {
        change(ChangeKind.ENTRY, folders(path, null), "unlink " + path, (child, ops) -> {
            ops.unlink(caller, path);
            return Boolean.TRUE;
        });
        openFiles.unlinked(path);
    }

    @Override
    public void rmdir(Caller caller, FsPath path) throws FsException {
        change(ChangeKind.ENTRY, folders(path, null), "rmdir " + path, (child, ops) -> {
            ops.rmdir(caller, path);
            return Boolean.TRUE;
        });
    }

    @Override
    public void rename(Caller caller, FsPath from, FsPath to, int flags) throws FsException {
        change(ChangeKind.ENTRY, folders(from, to), "rename " + from, (child, ops) -> {
            ops.rename(caller, from, to, flags);
            return Boolean.TRUE;
        });
        if ((flags & RENAME_EXCHANGE) != 0) {
            openFiles.exchanged(from, to);
        } else {
            openFiles.unlinked(to);
            openFiles.renamed(from, to);
        }
    }

    @Override
    public Attr link(Caller caller, FsPath existing, FsPath newPath) throws FsException {
        change(ChangeKind.ENTRY, folders(newPath, null), "link " + newPath, (child, ops) -> ops
                .link(caller, existing, newPath));
        return getattr(caller, newPath);
    }

    @Override
    public Opened create(Caller caller, FsPath path, FileId id, int mode, int flags)
            throws FsException {
        int childFlags = FragmentIo.childFlags(flags) | flags & (OpenFlags.CREAT
                | OpenFlags.EXCL);
        ChildAnswers<OpenedXattrs> answers = children.call(children.all(), (child, ops) -> {
            Opened opened = ops.create(caller, path, id, mode, childFlags);
            return new OpenedXattrs(opened, ops.getattrXattrs(caller, path,
                    FragmentState.XATTR).xattrs());
        });
        Opened opened = opened(path, flags, answers, "create " + path);
        recordMisses(answers, ChangeKind.ENTRY, folders(path, null));
        return opened;
    }

    @Override
    public Opened open(Caller caller, FsPath path, int flags) throws FsException {
        checkOpen();
        ChildAnswers<OpenedXattrs> answers = children.call(children.all(),
                (child, ops) -> ops.openXattrs(caller, path, FragmentIo.childFlags(flags),
                        FragmentState.XATTR));
        Opened opened = opened(path, flags, answers, "open " + path);
        if ((flags & OpenFlags.TRUNC) != 0 && OpenFlags.writes(flags)) {
            try {
                return new Opened(opened.handle(), fsetattr(opened.handle(),
                        SetAttr.truncate(0)));
            } catch (FsException e) {
                release(opened.handle());
                throw e;
            }
        }
        return opened;
    }

    /** The handle of a file the children opened; their handles are released on failure. */
    private Opened opened(FsPath path, int flags, ChildAnswers<OpenedXattrs> answers,
            String what) throws FsException {
        ChildSet ok = answers.ok();
        long[] childHandles = new long[children.size()];
        java.util.Arrays.fill(childHandles, -1);
        for (int child : ok.indexes()) {
            childHandles[child] = answers.value(child).opened().handle();
        }
        if (closed || ok.size() < dataCount) {
            releaseChildren(childHandles);
            throw closed
                    ? new FsException(Errno.ENOTCONN, "disperse is closed")
                    : answers.failure(what + " reached fewer than " + dataCount
                            + " children:");
        }
        Attr attr = answers.value(ok.first()).opened().attr();
        OpenFragments file = openFiles.acquire(attr.id(), path,
                id -> new OpenFragments(id, path, children.size()));
        for (int child : ok.indexes()) {
            file.learned(child, FragmentState.parse(answers.value(child).xattrs().get(
                    FragmentState.XATTR)));
        }
        DisperseHandle open = new DisperseHandle(file, flags, childHandles);
        long handle;
        try {
            handle = handles.add(open);
        } catch (FsException e) {
            openFiles.release(file.id);
            releaseChildren(childHandles);
            throw e;
        }
        Freshness fresh = file.freshness(dataCount);
        if (fresh == null) {
            release(handle);
            throw new FsException(Errno.EIO, "fewer than " + dataCount + " fragments of "
                    + path + " are in step");
        }
        Attr chosen = answers.value(fresh.children().first()).opened().attr();
        return new Opened(handle, fileAttr(chosen, fresh.state()));
    }

    private void releaseChildren(long[] childHandles) {
        children.call(children.all(), (child, ops) -> {
            if (childHandles[child] >= 0) {
                ops.release(childHandles[child]);
            }
            return Boolean.TRUE;
        });
    }

    @Override
    public byte[] read(long handle, long offset, int sizeBytes) throws FsException {
        checkOpen();
        return io.read(handles.get(handle), offset, sizeBytes);
    }

    @Override
    public int write(long handle, long offset, byte[] data) throws FsException {
        checkOpen();
        return io.write(handles.get(handle), offset, data);
    }

    @Override
    public void flush(long handle) throws FsException {
        onHandles(handles.get(handle), "flush", (ops, h) -> {
            ops.flush(h);
            return Boolean.TRUE;
        });
    }

    @Override
    public void fsync(long handle, boolean dataOnly) throws FsException {
        onHandles(handles.get(handle), "fsync", (ops, h) -> {
            ops.fsync(h, dataOnly);
            return Boolean.TRUE;
        });
    }

    private void onHandles(DisperseHandle open, String what, FragmentIo.HandleCall<?> call)
            throws FsException {
        quorum(what, (child, ops) -> io.onChild(open, child, call));
    }

    @Override
    public void release(long handle) throws FsException {
        DisperseHandle open = handles.remove(handle);
        openFiles.release(open.file.id);
        long[] childHandles = new long[open.childCount()];
        for (int child = 0; child < childHandles.length; child++) {
            childHandles[child] = open.childHandle(child);
        }
        releaseChildren(childHandles);
    }

    @Override
    public void fallocate(long handle, int mode, long offset, long lengthBytes)
            throws FsException {
        checkOpen();
        allocate.fallocate(handles.get(handle), mode, offset, lengthBytes);
    }

    /** Every byte up to the size counts as data: holes are not tracked through fragments. */
    @Override
    public long lseek(long handle, long offset, int whence) throws FsException {
        checkOpen();
        DisperseHandle open = handles.get(handle);
        long size = io.freshness(open).state().sizeBytes();
        if (offset < 0 || offset >= size) {
            throw new FsException(Errno.ENXIO, "offset " + offset + " of " + size);
        }
        return whence == 4 ? size : offset;
    }

    /**
     * One round of calls per page: every child lists the page with its entries' attributes
     * and bramble's xattrs ({@link Listing}); one more round only when some file's fragments
     * in the pages are not in step.
     */
    @Override
    public DirPage readdir(Caller caller, FsPath dir, String afterName, int entriesMax)
            throws FsException {
        Listing listing = new Listing(children.size(), dataCount);
        String after = afterName;
        while (true) {
            String from = after;
            ChildAnswers<XattrsPage> pages = quorum("readdir " + dir, (child, ops) -> ops
                    .readdirXattrs(caller, dir, from, entriesMax, INTERNAL_PREFIX));
            Listing.Merged merged = listing.merge(pages, names -> lookUp(caller, dir, names));
            // Each round ends past the last, so this ends with the folder.
            if (!merged.page().entries().isEmpty() || merged.page().complete()) {
                return merged.page();
            }
            after = merged.end();
        }
    }

    /**
     * The entries of {@code names} in {@code dir} as {@link #getattr} gives them, all asked of
     * every child in one round; a name fewer than D children still hold is left out.
     */
    private Map<String, DirEntry> lookUp(Caller caller, FsPath dir, List<String> names)
            throws FsException {
        ChildAnswers<Map<String, AttrXattrs>> answers = quorum("lookup in " + dir,
                (child, ops) -> {
                    Map<String, AttrXattrs> read = new HashMap<>();
                    for (String name : names) {
                        try {
                            read.put(name, ops.getattrXattrs(caller, dir.child(name),
                                    INTERNAL_PREFIX));
                        } catch (FsException e) {
                            if (e.errno() != Errno.ENOENT) {
                                throw e;
                            }
                        }
                    }
                    return read;
                });
        Map<String, DirEntry> entries = new HashMap<>();
        for (String name : names) {
            AttrXattrs[] held = new AttrXattrs[children.size()];
            int holders = 0;
            for (int child : answers.ok().indexes()) {
                held[child] = answers.value(child).get(name);
                holders += held[child] == null ? 0 : 1;
            }
            if (holders >= dataCount) {
                entries.put(name, new DirEntry(name, chosen(held, dir.child(name)).attr()));
            }
        }
        return entries;
    }

    @Override
    public StatFs statfs(Caller caller, FsPath path) throws FsException {
        ChildAnswers<StatFs> answers = quorum("statfs", (child, ops) -> ops.statfs(caller,
                path));
        StatFs smallest = null;
        for (int child : answers.ok().indexes()) {
            StatFs brick = answers.value(child);
            if (smallest == null
                    || brick.blocksAvailable() * brick.blockSizeBytes() < smallest.blocksAvailable()
                            * smallest.blockSizeBytes()) {
                smallest = brick;
            }
        }
        // Every file takes as much of each brick, so the set fills when its fullest brick does.
        return new StatFs(smallest.blockSizeBytes(), smallest.blocks() * dataCount, smallest
                .blocksFree() * dataCount, smallest.blocksAvailable() * dataCount, smallest
                        .files(),
                smallest.filesFree(), smallest.nameBytesMax());
    }

    /** Answers from a child fresh for the metadata of {@code path} ({@link #fromFresh}). */
    @Override
    public byte[] getxattr(Caller caller, FsPath path, String name) throws FsException {
        Optional<byte[]> value = fromFresh("getxattr " + path, caller, path, (child, ops) -> {
            try {
                return Optional.of(ops.getxattr(caller, path, name));
            } catch (FsException e) {
                if (e.errno() != Errno.ENODATA) {
                    throw e;
                }
                return Optional.empty();
            }
        }, values -> XattrVote.value(values, dataCount));
        return value.orElseThrow(() -> new FsException(Errno.ENODATA, name + " of " + path));
    }

    /** Answers from a child fresh for the metadata of {@code path} ({@link #fromFresh}). */
    @Override
    public List<String> listxattr(Caller caller, FsPath path) throws FsException {
        return fromFresh("listxattr " + path, caller, path,
                (child, ops) -> ops.listxattr(caller, path),
                lists -> XattrVote.names(lists, dataCount));
    }

    /**
     * What {@code read} reads of {@code path} on the child a lookup takes the attributes from
     * ({@link AttrChoice}: one no mark blames, and for a regular file a fragment in step), all
     * children asked in one round together with bramble's xattrs, so that a child that missed
     * a change of xattrs never answers before it is healed. When every child that answered
     * is marked, the answer is the one D of them agree on ({@code vote}, null when none: EIO).
     */
    private <T> T fromFresh(String what, Caller caller, FsPath path, ChildCall<T> read,
            Function<List<T>, T> vote) throws FsException {
        ChildAnswers<FreshRead<T>> answers = quorum(what, (child, ops) -> new FreshRead<>(ops
                .getattrXattrs(caller, path, INTERNAL_PREFIX), read.call(child, ops)));
        AttrXattrs[] held = new AttrXattrs[children.size()];
        for (int child : answers.ok().indexes()) {
            held[child] = answers.value(child).metadata();
        }
        AttrChoice.Chosen chosen = chosen(held, path);
        if (!chosen.marked()) {
            return answers.value(chosen.child()).value();
        }
        List<T> values = new java.util.ArrayList<>();
        for (int child : answers.ok().indexes()) {
            values.add(answers.value(child).value());
        }
        T agreed = vote.apply(values);
        if (agreed == null) {
            throw new FsException(Errno.EIO, what + ": every brick missed some change and"
                    + " fewer than " + dataCount + " agree");
        }
        return agreed;
    }

    private record FreshRead<T>(AttrXattrs metadata, T value) {}

    @Override
    public void setxattr(Caller caller, FsPath path, String name, byte[] value, int flags)
            throws FsException {
        change(ChangeKind.METADATA, List.of(path), "setxattr " + path, (child, ops) -> {
            ops.setxattr(caller, path, name, value, flags);
            return Boolean.TRUE;
        });
    }

    @Override
    public void removexattr(Caller caller, FsPath path, String name) throws FsException {
        change(ChangeKind.METADATA, List.of(path), "removexattr " + path, (child, ops) -> {
            ops.removexattr(caller, path, name);
            return Boolean.TRUE;
        });
    }

    @Override
    public void close() {
        closed = true;
        for (int child : children.all().indexes()) {
            children.child(child).close();
        }
    }
}
