package io.bramble.fs.fuse;

import io.bramble.fs.ops.Attr;
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
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.ops.StatFs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A {@link FileOps} over a local directory through java.nio, for measuring what the FUSE
 * client costs on top of a disk. Ids come from inode numbers; only user.* xattrs; no
 * rename flags, devices or sparse-file seeks. Good enough for throughput, not for POSIX.
 */
final class PassThroughFileOps implements FileOps {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final Path base;
    private final Map<Long, FileChannel> handles = new ConcurrentHashMap<>();
    /** The path each handle was opened by: Java changes attributes by path only. */
    private final Map<Long, FsPath> paths = new ConcurrentHashMap<>();
    private final AtomicLong nextHandle = new AtomicLong(1);

    PassThroughFileOps(Path base) {
        this.base = base;
    }

    private Path local(FsPath path) {
        Path local = base;
        for (String name : path.names()) {
            local = local.resolve(name);
        }
        return local;
    }

    private static FsException failure(IOException e) {
        int errno = switch (e) {
            case NoSuchFileException n -> Errno.ENOENT;
            case FileAlreadyExistsException f -> Errno.EEXIST;
            case DirectoryNotEmptyException d -> Errno.ENOTEMPTY;
            case NotDirectoryException d -> Errno.ENOTDIR;
            case AccessDeniedException a -> Errno.EACCES;
            default -> Errno.EIO;
        };
        return new FsException(errno, String.valueOf(e.getMessage()));
    }

