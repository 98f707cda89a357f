package io.bramble.fs.ops;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A whole file system in memory, for tests of the layers above a brick: deterministic (time
 * comes from the supplier given), with hard links, symlinks, xattrs and sparse files. One lock
 * guards everything; it is a test double, not a fast one.
 */
public final class MemoryFileOps implements FileOps {
    private static final int BLOCK_BYTES = 4096;
    private static final AtomicLong SERIALS = new AtomicLong();

    private final LongSupplier clockNs;
    private final Node root;
    private final Map<Long, Node> handles = new HashMap<>();
    private final AtomicLong nextHandle = new AtomicLong(1);
    private long capacityBytes = 1L << 40;
    private boolean closed;

    public MemoryFileOps(LongSupplier clockNs) {
        this.clockNs = clockNs;
        this.root = new Node(FileId.ROOT, FileType.DIRECTORY.modeBits() | 0755, 0, 0,
                clockNs.getAsLong());
        root.children = new TreeMap<>();
    }

    public MemoryFileOps() {
        this(new AtomicLong(1_000_000_000L)::incrementAndGet);
    }

    /** Makes writes fail with ENOSPC once the file data reach {@code bytes}. */
    public synchronized void setCapacityBytes(long bytes) {
        capacityBytes = bytes;
    }

    /** Handles issued and not yet released. */
    public synchronized int openFiles() {
        return handles.size();
    }

    private static final class Node {
        final FileId id;
        int mode;
        int uid;
        int gid;
        long nlink = 1;
        long atime;
        long mtime;
        long ctime;
        long rdev;
        byte[] data = new byte[0];
        long size;
        String target;
        TreeMap<String, Node> children;
        final Map<String, byte[]> xattrs = new TreeMap<>();
        /** Changes counted as a brick counts them, for {@link ChangeStamps}. */
        long changes;
        final long serial = SERIALS.incrementAndGet();

        Node(FileId id, int mode, int uid, int gid, long now) {
            this.id = id;
            this.mode = mode;
            this.uid = uid;
            this.gid = gid;
            this.atime = now;
            this.mtime = now;
            this.ctime = now;
        }

        boolean isDir() { return children != null; }

        Attr attr() {
            long links = isDir()
                    ? 2 + children.values().stream().filter(Node::isDir).count()
                    : nlink;
            long length = target != null ? target.length() : size;
            return new Attr(id, mode, links, uid, gid, rdev, length,
                    (Math.min(size, data.length) + 511) / 512, atime, mtime, ctime);
        }
    }

    private void open() throws FsException {
        if (closed) {
            throw new FsException(Errno.ENOTCONN, "closed");
        }
    }

    private Node find(FsPath path) throws FsException {
        open();
        Node node = root;
        for (String name : path.names()) {
            if (!node.isDir()) {
                throw new FsException(Errno.ENOTDIR, path.toString());
            }
            node = node.children.get(name);
            if (node == null) {
                throw new FsException(Errno.ENOENT, path.toString());
            }
        }
        return node;
    }

    private Node parentDir(FsPath path) throws FsException {
        if (path.isRoot()) {
            throw new FsException(Errno.EEXIST, "/");
        }
        Node parent = find(path.parent());
        if (!parent.isDir()) {
            throw new FsException(Errno.ENOTDIR, path.parent().toString());
        }
        return parent;
    }

    private Node make(Caller caller, FsPath path, FileId id, int mode) throws FsException {
        Node parent = parentDir(path);
        if (parent.children.containsKey(path.name())) {
            throw new FsException(Errno.EEXIST, path.toString());
        }
        boolean setGid = (parent.mode & 02000) != 0;
        int gid = setGid ? parent.gid : caller.gid();
        long now = clockNs.getAsLong();
        Node node = new Node(id, mode, caller.uid(), gid, now);
        parent.children.put(path.name(), node);
        parent.mtime = now;
        parent.ctime = now;
        parent.changes++;
        return node;
    }

