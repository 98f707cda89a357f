package io.bramble.fs.distribute;

import io.bramble.common.time.Clock;
import io.bramble.common.time.Poll;
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
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.ops.StatFs;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Spreads a volume's files over its subvolumes (GlusterFS's elastic hashing): a file lives on
 * the subvolume its name hashes to in its directory's {@link Layout}; directories exist on
 * every subvolume. No server is asked where a file is: every client computes it.
 *
 * <p>Files renamed or linked to a name that hashes elsewhere keep their data in place and get
 * a {@link Pointer} on the new name's subvolume (see {@link FileNames}). Lookups that miss on
 * the hashed subvolume search the others, for files placed under an older layout. Listings
 * merge all subvolumes in name order and hide pointers.
 *
 * <p>With one subvolume, every call goes straight through: handles, names and errors are the
 * subvolume's own, and the only work added is hashing the name.
 *
 * <p>Subvolumes may be appended while the client runs ({@link #append}, when the volume takes
 * new bricks): positions never move, handles issued before stay valid, and the directories
 * made before are missing on the new subvolumes until a layout names them
 * ({@link DirectoryCopies}).
 */
public final class Distribute implements FileOps {
    private final Subvolumes subvolumes;
    private final Locator locator;
    private final Listing listing;
    private final DirectoryOps directories;
    private final FileNames fileNames;
    private final PointerFiles pointers;
    private final HandleTable<Route> handles;
    private final Layouts layouts;
    private final DirectoryCopies copies;
    private final LayoutFix layoutFix;
    private volatile boolean closed;
    /**
     * Marks the handles of {@link #handles}; without it a handle is subvolume 0's own, issued
     * while it was the only one. Subvolumes' handles stay below it.
     */
    static final long ROUTED = 1L << 62;

    public Distribute(List<Subvolume> subvolumes, DistributeLimits limits, Clock clock) {
        this(subvolumes, limits, clock, Poll.SLEEP);
    }

    /** With {@code pause} the wait of a lookup that meets a move switching over. */
    public Distribute(List<Subvolume> subvolumes, DistributeLimits limits, Clock clock,
            Poll.Pause pause) {
        this.subvolumes = new Subvolumes(subvolumes);
        this.layouts = new Layouts(this.subvolumes, limits.layoutsCachedMax(),
                limits.layoutKeepMs(), clock);
        this.locator = new Locator(this.subvolumes, layouts, pause);
        this.listing = new Listing(this.subvolumes, locator);
        this.copies = new DirectoryCopies(this.subvolumes);
        this.pointers = new PointerFiles(this.subvolumes, copies);
        this.directories = new DirectoryOps(this.subvolumes, locator, layouts, listing,
                pointers, copies);
        this.fileNames = new FileNames(this.subvolumes, locator, pointers, copies);
        this.handles = new HandleTable<>(limits.handlesOpenMax());
        this.layoutFix = new LayoutFix(this.subvolumes, locator, layouts, copies);
    }

    public Distribute(List<Subvolume> subvolumes, DistributeLimits limits) {
        this(subvolumes, limits, Clock.system());
    }

    public Distribute(List<Subvolume> subvolumes) {
        this(subvolumes, DistributeLimits.DEFAULTS);
    }

    /**
     * Appends {@code more} after the subvolumes there are (whole new subvolumes of a volume
     * that grew). Calls running meanwhile see the subvolumes as they were or as they are.
     */
    public void append(List<Subvolume> more) {
        subvolumes.append(more);
        layouts.forgetAll();
    }

    /**
     * Follows {@code remove-brick}: the subvolumes named in {@code decommissioned} (and no
     * others) get no new names, their files still found where they are; those named in
     * {@code removed} leave for good, their connections closed. Names this client does not
     * have are passed over.
     */
    public void retire(Set<String> decommissioned, Set<String> removed) {
        List<FileOps> taken = subvolumes.retire(decommissioned, removed);
        layouts.forgetAll();
        taken.forEach(FileOps::close);
    }

    /**
     * Spreads directory {@code dir} over every subvolume ({@code rebalance fix-layout}): its
     * missing copies are made and its layout written over all of them.
     */
    public void fixLayout(FsPath dir) throws FsException {
        checkOpen();
        layoutFix.fix(dir);
    }

    /**
     * The move of file {@code path} to the subvolume its name hashes to ({@code rebalance}),
     * its steps not run yet; empty when it is there already or is not a file.
     */
    public Optional<Move> moveToHashed(FsPath path) throws FsException {
        if (single()) {
            return Optional.empty();
        }
        Located located = locate(Caller.ROOT, path);
        int hashed = locator.hashed(path);
        if (located.isDirectory() || located.data() == hashed) {
            return Optional.empty();
        }
        return Optional.of(new Move(subvolumes.ops(located.data()),
                subvolumes.name(located.data()), subvolumes.ops(hashed), subvolumes.name(hashed),
                path, step -> copies.withDirectory(hashed, path.parent(), step)));
    }

    /**
     * The move of file {@code path} off a subvolume being removed to the one its name hashes
     * to ({@code remove-brick start}); empty when it is not on one, or is not a file.
     */
    public Optional<Move> moveOffDecommissioned(FsPath path) throws FsException {
        if (single()) {
            return Optional.empty();
        }
        Located located = locate(Caller.ROOT, path);
        if (located.isDirectory() || !subvolumes.decommissioned(located.data())) {
            return Optional.empty();
        }
        return moveToHashed(path);
    }

    /** Moves {@code path} to its hashed subvolume; empty when it needs no move. */
    public Optional<Move.Outcome> move(FsPath path) throws FsException {
        Optional<Move> move = moveToHashed(path);
        return move.isEmpty()
                ? Optional.empty()
                : Optional.of(move.get()
                        .run());
    }

    /** The names of the subvolumes, in order. */
    public List<String> subvolumeNames() {
        return subvolumes.names();
    }

    private boolean single() {
        return subvolumes.single();
    }

    private FileOps only() {
        return subvolumes.ops(0);
    }

    private void checkOpen() throws FsException {
        if (closed) {
            throw new FsException(Errno.ENOTCONN, "distribute is closed");
        }
    }

    /** The subvolume holding {@code path}'s name: its hash is computed even with one. */
    private FileOps hashedOps(FsPath path) throws FsException {
        checkOpen();
        return subvolumes.ops(locator.hashed(path));
    }

    private Located locate(Caller caller, FsPath path) throws FsException {
        checkOpen();
        return locator.locate(caller, path);
    }

    @Override
    public Attr getattr(Caller caller, FsPath path) throws FsException {
        if (single()) {
            return hashedOps(path).getattr(caller, path);
        }
        Located located = locate(caller, path);
        return located.isDirectory()
                ? locator.directoryAttr(caller, path, located)
                : located.attr();
    }

    @Override
    public Attr setattr(Caller caller, FsPath path, SetAttr changes) throws FsException {
        if (single()) {
            return hashedOps(path).setattr(caller, path, changes);
        }
        return onData(caller, path, located -> located.isDirectory()
                ? directories.setattr(caller, located, path, changes)
                : subvolumes.ops(located.data()).setattr(caller, path, changes));
    }

    /** A call on the place {@code path} was found, given it when it is found there. */
    private interface DataCall<T> {
        T run(Located located) throws FsException;
    }

    /** Lookups a call makes again when the place it found was sealed by a {@link Move}. */
    static final int STALE_LOOKS_MAX = 3;

    /**
     * Runs {@code call} on where {@code path} is found; when that place was a file a move
     * sealed since the lookup (ESTALE), looks again: the file is on its new subvolume now.
     */
    private <T> T onData(Caller caller, FsPath path, DataCall<T> call) throws FsException {
        for (int look = 1;; look++) {
            try {
                return call.run(locate(caller, path));
            } catch (FsException e) {
                if (e.errno() != Errno.ESTALE || look >= STALE_LOOKS_MAX) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Attr mkdir(Caller caller, FsPath path, FileId id, int mode) throws FsException {
        if (single()) {
            return hashedOps(path).mkdir(caller, path, id, mode);
        }
        checkOpen();
        return directories.mkdir(caller, path, id, mode);
    }

    @Override
    public Attr mknod(Caller caller, FsPath path, FileId id, int mode, long rdev)
            throws FsException {
        int hashed = hashed(path);
        FileOps ops = subvolumes.ops(hashed);
        return copies.withDirectory(hashed, path.parent(), () -> ops.mknod(caller, path, id,
                mode, rdev));
    }

    @Override
    public Attr symlink(Caller caller, FsPath path, FileId id, String target)
            throws FsException {
        int hashed = hashed(path);
        FileOps ops = subvolumes.ops(hashed);
        return copies.withDirectory(hashed, path.parent(), () -> ops.symlink(caller, path, id,
                target));
    }

    private int hashed(FsPath path) throws FsException {
        checkOpen();
        return locator.hashed(path);
    }

    @Override
    public String readlink(Caller caller, FsPath path) throws FsException {
        if (single()) {
            return hashedOps(path).readlink(caller, path);
        }
        return subvolumes.ops(locate(caller, path).data()).readlink(caller, path);
    }

    @Override
    public void unlink(Caller caller, FsPath path) throws FsException {
        if (single()) {
            hashedOps(path).unlink(caller, path);
            return;
        }
        onData(caller, path, located -> {
            if (located.isDirectory()) {
                throw new FsException(Errno.EISDIR, path.toString());
            }
            // The pointer goes first: a crash in between leaves a file found by the search of
            // all subvolumes, never a pointer to nothing.
            if (located.hasPointer()) {
                unlinkIfThere(caller, located.pointer(), path);
            }
            subvolumes.ops(located.data()).unlink(caller, path);
            pointers.removeShadowed(caller, path, located.data(), located.pointer());
            return null;
        });
    }

    private void unlinkIfThere(Caller caller, int index, FsPath path) throws FsException {
        try {
            pointers.unseal(index, path);
            subvolumes.ops(index).unlink(caller, path);
        } catch (FsException e) {
            if (e.errno() != Errno.ENOENT) {
                throw e;
            }
        }
    }

    @Override
    public void rmdir(Caller caller, FsPath path) throws FsException {
        if (single()) {
            hashedOps(path).rmdir(caller, path);
            return;
        }
        checkOpen();
        directories.rmdir(caller, path);
    }

    @Override
    public void rename(Caller caller, FsPath from, FsPath to, int flags) throws FsException {
        if (single()) {
            hashedOps(to).rename(caller, from, to, flags);
            return;
        }
        onData(caller, from, source -> {
            if (source.isDirectory()) {
                directories.rename(caller, source, from, to, flags);
            } else {
                fileNames.rename(caller, source, from, to, flags);
            }
            return null;
        });
    }

    @Override
    public Attr link(Caller caller, FsPath existing, FsPath newPath) throws FsException {
        if (single()) {
            return hashedOps(newPath).link(caller, existing, newPath);
        }
        return onData(caller, existing, located -> fileNames.link(caller, located, existing,
                newPath));
    }

    @Override
    public Opened create(Caller caller, FsPath path, FileId id, int mode, int flags)
            throws FsException {
        if (single()) {
            return hashedOps(path).create(caller, path, id, mode, flags);
        }
        int hashed = hashed(path);
        FileOps ops = subvolumes.ops(hashed);
        try {
            // Exclusive on the subvolume, so that an existing pointer is never opened as if
            // it were the file.
            return route(hashed, copies.withDirectory(hashed, path.parent(), () -> ops.create(
                    caller, path, id, mode, flags | OpenFlags.EXCL)));
        } catch (FsException e) {
            if (e.errno() != Errno.EEXIST) {
                throw e;
            }
        }
        Located existing = locator.locateOrNull(caller, path);
        if (existing == null) {
            // Only a pointer whose data are gone stood there.
            pointers.unseal(hashed, path);
            ops.unlink(caller, path);
            return route(hashed, ops.create(caller, path, id, mode, flags | OpenFlags.EXCL));
        }
        if ((flags & OpenFlags.EXCL) != 0) {
            throw new FsException(Errno.EEXIST, path.toString());
        }
        if (existing.isDirectory()) {
            throw new FsException(Errno.EISDIR, path.toString());
        }
        int openFlags = flags & ~OpenFlags.CREAT;
        try {
            return route(existing.data(),
                    subvolumes.ops(existing.data()).open(caller, path, openFlags));
        } catch (FsException e) {
            if (e.errno() != Errno.ESTALE) {
                throw e;
            }
            return open(caller, path, openFlags);
        }
    }

    @Override
    public Opened open(Caller caller, FsPath path, int flags) throws FsException {
        if (single()) {
            return hashedOps(path).open(caller, path, flags);
        }
        return onData(caller, path, located -> route(located.data(),
                subvolumes.ops(located.data()).open(caller, path, flags)));
    }

    private Opened route(int subvolume, Opened opened) throws FsException {
        try {
            return new Opened(ROUTED | handles.add(new Route(subvolume, opened.handle())),
                    opened.attr());
        } catch (FsException e) {
            subvolumes.ops(subvolume).release(opened.handle());
            throw e;
        }
    }

    private Route route(long handle) throws FsException {
        checkOpen();
        return (handle & ROUTED) == 0 ? new Route(0, handle) : handles.get(handle & ~ROUTED);
    }

    @Override
    public byte[] read(long handle, long offset, int sizeBytes) throws FsException {
        Route route = route(handle);
        return subvolumes.ops(route.subvolume()).read(route.handle(), offset, sizeBytes);
    }

    @Override
    public int write(long handle, long offset, byte[] data) throws FsException {
        Route route = route(handle);
        return subvolumes.ops(route.subvolume()).write(route.handle(), offset, data);
    }

    @Override
    public Attr fsetattr(long handle, SetAttr changes) throws FsException {
        Route route = route(handle);
        return subvolumes.ops(route.subvolume()).fsetattr(route.handle(), changes);
    }

    @Override
    public void flush(long handle) throws FsException {
        Route route = route(handle);
        subvolumes.ops(route.subvolume()).flush(route.handle());
    }

    @Override
    public void fsync(long handle, boolean dataOnly) throws FsException {
        Route route = route(handle);
        subvolumes.ops(route.subvolume()).fsync(route.handle(), dataOnly);
    }

    @Override
    public void release(long handle) throws FsException {
        checkOpen();
        Route route = (handle & ROUTED) == 0
                ? new Route(0, handle)
                : handles.remove(handle & ~ROUTED);
        subvolumes.ops(route.subvolume()).release(route.handle());
    }

    @Override
    public void fallocate(long handle, int mode, long offset, long lengthBytes)
            throws FsException {
        Route route = route(handle);
        subvolumes.ops(route.subvolume()).fallocate(route.handle(), mode, offset, lengthBytes);
    }

    @Override
    public long lseek(long handle, long offset, int whence) throws FsException {
        Route route = route(handle);
        return subvolumes.ops(route.subvolume()).lseek(route.handle(), offset, whence);
    }

    @Override
    public DirPage readdir(Caller caller, FsPath dir, String afterName, int entriesMax)
            throws FsException {
        checkOpen();
        return listing.page(caller, dir, afterName, entriesMax);
    }

    /** The sum of the subvolumes, in the first one's block size. */
    @Override
    public StatFs statfs(Caller caller, FsPath path) throws FsException {
        checkOpen();
        if (single()) {
            return only().statfs(caller, path);
        }
        StatFs first = null;
        long blocks = 0;
        long free = 0;
        long available = 0;
        long files = 0;
        long filesFree = 0;
        int nameMax = Integer.MAX_VALUE;
        for (int i = 0; i < subvolumes.count(); i++) {
            if (subvolumes.removed(i)) {
                continue;
            }
            StatFs part = subvolumes.ops(i).statfs(caller, FsPath.ROOT);
            first = first == null ? part : first;
            long scale = part.blockSizeBytes();
            blocks += part.blocks() * scale / first.blockSizeBytes();
            free += part.blocksFree() * scale / first.blockSizeBytes();
            available += part.blocksAvailable() * scale / first.blockSizeBytes();
            files += part.files();
            filesFree += part.filesFree();
            nameMax = Math.min(nameMax, part.nameBytesMax());
        }
        return new StatFs(first.blockSizeBytes(), blocks, free, available, files, filesFree,
                nameMax);
    }

    @Override
    public byte[] getxattr(Caller caller, FsPath path, String name) throws FsException {
        if (single()) {
            return hashedOps(path).getxattr(caller, path, name);
        }
        return subvolumes.ops(locate(caller, path).data()).getxattr(caller, path, name);
    }

    @Override
    public List<String> listxattr(Caller caller, FsPath path) throws FsException {
        if (single()) {
            return hashedOps(path).listxattr(caller, path);
        }
        return subvolumes.ops(locate(caller, path).data()).listxattr(caller, path);
    }

    @Override
    public void setxattr(Caller caller, FsPath path, String name, byte[] value, int flags)
            throws FsException {
        if (single()) {
            hashedOps(path).setxattr(caller, path, name, value, flags);
            return;
        }
        Located located = locate(caller, path);
        if (located.isDirectory()) {
            directories.changeXattr(located, path,
                    copy -> copy.setxattr(caller, path, name, value, flags));
        } else {
            subvolumes.ops(located.data()).setxattr(caller, path, name, value, flags);
        }
    }

    @Override
    public void removexattr(Caller caller, FsPath path, String name) throws FsException {
        if (single()) {
            hashedOps(path).removexattr(caller, path, name);
            return;
        }
        Located located = locate(caller, path);
        if (located.isDirectory()) {
            directories.changeXattr(located, path, copy -> copy.removexattr(caller, path, name));
        } else {
            subvolumes.ops(located.data()).removexattr(caller, path, name);
        }
    }

    /** Closes every subvolume; the handles they issued go with them. */
    @Override
    public void close() {
        closed = true;
        for (int i = 0; i < subvolumes.count(); i++) {
            subvolumes.ops(i).close();
        }
    }
}
