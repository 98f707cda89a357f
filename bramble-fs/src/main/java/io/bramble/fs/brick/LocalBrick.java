package io.bramble.fs.brick;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import io.bramble.common.os.Mount;
import io.bramble.common.os.MountTable;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.AttrXattrs;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.ChangeStamps;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.DirPage;
import io.bramble.fs.ops.EntryXattrs;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.MoveSeal;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.OpenedXattrs;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.ops.StatFs;
import io.bramble.fs.ops.XattrsPage;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A brick: a folder on this node's disk that holds a volume's files as plain files and
 * folders, at the same paths as in the volume, so that they can be read and copied without
 * bramble. bramble's own metadata sits beside them: each file's id and pending-change marks in
 * extended attributes ({@link XattrNames}), and a hidden folder at the brick's root that no
 * listing shows and no path may enter:
 *
 * <pre>
 * .bramble/                  mode 0700
 * .bramble/index/pending/ID  the path of a file with a non-zero pending mark ({@link
 *                            PendingIndex}); ID is the file id as a UUID
 * .bramble/ids/INODE         without root only: ids of links and nodes ({@link IdMap})
 * </pre>
 *
 * <p>Files, folders, nodes and symbolic links a caller makes belong to the caller (and to the
 * parent's group under a set-gid parent) with exactly the mode asked for: no umask applies.
 * Every call resolves its path below the brick without following links ({@link Resolver}).
 * Errors carry the kernel's errno. Thread-safe; calls block on the disk, so the brick server
 * runs them off its event loops.
 */
public final class LocalBrick implements FileOps {
    /** The brick's own folder at its root. */
    public static final String META_DIR = ".bramble";
    /** Most bytes one read or write moves (the brick protocol's data bound). */
    public static final int IO_BYTES_MAX = 1 << 20;
    /** Most entries of one listing page; a larger request gets a page this long. */
    public static final int PAGE_ENTRIES_MAX = 4096;
    /** Most index entries {@link #pendingIndex()} returns at once. */
    public static final int PENDING_LIST_MAX = 100_000;
    /** Longest symbolic link target: PATH_MAX less its NUL. */
    static final int LINK_TARGET_BYTES_MAX = 4095;
    /** {@code XATTR_SIZE_MAX}: the kernel's bound on one attribute value. */
    static final int XATTR_VALUE_BYTES_MAX = 65_536;
    /** {@code XATTR_LIST_MAX}: the kernel's bound on a name list. */
    static final int XATTR_LIST_BYTES_MAX = 65_536;
    /** The open flags passed to the disk: access mode, truncate, append, O_DSYNC / O_SYNC. */
    private static final int OPEN_FLAGS_KEPT = OpenFlags.ACCESS_MASK | OpenFlags.TRUNC
            | OpenFlags.APPEND | OpenFlags.SYNC;
    private static final int SEEK_DATA = 3;
    private static final int SEEK_HOLE = 4;
    /** The metadata folders are the brick's alone. */
    private static final int META_DIR_MODE = 0700;
    /** Each brick opened gets the next: change counts of two openings never compare equal. */
    private static final AtomicLong EPOCHS = new AtomicLong(System.nanoTime());

    /** What the kernel appends to the /proc link of a descriptor whose file was unlinked. */
    private static final String UNLINKED_SUFFIX = " (deleted)";
    private final Path dir;
    private final boolean asRoot;
    /** The root folder's descriptor; its last release also closes the metadata folders. */
    private final SharedFd root;
    private final Resolver resolver;
    private final XattrNames names;
    private final FileIds ids;
    private final HandleTable handles;
    private final PendingMarks marks;
    private final NewEntries entries;
    private final ChangeTracker changes;
    private final AtomicBoolean closed = new AtomicBoolean();
    /**
     * Every call by path holds it shared; a {@linkplain MoveSeal seal} holds it alone, so that
     * no open or change of the sealed file slips in between its checks and its change.
     */
    private final ReentrantReadWriteLock sealing = new ReentrantReadWriteLock();

    private LocalBrick(Path dir, BrickSettings settings, SharedFd root, Stat rootStat,
            PendingIndex pending, IdMap map) {
        this.dir = dir;
        this.asRoot = settings.asRoot();
        this.root = root;
        this.resolver = new Resolver(root.fd());
        this.names = new XattrNames(settings.asRoot());
        this.ids = new FileIds(names, map, settings.random(), rootStat);
        this.handles = new HandleTable(settings.handlesMax());
        this.marks = new PendingMarks(pending, names);
        this.entries = new NewEntries(settings.asRoot(), ids);
        this.changes = new ChangeTracker(EPOCHS.incrementAndGet());
    }

    /** Opens the brick in {@code dir} with the default settings. */
    public static LocalBrick open(Path dir) throws FsException {
        return open(dir, BrickSettings.defaults());
    }

    /**
     * Opens the brick in {@code dir}, an existing folder, making its metadata folder when
     * missing. Fails when the folder's file system cannot hold extended attributes.
     */
    public static LocalBrick open(Path dir, BrickSettings settings) throws FsException {
        Path absolute = dir.toAbsolutePath().normalize();
        List<Integer> opened = new ArrayList<>();
        try {
            int rootFd = track(opened, Libc.openat(Libc.AT_FDCWD, absolute.toString(),
                    Libc.O_RDONLY | Libc.O_DIRECTORY, 0));
            Stat rootStat = Libc.fstat(rootFd);
            XattrNames names = new XattrNames(settings.asRoot());
            markRoot(rootFd, names, absolute);
            int meta = track(opened, folder(rootFd, META_DIR));
            int index = track(opened, folder(meta, "index"));
            PendingIndex pending = new PendingIndex(track(opened, folder(index, "pending")));
            IdMap map = settings.asRoot() ? null : new IdMap(track(opened, folder(meta, "ids")));
            List<Integer> all = List.copyOf(opened);
            SharedFd root = new SharedFd(rootFd, fd -> all.forEach(Libc::close));
            return new LocalBrick(absolute, settings, root, rootStat, pending, map);
        } catch (FsException e) {
            opened.forEach(Libc::close);
            throw new FsException(e.errno(), "brick " + absolute + ": " + e.getMessage());
        }
    }

    private static int track(List<Integer> opened, int fd) {
        opened.add(fd);
        return fd;
    }

    /**
     * Makes {@code dir}, an existing folder, a brick without opening it, as {@code volume
     * create} does: gives its root the id that {@link #holdsBrick} looks for.
     *
     * @throws FsException when the folder cannot be opened or holds no extended attributes
     */
    public static void claim(Path dir, BrickSettings settings) throws FsException {
        Path absolute = dir.toAbsolutePath().normalize();
        int rootFd = Libc.openat(Libc.AT_FDCWD, absolute.toString(), Libc.O_RDONLY
                | Libc.O_DIRECTORY, 0);
        try {
            markRoot(rootFd, new XattrNames(settings.asRoot()), absolute);
        } finally {
            Libc.close(rootFd);
        }
    }

    /**
     * Whether {@code dir} was made a brick ({@link #claim}, or served before): its root holds
     * a brick's id, or it holds bramble's metadata folder. An empty folder made in place of a
     * lost one does not, and must not be served as the volume's files.
     */
    public static boolean holdsBrick(Path dir, BrickSettings settings) {
        if (java.nio.file.Files.isDirectory(dir.resolve(META_DIR))) {
            return true;
        }
        try {
            return Libc.lgetxattr(dir.toAbsolutePath().normalize().toString(), new XattrNames(
                    settings.asRoot()).idOnDisk(), Scratch.mine().value) > 0;
        } catch (FsException e) {
            return false;
        }
    }

    /** Gives the root its id; this also proves the disk holds bramble's attributes. */
    private static void markRoot(int rootFd, XattrNames names, Path dir) throws FsException {
        try {
            Libc.fsetxattr(rootFd, names.idOnDisk(), FileIds.bytes(FileId.ROOT), 0);
        } catch (FsException e) {
            if (e.errno() == Errno.EOPNOTSUPP) {
                throw new FsException(e.errno(), "the file system of " + dir + " has no"
                        + " extended attributes; put bricks on ext4, xfs or btrfs");
            }
            throw e;
        }
    }

    /** Opens folder {@code name} in {@code parentFd}, making it (mode 0700) when missing. */
    private static int folder(int parentFd, String name) throws FsException {
        try {
            Libc.mkdirat(parentFd, name, META_DIR_MODE);
        } catch (FsException e) {
            if (e.errno() != Errno.EEXIST) {
                throw e;
            }
        }
        return Libc.openat(parentFd, name, Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_NOFOLLOW,
                0);
    }

    /** The brick's folder. */
    public Path dir() {
        return dir;
    }

    /** Files open now. */
    public int openFiles() {
        return handles.size();
    }

    @FunctionalInterface
    private interface Op<T> {
        T run() throws FsException;
    }

    /** Runs one call while the brick is open; its descriptors stay valid until it returns. */
    private <T> T run(Op<T> op) throws FsException {
        if (!root.retain()) {
            throw new FsException(Errno.ENOTCONN, "brick " + dir + " is closed");
        }
        sealing.readLock().lock();
        try {
            return op.run();
        } finally {
            sealing.readLock().unlock();
            root.release();
        }
    }

    @Override
    public Attr getattr(Caller caller, FsPath path) throws FsException {
        PathRules.visible(path);
        return run(() -> {
            try (Located at = resolver.locate(path)) {
                return attrAt(at.dirFd(), at.name());
            }
        });
    }

    /** The attributes and the xattrs asked for through one resolution of the path. */
    @Override
    public AttrXattrs getattrXattrs(Caller caller, FsPath path, String prefix)
            throws FsException {
        PathRules.visible(path);
        return run(() -> {
            try (Located at = resolver.locate(path)) {
                Attr attr = attrAt(at.dirFd(), at.name());
                return new AttrXattrs(attr, xattrsAt(at.dirFd(), at.name(), attr, prefix));
            }
        });
    }

    /**
     * The open and the xattrs asked for, read through the new descriptor: they are the opened
     * file's own, whatever happens to its name meanwhile.
     */
    @Override
    public OpenedXattrs openXattrs(Caller caller, FsPath path, int flags, String prefix)
            throws FsException {
        Opened opened = open(caller, path, flags);
        try {
            SharedFd file = handles.acquire(opened.handle());
            try {
                return new OpenedXattrs(opened, xattrsOf(file.fd(), opened.attr(), prefix));
            } finally {
                file.release();
            }
        } catch (FsException e) {
            handles.remove(opened.handle());
            throw e;
        }
    }

    /** The xattrs of an open file whose client names start with {@code prefix}. */
    private Map<String, byte[]> xattrsOf(int fd, Attr attr, String prefix) throws FsException {
        Map<String, byte[]> values = new HashMap<>();
        if (XattrNames.ID.startsWith(prefix)) {
            values.put(XattrNames.ID, FileIds.bytes(attr.id()));
        }
        for (String diskName : Xattrs.list(fd)) {
            String name = names.toClient(diskName);
            if (!name.startsWith(prefix) || diskName.equals(names.idOnDisk())) {
                continue;
            }
            try {
                values.put(name, Xattrs.get(fd, diskName));
            } catch (FsException e) {
                if (e.errno() != Errno.ENODATA) {
                    throw e;
                }
            }
        }
        return values;
    }

    /**
     * The xattrs of {@code name} in the folder {@code dirFd} whose client names start with
     * {@code prefix}; {@code attr} is read only when the prefix covers the file's id.
     */
    private Map<String, byte[]> xattrsAt(int dirFd, String name, Attr attr, String prefix)
            throws FsException {
        Map<String, byte[]> values = new HashMap<>();
        if (XattrNames.ID.startsWith(prefix)) {
            values.put(XattrNames.ID, FileIds.bytes(attr.id()));
        }
        for (String diskName : Xattrs.list(dirFd, name)) {
            String clientName = names.toClient(diskName);
            if (!clientName.startsWith(prefix) || diskName.equals(names.idOnDisk())) {
                continue;
            }
            try {
                values.put(clientName, Xattrs.get(dirFd, name, diskName));
            } catch (FsException e) {
                if (e.errno() != Errno.ENODATA) {
                    throw e;
                }
            }
        }
        return values;
    }

    private Attr attrAt(int dirFd, String name) throws FsException {
        Stat stat = Libc.statx(dirFd, name, Libc.AT_SYMLINK_NOFOLLOW);
        return stat.attr(ids.idAt(dirFd, name, stat));
    }

    @Override
    public Attr setattr(Caller caller, FsPath path, SetAttr changes) throws FsException {
        PathRules.changeable(path);
        return run(() -> {
            try (Located at = resolver.locate(path);
                    ChangeTracker.Change change = changeOf(at)) {
                refuseSealed(at);
                if (changes.uid().isPresent() || changes.gid().isPresent()) {
                    Libc.fchownat(at.dirFd(), at.name(), changes.uid().orElse(-1), changes.gid()
                            .orElse(-1), Libc.AT_SYMLINK_NOFOLLOW);
                }
                if (changes.permissions().isPresent()) {
                    Nodes.chmod(at, changes.permissions().getAsInt()
                            & FileType.PERMISSION_MASK);
                }
                if (changes.sizeBytes().isPresent()) {
                    truncate(at, changes.sizeBytes().getAsLong());
                }
                if (changes.atimeNs().isPresent() || changes.mtimeNs().isPresent()) {
                    Libc.utimensat(at.dirFd(), at.name(), time(changes.atimeNs()), time(
                            changes.mtimeNs()));
                }
                return attrAt(at.dirFd(), at.name());
            }
        });
    }

    private static long time(OptionalLong change) {
        if (change.isEmpty()) {
            return Libc.UTIME_OMIT;
        }
        return change.getAsLong() == SetAttr.NOW ? Libc.UTIME_NOW : change.getAsLong();
    }

    private static void truncate(Located at, long size) throws FsException {
        if (size < 0) {
            throw new FsException(Errno.EINVAL, "size " + size);
        }
        int fd = Nodes.openRegular(at, OpenFlags.WRONLY);
        try {
            Libc.ftruncate(fd, size);
        } finally {
            Libc.close(fd);
        }
    }

    @Override
    public Attr mkdir(Caller caller, FsPath path, FileId id, int mode) throws FsException {
        PathRules.creatable(path);
        return run(() -> {
            try (Located at = resolver.locate(path);
                    ChangeTracker.Change change = entryChangeOf(at)) {
                return entries.folder(caller, at, id, mode);
            }
        });
    }

    @Override
    public Attr mknod(Caller caller, FsPath path, FileId id, int mode, long rdev)
            throws FsException {
        PathRules.creatable(path);
        FileType type = typeOf(mode);
        if (type == FileType.DIRECTORY || type == FileType.SYMLINK) {
            throw new FsException(Errno.EINVAL, "mknod of a " + type);
        }
        return run(() -> {
            try (Located at = resolver.locate(path);
                    ChangeTracker.Change change = entryChangeOf(at)) {
                if (type == FileType.REGULAR) {
                    NewEntries.Settled file = entries.regular(caller, at, id, mode,
                            OpenFlags.WRONLY);
                    Libc.close(file.fd());
                    return file.attr();
                }
                return entries.node(caller, at, id, type, mode, rdev);
            }
        });
    }

    private static FileType typeOf(int mode) throws FsException {
        try {
            return FileType.of(mode);
        } catch (IllegalArgumentException e) {
            throw new FsException(Errno.EINVAL, e.getMessage());
        }
    }

    @Override
    public Attr symlink(Caller caller, FsPath path, FileId id, String target)
            throws FsException {
        PathRules.creatable(path);
        int targetBytes = target.getBytes(StandardCharsets.UTF_8).length;
        if (targetBytes == 0 || target.indexOf('\0') >= 0) {
            throw new FsException(Errno.EINVAL, "symbolic link target '" + target + "'");
        }
        if (targetBytes > LINK_TARGET_BYTES_MAX) {
            throw new FsException(Errno.ENAMETOOLONG, "link target of " + targetBytes
                    + " bytes");
        }
        return run(() -> {
            try (Located at = resolver.locate(path);
                    ChangeTracker.Change change = entryChangeOf(at)) {
                return entries.symlink(caller, at, id, target);
            }
        });
    }

    @Override
    public String readlink(Caller caller, FsPath path) throws FsException {
        PathRules.visible(path);
        return run(() -> {
            try (Located at = resolver.locate(path)) {
                return new String(Libc.readlinkat(at.dirFd(), at.name()),
                        StandardCharsets.UTF_8);
            }
        });
    }

    @Override
    public void unlink(Caller caller, FsPath path) throws FsException {
        PathRules.removable(path, Errno.EISDIR);
        remove(path, 0);
    }

    @Override
    public void rmdir(Caller caller, FsPath path) throws FsException {
        PathRules.removable(path, Errno.EBUSY);
        remove(path, Libc.AT_REMOVEDIR);
    }

    /** Reads the xattrs through the resolution the removal makes, within its change. */
    @Override
    public Map<String, byte[]> unlinkXattrs(Caller caller, FsPath path, String prefix)
            throws FsException {
        PathRules.removable(path, Errno.EISDIR);
        return remove(path, 0, prefix);
    }

    @Override
    public Map<String, byte[]> rmdirXattrs(Caller caller, FsPath path, String prefix)
            throws FsException {
        PathRules.removable(path, Errno.EBUSY);
        return remove(path, Libc.AT_REMOVEDIR, prefix);
    }

    private void remove(FsPath path, int flags) throws FsException {
        remove(path, flags, null);
    }

    /** Removes {@code path}; returns its xattrs under {@code prefix} (none when null). */
    private Map<String, byte[]> remove(FsPath path, int flags, String prefix)
            throws FsException {
        return run(() -> {
            try (Located at = resolver.locate(path);
                    ChangeTracker.Change change = entryChangeOf(at)) {
                if (flags == 0) {
                    refuseSealed(at);
                }
                Map<String, byte[]> xattrs = Map.of();
                if (prefix != null) {
                    Attr attr = XattrNames.ID.startsWith(prefix)
                            ? attrAt(at.dirFd(), at.name())
                            : null;
                    xattrs = xattrsAt(at.dirFd(), at.name(), attr, prefix);
                }
                Known gone = known(at);
                Libc.unlinkat(at.dirFd(), at.name(), flags);
                forgetIfLast(gone);
                return xattrs;
            }
        });
    }

    @Override
    public void rename(Caller caller, FsPath from, FsPath to, int flags) throws FsException {
        if ((flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE)) != 0
                || flags == (RENAME_NOREPLACE | RENAME_EXCHANGE)) {
            throw new FsException(Errno.EINVAL, "rename flags " + flags);
        }
        PathRules.removable(from, Errno.EBUSY);
        PathRules.removable(to, Errno.EBUSY);
        run(() -> {
            try (Located source = resolver.locate(from);
                    Located target = resolver.locate(to);
                    ChangeTracker.Change leaving = entryChangeOf(source);
                    ChangeTracker.Change arriving = entryChangeOf(target)) {
                refuseSealed(source);
                Known moving = known(source);
                Known replaced = known(target);
                if (moving != null && replaced != null && moving.id.equals(replaced.id)) {
                    replaced = null; // two names of one file: rename(2) changes nothing
                }
                Libc.renameat2(source.dirFd(), source.name(), target.dirFd(), target.name(),
                        flags);
                if (moving != null) {
                    marks.moved(moving.id, to);
                }
                if (replaced != null && (flags & RENAME_EXCHANGE) != 0) {
                    marks.moved(replaced.id, from);
                } else {
                    forgetIfLast(replaced);
                }
                return null;
            }
        });
    }

    /** A file about to lose a name, looked at only when the index or the id map may hold it. */
    private record Known(Stat stat, FileId id) {}

    private Known known(Located at) throws FsException {
        if (marks.isEmpty() && asRoot) {
            return null;
        }
        try {
            Stat stat = Libc.statx(at.dirFd(), at.name(), Libc.AT_SYMLINK_NOFOLLOW);
            FileId id = ids.peekAt(at.dirFd(), at.name(), stat);
            return id == null ? null : new Known(stat, id);
        } catch (FsException e) {
            if (e.errno() == Errno.ENOENT) {
                return null;
            }
            throw e;
        }
    }

    /** After a name went away: a file with no name left leaves the index and the id map. */
    private void forgetIfLast(Known gone) throws FsException {
        if (gone == null || (!gone.stat.isDirectory() && gone.stat.nlink() > 1)) {
            return;
        }
        marks.forget(gone.id);
        ids.forget(gone.stat);
    }

    @Override
    public Attr link(Caller caller, FsPath existing, FsPath newPath) throws FsException {
        PathRules.removable(existing, Errno.EPERM);
        PathRules.creatable(newPath);
        return run(() -> {
            try (Located source = resolver.locate(existing);
                    Located target = resolver.locate(newPath);
                    ChangeTracker.Change change = entryChangeOf(target)) {
                refuseSealed(source);
                Libc.linkat(source.dirFd(), source.name(), target.dirFd(), target.name(), 0);
                return attrAt(target.dirFd(), target.name());
            }
        });
    }

    @Override
    public Opened create(Caller caller, FsPath path, FileId id, int mode, int flags)
            throws FsException {
        PathRules.creatable(path);
        return run(() -> {
            try (Located at = resolver.locate(path);
                    ChangeTracker.Change change = entryChangeOf(at)) {
                NewEntries.Settled file;
                try {
                    file = entries.regular(caller, at, id, mode, flags & OPEN_FLAGS_KEPT
                            & ~OpenFlags.TRUNC);
                } catch (FsException e) {
                    if (e.errno() == Errno.EEXIST && (flags & OpenFlags.EXCL) == 0) {
                        return openAt(at, flags);
                    }
                    throw e;
                }
                return register(file.fd(), Libc.fstat(file.fd()).inode(), file.attr(), () -> {
                    NewEntries.undo(at, 0);
                    return null;
                });
            }
        });
    }

    @Override
    public Opened open(Caller caller, FsPath path, int flags) throws FsException {
        PathRules.visible(path);
        return run(() -> {
            try (Located at = resolver.locate(path)) {
                return openAt(at, flags);
            }
        });
    }

    private Opened openAt(Located at, int flags) throws FsException {
        int fd;
        if ((flags & OpenFlags.TRUNC) != 0) {
            try (ChangeTracker.Change change = changeOf(at)) {
                fd = Nodes.openFile(at, flags & OPEN_FLAGS_KEPT);
            }
        } else {
            fd = Nodes.openFile(at, flags & OPEN_FLAGS_KEPT);
        }
        try {
            Stat stat = Libc.fstat(fd);
            refuseSealed(stat, () -> Xattrs.get(fd, names.toDisk(MoveSeal.SEALED)));
            return register(fd, stat.inode(), stat.attr(ids.idOf(fd, stat)), null);
        } catch (FsException e) {
            Libc.close(fd);
            throw e;
        }
    }

    /** Gives {@code fd} a handle; when the table is full, closes it and runs {@code undo}. */
    private Opened register(int fd, long inode, Attr attr, Op<Void> undo) throws FsException {
        try {
            return new Opened(handles.add(new SharedFd(fd, inode, attr.id())), attr);
        } catch (FsException e) {
            Libc.close(fd);
            if (undo != null) {
                undo.run();
            }
            throw e;
        }
    }

    @Override
    public byte[] read(long handle, long offset, int sizeBytes) throws FsException {
        if (sizeBytes < 0 || sizeBytes > IO_BYTES_MAX || offset < 0) {
            throw new FsException(Errno.EINVAL, "read of " + sizeBytes + " at " + offset);
        }
        SharedFd file = handles.acquire(handle);
        try {
            MemorySegment buffer = Scratch.mine().data(sizeBytes);
            int total = 0;
            while (total < sizeBytes) {
                int n = Libc.pread(file.fd(), buffer.asSlice(total, sizeBytes - total), offset
                        + total);
                if (n == 0) {
                    break;
                }
                total += n;
            }
            return buffer.asSlice(0, total).toArray(JAVA_BYTE);
        } finally {
            file.release();
        }
    }

    @Override
    public int write(long handle, long offset, byte[] data) throws FsException {
        if (data.length > IO_BYTES_MAX || offset < 0) {
            throw new FsException(Errno.EINVAL, "write of " + data.length + " at " + offset);
        }
        SharedFd file = handles.acquire(handle);
        try (ChangeTracker.Change change = changes.begin(file.inode())) {
            MemorySegment buffer = Scratch.mine().data(data.length);
            MemorySegment.copy(data, 0, buffer, JAVA_BYTE, 0, data.length);
            int total = 0;
            while (total < data.length) {
                total += Libc.pwrite(file.fd(), buffer.asSlice(total, data.length - total),
                        offset + total);
            }
            return total;
        } finally {
            file.release();
        }
    }

    /** Nothing is buffered here: a flush only checks the handle. */
    @Override
    public void flush(long handle) throws FsException {
        handles.acquire(handle).release();
    }

    @Override
    public void fsync(long handle, boolean dataOnly) throws FsException {
        SharedFd file = handles.acquire(handle);
        try {
            Libc.fsync(file.fd(), dataOnly);
        } finally {
            file.release();
        }
    }

    @Override
    public void release(long handle) throws FsException {
        handles.remove(handle);
    }

    @Override
    public void fallocate(long handle, int mode, long offset, long lengthBytes)
            throws FsException {
        SharedFd file = handles.acquire(handle);
        try (ChangeTracker.Change change = changes.begin(file.inode())) {
            Libc.fallocate(file.fd(), mode, offset, lengthBytes);
        } finally {
            file.release();
        }
    }

    /** Through the open file's descriptor: the file may have no name left. */
    @Override
    public Attr fsetattr(long handle, SetAttr changes) throws FsException {
        SharedFd file = handles.acquire(handle);
        try (ChangeTracker.Change change = this.changes.begin(file.inode())) {
            int fd = file.fd();
            if (changes.uid().isPresent() || changes.gid().isPresent()) {
                Libc.fchown(fd, changes.uid().orElse(-1), changes.gid().orElse(-1));
            }
            if (changes.permissions().isPresent()) {
                Libc.fchmod(fd, changes.permissions().getAsInt() & FileType.PERMISSION_MASK);
            }
            if (changes.sizeBytes().isPresent()) {
                long size = changes.sizeBytes().getAsLong();
                if (size < 0) {
                    throw new FsException(Errno.EINVAL, "size " + size);
                }
                Libc.ftruncate(fd, size);
            }
            if (changes.atimeNs().isPresent() || changes.mtimeNs().isPresent()) {
                Libc.futimens(fd, time(changes.atimeNs()), time(changes.mtimeNs()));
            }
            Stat stat = Libc.fstat(fd);
            return stat.attr(ids.idOf(fd, stat));
        } finally {
            file.release();
        }
    }

    @Override
    public long lseek(long handle, long offset, int whence) throws FsException {
        if (whence != SEEK_DATA && whence != SEEK_HOLE) {
            throw new FsException(Errno.EINVAL, "whence " + whence);
        }
        SharedFd file = handles.acquire(handle);
        try {
            return Libc.lseek(file.fd(), offset, whence);
        } finally {
            file.release();
        }
    }

    @Override
    public DirPage readdir(Caller caller, FsPath dirPath, String afterName, int entriesMax)
            throws FsException {
        checkListing(dirPath, entriesMax);
        return run(() -> firstPageStillThere(dirPath, afterName, entriesMax, (fd, page) -> {
            List<DirEntry> entries = new ArrayList<>();
            for (String name : page.names()) {
                try {
                    entries.add(new DirEntry(name, attrAt(fd, name)));
                } catch (FsException e) {
                    if (e.errno() != Errno.ENOENT) { // removed while listed: not listed
                        throw e;
                    }
                }
            }
            return entries.isEmpty() && !page.complete()
                    ? null
                    : new DirPage(entries,
                            page.complete());
        }));
    }

    /** A page of names with their attributes and xattrs, read through one open folder. */
    @Override
    public XattrsPage readdirXattrs(Caller caller, FsPath dirPath, String afterName,
            int entriesMax, String prefix) throws FsException {
        checkListing(dirPath, entriesMax);
        return run(() -> firstPageStillThere(dirPath, afterName, entriesMax, (fd, page) -> {
            XattrsPage.Filling filling = new XattrsPage.Filling();
            for (String name : page.names()) {
                AttrXattrs read;
                try {
                    Attr attr = attrAt(fd, name);
                    read = new AttrXattrs(attr, xattrsAt(fd, name, attr, prefix));
                } catch (FsException e) {
                    if (e.errno() != Errno.ENOENT) { // removed while listed: not listed
                        throw e;
                    }
                    continue;
                }
                if (!filling.offer(new EntryXattrs(name, read))) {
                    break;
                }
            }
            XattrsPage read = filling.page(page.complete());
            return read.entries().isEmpty() && !read.complete() ? null : read;
        }));
    }

    /** Makes a listing page of the names {@code page} picked in the open folder {@code fd}. */
    @FunctionalInterface
    private interface PageRead<P> {
        /** The page; null when it would be empty yet not the last (every name was removed). */
        P read(int fd, PageSelector page) throws FsException;
    }

    /**
     * The first page after {@code afterName} that {@code read} makes of names still there. An
     * empty page would end the listing, so a page whose every name was removed while it was
     * read gives way to the next; this ends, as each round starts past the one before.
     */
    private <P> P firstPageStillThere(FsPath dirPath, String afterName, int entriesMax,
            PageRead<P> read) throws FsException {
        String after = afterName;
        while (true) {
            int fd = resolver.openDirectory(dirPath);
            try {
                PageSelector page = pageOf(fd, dirPath, after, entriesMax);
                P made = read.read(fd, page);
                if (made != null) {
                    return made;
                }
                after = page.lastName();
            } finally {
                Libc.close(fd);
            }
        }
    }

    private static void checkListing(FsPath dirPath, int entriesMax) throws FsException {
        PathRules.visible(dirPath);
        if (entriesMax < 1) {
            throw new FsException(Errno.EINVAL, "a page of " + entriesMax + " entries");
        }
    }

    /** The names of the page after {@code afterName} in the open folder {@code fd}. */
    private static PageSelector pageOf(int fd, FsPath dirPath, String afterName,
            int entriesMax) throws FsException {
        PageSelector page = new PageSelector(afterName, Math.min(entriesMax,
                PAGE_ENTRIES_MAX));
        boolean atRoot = dirPath.isRoot();
        DirNames.forEach(fd, name -> {
            if (!(atRoot && name.equals(META_DIR))) {
                page.offer(name);
            }
        });
        return page;
    }

    @Override
    public StatFs statfs(Caller caller, FsPath path) throws FsException {
        PathRules.visible(path);
        return run(() -> Libc.fstatvfs(root.fd()).statFs());
    }

    @Override
    public byte[] getxattr(Caller caller, FsPath path, String name) throws FsException {
        PathRules.visible(path);
        if (name.equals(XattrNames.ID)) {
            return FileIds.bytes(getattr(caller, path).id());
        }
        if (name.startsWith(ChangeStamps.WHERE_PREFIX) && path.isRoot()) {
            return where(caller, name.substring(ChangeStamps.WHERE_PREFIX.length()));
        }
        if (name.equals(ChangeStamps.STAMP)) {
            return run(() -> {
                try (Located at = resolver.locate(path)) {
                    return changes.stamp(inodeAt(at));
                }
            });
        }
        String diskName = names.toDisk(name);
        return run(() -> {
            try (Located at = resolver.locate(path)) {
                return Xattrs.get(at.dirFd(), at.name(), diskName);
            }
        });
    }

    @Override
    public List<String> listxattr(Caller caller, FsPath path) throws FsException {
        PathRules.visible(path);
        return run(() -> {
            try (Located at = resolver.locate(path)) {
                attrAt(at.dirFd(), at.name()); // the id is listed: assign it when missing
                List<String> listed = new ArrayList<>();
                listed.add(XattrNames.ID);
                for (String diskName : Xattrs.list(at.dirFd(), at.name())) {
                    if (!diskName.equals(names.idOnDisk())) {
                        listed.add(names.toClient(diskName));
                    }
                }
                return listed;
            }
        });
    }

    @Override
    public void setxattr(Caller caller, FsPath path, String name, byte[] value, int flags)
            throws FsException {
        PathRules.changeable(path);
        internalNameGuard(name);
        if (value.length > XATTR_VALUE_BYTES_MAX) {
            throw new FsException(Errno.E2BIG, "an attribute value of " + value.length
                    + " bytes");
        }
        if (name.equals(ChangeStamps.CLEAR_IF_UNCHANGED)) {
            clearIfUnchanged(path, value);
            return;
        }
        if (name.equals(MoveSeal.SEAL)) {
            seal(path, value);
            return;
        }
        String diskName = names.toDisk(name);
        run(() -> {
            try (Located at = resolver.locate(path);
                    ChangeTracker.Change change = changeOf(at)) {
                if (!XattrNames.isPending(name)) {
                    Xattrs.set(at.dirFd(), at.name(), diskName, value, flags);
                    return null;
                }
                marks.set(at, path, attrAt(at.dirFd(), at.name()).id(), diskName, value, flags);
                return null;
            }
        });
    }

    @Override
    public void removexattr(Caller caller, FsPath path, String name) throws FsException {
        PathRules.changeable(path);
        internalNameGuard(name);
        String diskName = names.toDisk(name);
        run(() -> {
            try (Located at = resolver.locate(path);
                    ChangeTracker.Change change = changeOf(at)) {
                if (!XattrNames.isPending(name)) {
                    Xattrs.remove(at.dirFd(), at.name(), diskName);
                    return null;
                }
                marks.remove(at, attrAt(at.dirFd(), at.name()).id(), diskName);
                return null;
            }
        });
    }

    /**
     * Clears the pending marks named in {@code request} ({@link ChangeStamps#clearRequest})
     * when the file's change count still matches its stamp and no change is in progress;
     * EAGAIN when it does not, for the heal to copy the file again.
     */
    private void clearIfUnchanged(FsPath path, byte[] request) throws FsException {
        if (request.length < ChangeStamps.STAMP_BYTES) {
            throw new FsException(Errno.EINVAL, "a clear request starts with a stamp");
        }
        byte[] stamp = Arrays.copyOf(request, ChangeStamps.STAMP_BYTES);
        List<String> cleared = new ArrayList<>();
        for (int i = ChangeStamps.STAMP_BYTES; i < request.length; i++) {
            cleared.add(names.toDisk(XattrNames.PENDING_PREFIX + request[i]));
        }
        run(() -> {
            try (Located at = resolver.locate(path)) {
                Stat stat = Libc.statx(at.dirFd(), at.name(), Libc.AT_SYMLINK_NOFOLLOW);
                if (!marks.clearIf(at, ids.idAt(at.dirFd(), at.name(), stat), cleared,
                        () -> changes.unchanged(stamp, stat.inode()))) {
                    throw new FsException(Errno.EAGAIN, path + " changed during its heal");
                }
                return null;
            }
        });
    }

    /**
     * Turns the file at {@code path} into a pointer ({@link MoveSeal}) if it did not change
     * since the stamp {@code request} carries and nobody has it open, with every other call by
     * path held back meanwhile.
     */
    private void seal(FsPath path, byte[] request) throws FsException {
        byte[] stamp = MoveSeal.stamp(request);
        byte[] linkto = MoveSeal.linkto(request);
        sealing.writeLock().lock();
        try {
            run(() -> {
                try (Located at = resolver.locate(path)) {
                    Stat stat = Libc.statx(at.dirFd(), at.name(), Libc.AT_SYMLINK_NOFOLLOW);
                    if (!changes.unchanged(stamp, stat.inode())) {
                        throw new FsException(Errno.EAGAIN, path + " changed during its move");
                    }
                    if (stat.nlink() != 1 || handles.openOn(stat.inode())) {
                        throw new FsException(Errno.EBUSY, path + " is open or linked");
                    }
                    // The linkto first: a crash before the truncation leaves both copies whole.
                    Xattrs.set(at.dirFd(), at.name(), names.toDisk(MoveSeal.LINKTO), linkto, 0);
                    Xattrs.set(at.dirFd(), at.name(), names.toDisk(MoveSeal.SEALED), new byte[1],
                            0);
                    Nodes.chmod(at, MoveSeal.POINTER_PERMISSIONS);
                    truncate(at, 0);
                    return null;
                }
            });
        } finally {
            sealing.writeLock().unlock();
        }
    }

    /**
     * ESTALE when {@code stat} is a pointer a move sealed ({@link MoveSeal#SEALED}): the client
     * found the file's data here before they moved, and must look again. Opens, attribute
     * changes, unlinks, renames and links from it are refused; a client that means the
     * pointer itself removes the mark first.
     */
    private void refuseSealed(Located at) throws FsException {
        refuseSealed(Libc.statx(at.dirFd(), at.name(), Libc.AT_SYMLINK_NOFOLLOW),
                () -> Xattrs.get(at.dirFd(), at.name(), names.toDisk(MoveSeal.SEALED)));
    }

    private static void refuseSealed(Stat stat, Op<byte[]> sealedMark) throws FsException {
        if (stat.mode() != (FileType.REGULAR.modeBits() | MoveSeal.POINTER_PERMISSIONS)) {
            return;
        }
        try {
            sealedMark.run();
        } catch (FsException e) {
            if (e.errno() == Errno.ENODATA) {
                return;
            }
            throw e;
        }
        throw new FsException(Errno.ESTALE, "moved to another subvolume");
    }

    /**
     * The path of the marked or open file {@code id} ({@link ChangeStamps#WHERE_PREFIX}).
     */
    private byte[] where(Caller caller, String id) throws FsException {
        FileId wanted;
        try {
            wanted = FileId.of(java.util.UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new FsException(Errno.EINVAL, "file id '" + id + "'");
        }
        java.util.Optional<FsPath> path = run(() -> marks.pathOf(wanted));
        if (path.isEmpty()) {
            path = openPath(wanted);
        }
        if (path.isEmpty()) {
            throw new FsException(Errno.ENODATA, "no marked file " + id);
        }
        try {
            if (getattr(caller, path.get()).id().equals(wanted)) {
                return path.get().toString().getBytes(StandardCharsets.UTF_8);
            }
        } catch (FsException e) {
            if (e.errno() != Errno.ENOENT && e.errno() != Errno.ENOTDIR) {
                throw e;
            }
        }
        throw new FsException(Errno.ENODATA, "marked file " + id + " moved from " + path.get());
    }

    /**
     * Where a file that a handle holds open is linked now, as the kernel names its descriptor
     * in /proc; empty when no handle is open on it or it is linked nowhere (unlinked).
     */
    private java.util.Optional<FsPath> openPath(FileId id) {
        SharedFd file = handles.acquireOpen(id);
        if (file == null) {
            return java.util.Optional.empty();
        }
        try {
            Path target = java.nio.file.Files.readSymbolicLink(Path.of("/proc/self/fd",
                    Integer.toString(file.fd())));
            Path real = dir.toRealPath();
            if (!target.startsWith(real) || target.equals(real)
                    || target.getFileName().toString().endsWith(UNLINKED_SUFFIX)) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(FsPath.parse("/" + real.relativize(target)));
        } catch (IOException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        } finally {
            file.release();
        }
    }

    /** A change of the file {@code at} names, counted for the heal. */
    private ChangeTracker.Change changeOf(Located at) throws FsException {
        return changes.begin(inodeAt(at));
    }

    /** A change of the entries of the folder that holds {@code at}. */
    private ChangeTracker.Change entryChangeOf(Located at) throws FsException {
        return changes.begin(Libc.fstat(at.dirFd()).inode());
    }

    private static long inodeAt(Located at) throws FsException {
        return Libc.statx(at.dirFd(), at.name(), Libc.AT_SYMLINK_NOFOLLOW).inode();
    }

    /** The id is the brick's to set: a client changing it would break every replica. */
    private static void internalNameGuard(String name) throws FsException {
        if (name.equals(XattrNames.ID)) {
            throw new FsException(Errno.EPERM, name + " is set at creation only");
        }
    }

    /** Files with a non-zero pending mark, for the heal; at most {@link #PENDING_LIST_MAX}. */
    public List<PendingFile> pendingIndex() throws FsException {
        return pendingIndex(PENDING_LIST_MAX);
    }

    /** Up to {@code entriesMax} files with a non-zero pending mark, in no particular order. */
    public List<PendingFile> pendingIndex(int entriesMax) throws FsException {
        return run(() -> marks.list(entriesMax));
    }

    /**
     * Whether the brick's folder is still the one opened: false once it was removed, or
     * replaced by another folder of that name (a disk unmounted under it, a folder made
     * anew), when the brick would serve files that are not the volume's.
     */
    public boolean folderIntact() {
        try {
            Stat opened = Libc.fstat(root.fd());
            Stat now = Libc.statx(Libc.AT_FDCWD, dir.toString(), 0);
            return opened.inode() == now.inode() && opened.deviceMajor() == now.deviceMajor()
                    && opened.deviceMinor() == now.deviceMinor();
        } catch (FsException e) {
            return false;
        }
    }

    /** How many files the index of marked files holds ({@link #pendingIndex}). */
    public long pendingCount() {
        return marks.count();
    }

    /** The brick's disk: space, inodes, device, and whether it is the root file system. */
    public BrickFacts facts() throws FsException {
        return run(() -> {
            DiskSpace space = Libc.fstatvfs(root.fd());
            Stat self = Libc.fstat(root.fd());
            Stat slash = Libc.statx(Libc.AT_FDCWD, "/", 0);
            boolean onRoot = self.deviceMajor() == slash.deviceMajor()
                    && self.deviceMinor() == slash.deviceMinor();
            Mount mount = MountTable.read().holding(self.deviceMajor(), self.deviceMinor(),
                    dir).orElse(null);
            long block = space.blockSizeBytes();
            return new BrickFacts(dir, mount == null ? "unknown" : mount.source(),
                    self.deviceMajor(), self.deviceMinor(), mount == null
                            ? "unknown"
                            : mount.fileSystemType(),
                    mount == null ? "" : mount.options(),
                    onRoot, block, space.blocks() * block, space.blocksFree() * block, space
                            .blocksAvailable() * block,
                    space.inodes(), space.inodesFree());
        });
    }

    /** Closes every open file and the brick; later calls fail with ENOTCONN. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            handles.removeAll();
            root.release();
        }
    }
}