    @Override
    public synchronized Attr getattr(Caller caller, FsPath path) throws FsException {
        return find(path).attr();
    }

    @Override
    public synchronized Attr setattr(Caller caller, FsPath path, SetAttr changes)
            throws FsException {
        return change(unsealed(find(path)), path.toString(), changes);
    }

    @Override
    public synchronized Attr fsetattr(long handle, SetAttr changes) throws FsException {
        return change(handleNode(handle), "handle " + handle, changes);
    }

    private Attr change(Node node, String name, SetAttr changes) throws FsException {
        node.changes++;
        long now = clockNs.getAsLong();
        changes.permissions().ifPresent(p -> node.mode = (node.mode & FileType.TYPE_MASK)
                | (p & FileType.PERMISSION_MASK));
        changes.uid().ifPresent(u -> node.uid = u);
        changes.gid().ifPresent(g -> node.gid = g);
        if (changes.sizeBytes().isPresent()) {
            if (node.isDir()) {
                throw new FsException(Errno.EISDIR, name);
            }
            resize(node, changes.sizeBytes().getAsLong());
            node.mtime = now;
        }
        changes.atimeNs().ifPresent(t -> node.atime = t == SetAttr.NOW ? now : t);
        changes.mtimeNs().ifPresent(t -> node.mtime = t == SetAttr.NOW ? now : t);
        node.ctime = now;
        return node.attr();
    }

    private void resize(Node node, long size) throws FsException {
        if (size > capacityBytes) {
            throw new FsException(Errno.ENOSPC);
        }
        if (size < node.data.length) {
            node.data = Arrays.copyOf(node.data, (int) size);
        }
        node.size = size;
    }

    @Override
    public synchronized Attr mkdir(Caller caller, FsPath path, FileId id, int mode)
            throws FsException {
        Node node = make(caller, path, id, FileType.DIRECTORY.modeBits() | (mode & 07777));
        node.children = new TreeMap<>();
        Node parent = find(path.parent());
        if ((parent.mode & 02000) != 0) {
            node.mode |= 02000;
        }
        return node.attr();
    }

    @Override
    public synchronized Attr mknod(Caller caller, FsPath path, FileId id, int mode, long rdev)
            throws FsException {
        Node node = make(caller, path, id, mode);
        node.rdev = rdev;
        return node.attr();
    }

    @Override
    public synchronized Attr symlink(Caller caller, FsPath path, FileId id, String target)
            throws FsException {
        Node node = make(caller, path, id, FileType.SYMLINK.modeBits() | 0777);
        node.target = target;
        return node.attr();
    }

    @Override
    public synchronized String readlink(Caller caller, FsPath path) throws FsException {
        Node node = find(path);
        if (node.target == null) {
            throw new FsException(Errno.EINVAL, path.toString());
        }
        return node.target;
    }

    @Override
    public synchronized void unlink(Caller caller, FsPath path) throws FsException {
        Node parent = parentDir(path);
        Node node = unsealed(find(path));
        if (node.isDir()) {
            throw new FsException(Errno.EISDIR, path.toString());
        }
        parent.children.remove(path.name());
        parent.changes++;
        node.nlink--;
        long now = clockNs.getAsLong();
        node.ctime = now;
        parent.mtime = now;
        parent.ctime = now;
    }

    @Override
    public synchronized void rmdir(Caller caller, FsPath path) throws FsException {
        Node parent = parentDir(path);
        Node node = find(path);
        if (!node.isDir()) {
            throw new FsException(Errno.ENOTDIR, path.toString());
        }
        if (!node.children.isEmpty()) {
            throw new FsException(Errno.ENOTEMPTY, path.toString());
        }
        parent.children.remove(path.name());
        parent.changes++;
        parent.mtime = clockNs.getAsLong();
    }