    private Attr attr(Path local, boolean root) throws FsException {
        try {
            Map<String, Object> a = Files.readAttributes(local, "unix:*", NOFOLLOW);
            long ino = (Long) a.get("ino");
            FileId id = root ? FileId.ROOT : new FileId((Long) a.get("dev"), ino);
            long size = (Long) a.get("size");
            return new Attr(id, (Integer) a.get("mode"), (Integer) a.get("nlink"),
                    (Integer) a.get("uid"), (Integer) a.get("gid"), (Long) a.get("rdev"), size,
                    (size + 511) / 512, nanos(a.get("lastAccessTime")),
                    nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")));
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }

    private Attr attr(FsPath path) throws FsException {
        return attr(local(path), path.isRoot());
    }

    private Attr owned(Caller caller, FsPath path) throws FsException {
        try {
            Files.setAttribute(local(path), "unix:uid", caller.uid(), NOFOLLOW);
            Files.setAttribute(local(path), "unix:gid", caller.gid(), NOFOLLOW);
        } catch (IOException e) {
            throw failure(e);
        }
        return attr(path);
    }

    @Override
    public Attr getattr(Caller caller, FsPath path) throws FsException {
        return attr(path);
    }

    @Override
    public Attr setattr(Caller caller, FsPath path, SetAttr changes) throws FsException {
        Path local = local(path);
        try {
            if (changes.permissions().isPresent()) {
                Files.setAttribute(local, "unix:mode", changes.permissions().getAsInt());
            }
            if (changes.uid().isPresent()) {
                Files.setAttribute(local, "unix:uid", changes.uid().getAsInt(), NOFOLLOW);
            }
            if (changes.gid().isPresent()) {
                Files.setAttribute(local, "unix:gid", changes.gid().getAsInt(), NOFOLLOW);
            }
            if (changes.sizeBytes().isPresent()) {
                try (FileChannel channel = FileChannel.open(local, StandardOpenOption.WRITE)) {
                    long size = changes.sizeBytes().getAsLong();
                    if (size < channel.size()) {
                        channel.truncate(size);
                    } else if (size > channel.size()) {
                        channel.write(ByteBuffer.allocate(1), size - 1);
                    }
                }
            }
            FileTime now = FileTime.fromMillis(System.currentTimeMillis());
            FileTime mtime = time(changes.mtimeNs().isPresent()
                    ? changes.mtimeNs().getAsLong()
                    : null, now);
            FileTime atime = time(changes.atimeNs().isPresent()
                    ? changes.atimeNs().getAsLong()
                    : null, now);
            if (mtime != null || atime != null) {
                Files.getFileAttributeView(local,
                        java.nio.file.attribute.BasicFileAttributeView.class, NOFOLLOW)
                        .setTimes(mtime, atime, null);
            }
        } catch (IOException e) {
            throw failure(e);
        }
        return attr(path);
    }

    private static FileTime time(Long ns, FileTime now) {
        if (ns == null) {
            return null;
        }
        return ns == SetAttr.NOW ? now : FileTime.from(ns, TimeUnit.NANOSECONDS);
    }

    @Override
    public Attr mkdir(Caller caller, FsPath path, FileId id, int mode) throws FsException {
        try {
            Files.createDirectory(local(path));
            Files.setAttribute(local(path), "unix:mode", mode);
        } catch (IOException e) {
            throw failure(e);
        }
        return owned(caller, path);
    }

    @Override
    public Attr mknod(Caller caller, FsPath path, FileId id, int mode, long rdev)
            throws FsException {
        if ((mode & 0170000) != 0100000) {
            throw new FsException(Errno.EPERM, "only regular files");
        }
        try {
            Files.createFile(local(path));
            Files.setAttribute(local(path), "unix:mode", mode & 07777);
        } catch (IOException e) {
            throw failure(e);
        }
        return owned(caller, path);
    }

    @Override
    public Attr symlink(Caller caller, FsPath path, FileId id, String target)
            throws FsException {
        try {
            Files.createSymbolicLink(local(path), Path.of(target));
        } catch (IOException e) {
            throw failure(e);
        }
        return owned(caller, path);
    }

    @Override
    public String readlink(Caller caller, FsPath path) throws FsException {
        try {
            return Files.readSymbolicLink(local(path)).toString();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void unlink(Caller caller, FsPath path) throws FsException {
        delete(path);
    }

    @Override
    public void rmdir(Caller caller, FsPath path) throws FsException {
        delete(path);
    }

    private void delete(FsPath path) throws FsException {
        try {
            Files.delete(local(path));
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void rename(Caller caller, FsPath from, FsPath to, int flags) throws FsException {
        if ((flags & RENAME_EXCHANGE) != 0) {
            throw new FsException(Errno.EINVAL, "no exchange");
        }
        if ((flags & RENAME_NOREPLACE) != 0 && Files.exists(local(to), NOFOLLOW)) {
            throw new FsException(Errno.EEXIST, to.toString());
        }
        try {
            Files.move(local(from), local(to), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public Attr link(Caller caller, FsPath existing, FsPath newPath) throws FsException {
        try {
            Files.createLink(local(newPath), local(existing));
        } catch (IOException e) {
            throw failure(e);
        }
        return attr(newPath);
    }

    @Override
    public Opened create(Caller caller, FsPath path, FileId id, int mode, int flags)
            throws FsException {
        boolean existed = Files.exists(local(path), NOFOLLOW);
        Opened opened = open(path, flags, true);
        if (!existed) {
            try {
                Files.setAttribute(local(path), "unix:mode", mode & 07777);
            } catch (IOException e) {
                throw failure(e);
            }
            return new Opened(opened.handle(), owned(caller, path));
        }
        return opened;
    }

    @Override
    public Opened open(Caller caller, FsPath path, int flags) throws FsException {
        return open(path, flags, false);
    }

    private Opened open(FsPath path, int flags, boolean create) throws FsException {
        Set<OpenOption> options = new HashSet<>();
        options.add(StandardOpenOption.READ);
        if (OpenFlags.writes(flags)) {
            options.add(StandardOpenOption.WRITE);
        }
        if (create) {
            options.add((flags & OpenFlags.EXCL) != 0
                    ? StandardOpenOption.CREATE_NEW
                    : StandardOpenOption.CREATE);
        }
        if ((flags & OpenFlags.TRUNC) != 0 && OpenFlags.writes(flags)) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        try {
            FileChannel channel = FileChannel.open(local(path), options);
            long handle = nextHandle.getAndIncrement();
            handles.put(handle, channel);
            paths.put(handle, path);
            return new Opened(handle, attr(path));
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private FileChannel channel(long handle) throws FsException {
        FileChannel channel = handles.get(handle);
        if (channel == null) {
            throw new FsException(Errno.EBADF, "handle " + handle);
        }
        return channel;
    }

    @Override
    public byte[] read(long handle, long offset, int sizeBytes) throws FsException {
        FileChannel channel = channel(handle);
        ByteBuffer buffer = ByteBuffer.allocate(sizeBytes);
        try {
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, offset + buffer.position());
                if (read < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw failure(e);
        }
        return buffer.position() == sizeBytes
                ? buffer.array()
                : java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    @Override
    public int write(long handle, long offset, byte[] data) throws FsException {
        FileChannel channel = channel(handle);
        ByteBuffer buffer = ByteBuffer.wrap(data);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer, offset + buffer.position());
            }
        } catch (IOException e) {
            throw failure(e);
        }
        return data.length;
    }

    @Override
    public void flush(long handle) throws FsException {
        channel(handle);
    }

    @Override
    public void fsync(long handle, boolean dataOnly) throws FsException {
        try {
            channel(handle).force(!dataOnly);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void release(long handle) throws FsException {
        paths.remove(handle);
        FileChannel channel = handles.remove(handle);
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw failure(e);
            }
        }
    }

    /** By the path the handle was opened by: Java reaches attributes by path only. */
    @Override
    public Attr fsetattr(long handle, SetAttr changes) throws FsException {
        FsPath path = paths.get(handle);
        if (path == null) {
            throw new FsException(Errno.EBADF, "handle " + handle);
        }
        return setattr(Caller.ROOT, path, changes);
    }

    @Override
    public void fallocate(long handle, int mode, long offset, long lengthBytes)
            throws FsException {
        if (mode != 0) {
            throw new FsException(Errno.EOPNOTSUPP, "fallocate mode " + mode);
        }
        try {
            FileChannel channel = channel(handle);
            if (offset + lengthBytes > channel.size()) {
                channel.write(ByteBuffer.allocate(1), offset + lengthBytes - 1);
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public long lseek(long handle, long offset, int whence) throws FsException {
        throw new FsException(Errno.EOPNOTSUPP, "no SEEK_DATA or SEEK_HOLE");
    }

    @Override
    public DirPage readdir(Caller caller, FsPath dir, String afterName, int entriesMax)
            throws FsException {
        List<String> names;
        try (Stream<Path> listing = Files.list(local(dir))) {
            names = listing.map(p -> p.getFileName().toString())
                    .filter(n -> afterName == null || n.compareTo(afterName) > 0).sorted()
                    .limit(entriesMax + 1L).toList();
        } catch (IOException e) {
            throw failure(e);
        }
        List<DirEntry> entries = new ArrayList<>();
        for (String name : names.subList(0, Math.min(entriesMax, names.size()))) {
            try {
                entries.add(new DirEntry(name, attr(dir.child(name))));
            } catch (FsException e) {
                // removed while listed
            }
        }
        return new DirPage(entries, names.size() <= entriesMax);
    }

    @Override
    public StatFs statfs(Caller caller, FsPath path) throws FsException {
        try {
            FileStore store = Files.getFileStore(base);
            long block = store.getBlockSize();
            return new StatFs(block, store.getTotalSpace() / block,
                    store.getUnallocatedSpace() / block, store.getUsableSpace() / block,
                    1_000_000, 1_000_000, FsPath.NAME_BYTES_MAX);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private UserDefinedFileAttributeView xattrs(FsPath path) {
        return Files.getFileAttributeView(local(path), UserDefinedFileAttributeView.class);
    }

    private static String userName(String name) throws FsException {
        if (!name.startsWith("user.")) {
            throw new FsException(Errno.EOPNOTSUPP, name);
        }
        return name.substring("user.".length());
    }

    @Override
    public byte[] getxattr(Caller caller, FsPath path, String name) throws FsException {
        try {
            UserDefinedFileAttributeView view = xattrs(path);
            String user = userName(name);
            if (!view.list().contains(user)) {
                throw new FsException(Errno.ENODATA, name);
            }
            ByteBuffer value = ByteBuffer.allocate(view.size(user));
            view.read(user, value);
            return value.array();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public List<String> listxattr(Caller caller, FsPath path) throws FsException {
        try {
            return xattrs(path).list().stream().map(n -> "user." + n).toList();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void setxattr(Caller caller, FsPath path, String name, byte[] value, int flags)
            throws FsException {
        try {
            xattrs(path).write(userName(name), ByteBuffer.wrap(value));
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void removexattr(Caller caller, FsPath path, String name) throws FsException {
        try {
            xattrs(path).delete(userName(name));
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void close() {
        handles.values().forEach(channel -> {
            try {
                channel.close();
            } catch (IOException e) {
                // closing anyway
            }
        });
    }
}