    @Override
    public synchronized void rename(Caller caller, FsPath from, FsPath to, int flags)
            throws FsException {
        Node fromParent = parentDir(from);
        Node node = unsealed(find(from));
        Node toParent = parentDir(to);
        Node existing = toParent.children.get(to.name());
        fromParent.changes++;
        toParent.changes++;
        if (node.isDir() && to.startsWith(from) && !to.equals(from)) {
            throw new FsException(Errno.EINVAL, "a directory cannot move into itself");
        }
        if ((flags & RENAME_EXCHANGE) != 0) {
            if (existing == null) {
                throw new FsException(Errno.ENOENT, to.toString());
            }
            fromParent.children.put(from.name(), existing);
            toParent.children.put(to.name(), node);
            return;
        }
        if (existing != null) {
            if ((flags & RENAME_NOREPLACE) != 0) {
                throw new FsException(Errno.EEXIST, to.toString());
            }
            if (existing == node) {
                return;
            }
            if (existing.isDir() && !node.isDir()) {
                throw new FsException(Errno.EISDIR, to.toString());
            }
            if (!existing.isDir() && node.isDir()) {
                throw new FsException(Errno.ENOTDIR, to.toString());
            }
            if (existing.isDir() && !existing.children.isEmpty()) {
                throw new FsException(Errno.ENOTEMPTY, to.toString());
            }
            existing.nlink--;
        }
        fromParent.children.remove(from.name());
        toParent.children.put(to.name(), node);
        long now = clockNs.getAsLong();
        node.ctime = now;
        fromParent.mtime = now;
        toParent.mtime = now;
    }

    @Override
    public synchronized Attr link(Caller caller, FsPath existing, FsPath newPath)
            throws FsException {
        Node node = unsealed(find(existing));
        if (node.isDir()) {
            throw new FsException(Errno.EPERM, "hard link to a directory");
        }
        Node parent = parentDir(newPath);
        if (parent.children.containsKey(newPath.name())) {
            throw new FsException(Errno.EEXIST, newPath.toString());
        }
        parent.children.put(newPath.name(), node);
        parent.changes++;
        node.nlink++;
        node.ctime = clockNs.getAsLong();
        return node.attr();
    }

    @Override
    public synchronized Opened create(Caller caller, FsPath path, FileId id, int mode,
            int flags) throws FsException {
        Node parent = parentDir(path);
        Node node = parent.children.get(path.name());
        if (node != null) {
            if ((flags & OpenFlags.EXCL) != 0) {
                throw new FsException(Errno.EEXIST, path.toString());
            }
            parent.changes++;
            return open(caller, path, flags);
        }
        node = make(caller, path, id, FileType.REGULAR.modeBits() | (mode & 07777));
        return handle(node);
    }

    private Opened handle(Node node) {
        long handle = nextHandle.getAndIncrement();
        handles.put(handle, node);
        return new Opened(handle, node.attr());
    }

    @Override
    public synchronized Opened open(Caller caller, FsPath path, int flags) throws FsException {
        Node node = unsealed(find(path));
        if ((flags & OpenFlags.TRUNC) != 0 && OpenFlags.writes(flags)) {
            node.changes++;
            resize(node, 0);
            node.mtime = clockNs.getAsLong();
        }
        return handle(node);
    }

    private Node handleNode(long handle) throws FsException {
        open();
        Node node = handles.get(handle);
        if (node == null) {
            throw new FsException(Errno.EBADF, "handle " + handle);
        }
        return node;
    }

    @Override
    public synchronized byte[] read(long handle, long offset, int sizeBytes)
            throws FsException {
        Node node = handleNode(handle);
        if (offset >= node.size) {
            return new byte[0];
        }
        int length = (int) Math.min(sizeBytes, node.size - offset);
        byte[] out = new byte[length];
        int stored = (int) Math.max(0, Math.min(length, node.data.length - offset));
        if (stored > 0) {
            System.arraycopy(node.data, (int) offset, out, 0, stored);
        }
        node.atime = clockNs.getAsLong();
        return out;
    }

    @Override
    public synchronized int write(long handle, long offset, byte[] data) throws FsException {
        Node node = handleNode(handle);
        node.changes++;
        if (data.length == 0) {
            return 0; // as pwrite(2) of no bytes: the size and times stay
        }
        long end = offset + data.length;
        if (end > capacityBytes || end > Integer.MAX_VALUE - 8) {
            throw new FsException(Errno.ENOSPC);
        }
        if (end > node.data.length) {
            node.data = Arrays.copyOf(node.data, (int) end);
        }
        System.arraycopy(data, 0, node.data, (int) offset, data.length);
        node.size = Math.max(node.size, end);
        long now = clockNs.getAsLong();
        node.mtime = now;
        node.ctime = now;
        return data.length;
    }

    @Override
    public synchronized void flush(long handle) throws FsException {
        handleNode(handle);
    }

    @Override
    public synchronized void fsync(long handle, boolean dataOnly) throws FsException {
        handleNode(handle);
    }

    @Override
    public synchronized void release(long handle) throws FsException {
        handles.remove(handle);
    }

    @Override
    public synchronized void fallocate(long handle, int mode, long offset, long lengthBytes)
            throws FsException {
        Node node = handleNode(handle);
        node.changes++;
        if (mode == 1) {
            return; // FALLOC_FL_KEEP_SIZE: nothing to reserve in memory
        }
        if (mode != 0) {
            throw new FsException(Errno.EOPNOTSUPP, "fallocate mode " + mode);
        }
        if (offset + lengthBytes > node.size) {
            resize(node, offset + lengthBytes);
        }
    }

    @Override
    public synchronized long lseek(long handle, long offset, int whence) throws FsException {
        Node node = handleNode(handle);
        if (offset >= node.size) {
            throw new FsException(Errno.ENXIO);
        }
        return whence == 3 ? offset : node.size;
    }

    @Override
    public synchronized DirPage readdir(Caller caller, FsPath dir, String afterName,
            int entriesMax) throws FsException {
        Node node = find(dir);
        if (!node.isDir()) {
            throw new FsException(Errno.ENOTDIR, dir.toString());
        }
        var tail = afterName == null ? node.children : node.children.tailMap(afterName, false);
        List<DirEntry> entries = new ArrayList<>();
        for (var entry : tail.entrySet()) {
            if (entries.size() == entriesMax) {
                return new DirPage(entries, false);
            }
            entries.add(new DirEntry(entry.getKey(), entry.getValue().attr()));
        }
        return new DirPage(entries, true);
    }

    /** The page and every entry's xattrs at one moment, as a brick reads them together. */
    @Override
    public synchronized XattrsPage readdirXattrs(Caller caller, FsPath dir, String afterName,
            int entriesMax, String prefix) throws FsException {
        return FileOps.super.readdirXattrs(caller, dir, afterName, entriesMax, prefix);
    }

    @Override
    public synchronized StatFs statfs(Caller caller, FsPath path) throws FsException {
        find(path);
        long blocks = capacityBytes / BLOCK_BYTES;
        return new StatFs(BLOCK_BYTES, blocks, blocks, blocks, 1_000_000, 999_000,
                FsPath.NAME_BYTES_MAX);
    }

    @Override
    public synchronized byte[] getxattr(Caller caller, FsPath path, String name)
            throws FsException {
        if (name.startsWith(ChangeStamps.WHERE_PREFIX) && path.isRoot()) {
            String id = name.substring(ChangeStamps.WHERE_PREFIX.length());
            FsPath found = pathOf(root, FsPath.ROOT, id, MemoryFileOps::marked);
            if (found == null) {
                found = pathOf(root, FsPath.ROOT, id, handles::containsValue);
            }
            if (found == null) {
                throw new FsException(Errno.ENODATA, name);
            }
            return found.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (name.equals(ChangeStamps.STAMP)) {
            Node node = find(path);
            return ByteBuffer.allocate(ChangeStamps.STAMP_BYTES).putLong(0).putLong(node.serial)
                    .putLong(node.changes).array();
        }
        byte[] value = find(path).xattrs.get(name);
        if (value == null) {
            throw new FsException(Errno.ENODATA, name);
        }
        return value.clone();
    }

    /** Whether {@code node} carries a pending mark that is not zero. */
    private static boolean marked(Node node) {
        return node.xattrs.entrySet().stream().anyMatch(x -> x.getKey().startsWith(
                "trusted.bramble.pending.")
                && !Arrays.equals(x.getValue(),
                        new byte[x.getValue().length]));
    }

    /** A path under {@code dir} of a file of id {@code id} that {@code wanted} accepts. */
    private static FsPath pathOf(Node dir, FsPath at, String id,
            java.util.function.Predicate<Node> wanted) {
        for (Map.Entry<String, Node> child : dir.children.entrySet()) {
            Node node = child.getValue();
            FsPath path = at.child(child.getKey());
            if (node.id.toString().equals(id) && wanted.test(node)) {
                return path;
            }
            if (node.isDir()) {
                FsPath found = pathOf(node, path, id, wanted);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Override
    public synchronized List<String> listxattr(Caller caller, FsPath path) throws FsException {
        return List.copyOf(find(path).xattrs.keySet());
    }

    @Override
    public synchronized void setxattr(Caller caller, FsPath path, String name, byte[] value,
            int flags) throws FsException {
        Node node = find(path);
        if (name.equals(ChangeStamps.CLEAR_IF_UNCHANGED)) {
            byte[] stamp = ByteBuffer.allocate(ChangeStamps.STAMP_BYTES).putLong(0)
                    .putLong(node.serial).putLong(node.changes).array();
            if (!Arrays.equals(stamp, Arrays.copyOf(value, ChangeStamps.STAMP_BYTES))) {
                throw new FsException(Errno.EAGAIN, path + " changed");
            }
            for (int i = ChangeStamps.STAMP_BYTES; i < value.length; i++) {
                node.xattrs.remove("trusted.bramble.pending." + value[i]);
            }
            return;
        }
        if (name.equals(MoveSeal.SEAL)) {
            seal(path, node, value);
            return;
        }
        node.changes++;
        boolean exists = node.xattrs.containsKey(name);
        if ((flags & XATTR_CREATE) != 0 && exists) {
            throw new FsException(Errno.EEXIST, name);
        }
        if ((flags & XATTR_REPLACE) != 0 && !exists) {
            throw new FsException(Errno.ENODATA, name);
        }
        node.xattrs.put(name, value.clone());
        node.ctime = clockNs.getAsLong();
    }

    /** As a brick refuses a sealed pointer's opens and changes by path. */
    private static Node unsealed(Node node) throws FsException {
        if (node.xattrs.containsKey(MoveSeal.SEALED)) {
            throw new FsException(Errno.ESTALE, "moved");
        }
        return node;
    }

    /** As a brick seals: only an unchanged file with one name that nobody has open. */
    private void seal(FsPath path, Node node, byte[] request) throws FsException {
        byte[] stamp = ByteBuffer.allocate(ChangeStamps.STAMP_BYTES).putLong(0)
                .putLong(node.serial).putLong(node.changes).array();
        if (!Arrays.equals(stamp, MoveSeal.stamp(request))) {
            throw new FsException(Errno.EAGAIN, path + " changed");
        }
        if (node.nlink != 1 || handles.containsValue(node)) {
            throw new FsException(Errno.EBUSY, path + " is open or linked");
        }
        node.changes++;
        node.xattrs.put(MoveSeal.LINKTO, MoveSeal.linkto(request));
        node.xattrs.put(MoveSeal.SEALED, new byte[1]);
        node.mode = FileType.REGULAR.modeBits() | MoveSeal.POINTER_PERMISSIONS;
        node.size = 0;
        node.data = new byte[0];
        node.ctime = clockNs.getAsLong();
    }

    @Override
    public synchronized void removexattr(Caller caller, FsPath path, String name)
            throws FsException {
        find(path).changes++;
        if (find(path).xattrs.remove(name) == null) {
            throw new FsException(Errno.ENODATA, name);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
