package io.bramble.fs.stripe;

import io.bramble.fs.handle.HandleTable;
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
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.ops.StatFs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Gluster's stripe: each regular file is cut into blocks dealt round-robin over the children
 * ({@link StripeGeometry}), each child's file holding its blocks back to back. Every name
 * (files, directories, links, nodes) exists on every child with the same identity; a file's
 * size is the logical size its pieces imply, so no child keeps it apart.
 *
 * <p>Changes of names go to child 0 first, then to the others ({@link StripeChildren}). Reads
 * and writes go to the children their range touches, one call per child, one child after
 * another. In the client graph a stripe sits under distribute and over replica sets.
 */
public final class Stripe implements FileOps {
    /** Files open at once through one stripe; more fail with ENFILE. */
    public static final int HANDLES_OPEN_MAX = 65_536;
    /** {@code fallocate} modes that move data (collapse and insert range) stripe cannot. */
    private static final int FALLOC_MOVES_DATA = 0x08 | 0x20;
    private static final int SEEK_DATA = 3;
    private static final int SEEK_HOLE = 4;

    private final StripeChildren children;
    private final StripeGeometry geometry;
    private final StripeData data;
    private final HandleTable<StripeHandle> handles = new HandleTable<>(HANDLES_OPEN_MAX);
    private volatile boolean closed;

    /** A stripe over {@code children} (2 or more, in the volume's order) of blocks given. */
    public Stripe(List<FileOps> children, int blockSizeBytes) {
        this.geometry = new StripeGeometry(children.size(), blockSizeBytes);
        this.children = new StripeChildren(children);
        this.data = new StripeData(geometry);
    }

    private StripeChildren children() throws FsException {
        if (closed) {
            throw new FsException(Errno.ENOTCONN, "stripe is closed");
        }
        return children;
    }

    private StripeHandle handle(long handle) throws FsException {
        children();
        return handles.get(handle);
    }

    @Override
    public Attr getattr(Caller caller, FsPath path) throws FsException {
        Attr first = children().ops(0).getattr(caller, path);
        return StripeAttrs.striped(first) ? piecesAttr(caller, path, first) : first;
    }

    @Override
    public AttrXattrs getattrXattrs(Caller caller, FsPath path, String prefix)
            throws FsException {
        AttrXattrs first = children().ops(0).getattrXattrs(caller, path, prefix);
        if (!StripeAttrs.striped(first.attr())) {
            return first;
        }
        return new AttrXattrs(piecesAttr(caller, path, first.attr()), first.xattrs());
    }

    /** The file's attributes from child 0's and the other pieces'. */
    private Attr piecesAttr(Caller caller, FsPath path, Attr first) throws FsException {
        List<Attr> pieces = new ArrayList<>(children.count());
        pieces.add(first);
        for (int child = 1; child < children.count(); child++) {
            pieces.add(children.ops(child).getattr(caller, path));
        }
        return StripeAttrs.merge(geometry, pieces);
    }

    @Override
    public Attr setattr(Caller caller, FsPath path, SetAttr changes) throws FsException {
        List<Attr> answers = children().change((child, ops) -> ops.setattr(caller, path,
                forChild(changes, child)));
        return answers.size() == children.count()
                ? StripeAttrs.merge(geometry, answers)
                : getattr(caller, path);
    }

    @Override
    public Attr fsetattr(long handle, SetAttr changes) throws FsException {
        return changeOpen(handle(handle), changes);
    }

    private Attr changeOpen(StripeHandle open, SetAttr changes) throws FsException {
        return StripeAttrs.merge(geometry, children.ask((child, ops) -> ops.fsetattr(
                open.child(child), forChild(changes, child))));
    }

    /** {@code changes} as child {@code child} takes them: a new size is its piece's. */
    private SetAttr forChild(SetAttr changes, int child) {
        if (changes.sizeBytes().isEmpty()) {
            return changes;
        }
        long size = changes.sizeBytes().getAsLong();
        if (size < 0) {
            return changes;
        }
        return new SetAttr(changes.permissions(), changes.uid(), changes.gid(),
                OptionalLong.of(geometry.childSize(size, child)), changes.atimeNs(),
                changes.mtimeNs());
    }

    @Override
    public Attr mkdir(Caller caller, FsPath path, FileId id, int mode) throws FsException {
        return children().make((child, ops) -> ops.mkdir(caller, path, id, mode),
                (child, ops) -> ops.rmdir(caller, path)).getFirst();
    }

    @Override
    public Attr mknod(Caller caller, FsPath path, FileId id, int mode, long rdev)
            throws FsException {
        return StripeAttrs.merge(geometry, children().make((child, ops) -> ops.mknod(caller,
                path, id, mode, rdev), (child, ops) -> ops.unlink(caller, path)));
    }

    @Override
    public Attr symlink(Caller caller, FsPath path, FileId id, String target)
            throws FsException {
        return children().make((child, ops) -> ops.symlink(caller, path, id, target),
                (child, ops) -> ops.unlink(caller, path)).getFirst();
    }

    @Override
    public String readlink(Caller caller, FsPath path) throws FsException {
        return children().ops(0).readlink(caller, path);
    }

    @Override
    public void unlink(Caller caller, FsPath path) throws FsException {
        children().change((child, ops) -> {
            ops.unlink(caller, path);
            return Boolean.TRUE;
        });
    }

    @Override
    public void rmdir(Caller caller, FsPath path) throws FsException {
        children().change((child, ops) -> {
            ops.rmdir(caller, path);
            return Boolean.TRUE;
        });
    }

    @Override
    public void rename(Caller caller, FsPath from, FsPath to, int flags) throws FsException {
        children().change((child, ops) -> {
            ops.rename(caller, from, to, flags);
            return Boolean.TRUE;
        });
    }

    @Override
    public Attr link(Caller caller, FsPath existing, FsPath newPath) throws FsException {
        return StripeAttrs.merge(geometry, children().make((child, ops) -> ops.link(caller,
                existing, newPath), (child, ops) -> ops.unlink(caller, newPath)));
    }

    @Override
    public Opened create(Caller caller, FsPath path, FileId id, int mode, int flags)
            throws FsException {
        List<Opened> opened = children().make(
                (child, ops) -> ops.create(caller, path, id, mode, flags),
                (child, ops) -> ops.unlink(caller, path));
        return issue(opened, caller, path);
    }

    @Override
    public Opened open(Caller caller, FsPath path, int flags) throws FsException {
        List<Opened> opened = new ArrayList<>(children.count());
        try {
            for (int child = 0; child < children().count(); child++) {
                opened.add(children.ops(child).open(caller, path, flags));
            }
        } catch (FsException e) {
            releaseQuietly(opened, e);
            throw e;
        }
        return issue(opened, caller, path);
    }

    private Opened issue(List<Opened> opened, Caller caller, FsPath path) throws FsException {
        Attr attr = StripeAttrs.merge(geometry, opened.stream().map(Opened::attr).toList());
        long[] childHandles = opened.stream().mapToLong(Opened::handle).toArray();
        try {
            long handle = handles.add(new StripeHandle(childHandles, attr.id(), caller, path));
            return new Opened(handle, attr);
        } catch (FsException e) {
            releaseQuietly(opened, e);
            throw e;
        }
    }

    private void releaseQuietly(List<Opened> opened, FsException cause) {
        for (int child = 0; child < opened.size(); child++) {
            try {
                children.ops(child).release(opened.get(child).handle());
            } catch (FsException e) {
                cause.addSuppressed(e);
            }
        }
    }

    @Override
    public byte[] read(long handle, long offset, int sizeBytes) throws FsException {
        StripeHandle open = handle(handle);
        StripeData.Found found = data.read(offset, sizeBytes, (child, childOffset,
                length) -> children.ops(child).read(open.child(child), childOffset, length));
        if (found.whole()) {
            return found.bytes();
        }
        long available = Math.max(0, size(open) - offset);
        return available >= sizeBytes
                ? found.bytes()
                : Arrays.copyOf(found.bytes(), (int) available);
    }

    /**
     * The logical size of an open file, from its pieces' sizes by name; when the name is gone
     * or now another file's, from its handles (a metadata round on every child).
     */
    private long size(StripeHandle open) throws FsException {
        try {
            Attr attr = getattr(open.caller(), open.path());
            if (attr.id().equals(open.id())) {
                return attr.sizeBytes();
            }
        } catch (FsException e) {
            if (e.errno() != Errno.ENOENT && e.errno() != Errno.ESTALE) {
                throw e;
            }
        }
        return changeOpen(open, SetAttr.NONE).sizeBytes();
    }

    @Override
    public int write(long handle, long offset, byte[] bytes) throws FsException {
        StripeHandle open = handle(handle);
        data.write(offset, bytes, (child, childOffset, piece) -> children.ops(child)
                .write(open.child(child), childOffset, piece));
        return bytes.length;
    }

    @Override
    public void flush(long handle) throws FsException {
        StripeHandle open = handle(handle);
        children.each((child, ops) -> {
            ops.flush(open.child(child));
            return Boolean.TRUE;
        });
    }

    @Override
    public void fsync(long handle, boolean dataOnly) throws FsException {
        StripeHandle open = handle(handle);
        children.each((child, ops) -> {
            ops.fsync(open.child(child), dataOnly);
            return Boolean.TRUE;
        });
    }

    @Override
    public void release(long handle) throws FsException {
        StripeHandle open = handles.remove(handle);
        children.each((child, ops) -> {
            ops.release(open.child(child));
            return Boolean.TRUE;
        });
    }

    /**
     * Each child allocates (or punches, or zeroes) its part of the range, which is one range
     * of its file; modes that shift data along the file would move it across children.
     */
    @Override
    public void fallocate(long handle, int mode, long offset, long lengthBytes)
            throws FsException {
        StripeHandle open = handle(handle);
        if ((mode & FALLOC_MOVES_DATA) != 0) {
            throw new FsException(Errno.EOPNOTSUPP, "fallocate mode " + mode + " on a stripe");
        }
        if (offset < 0 || lengthBytes <= 0) {
            throw new FsException(Errno.EINVAL, "range " + offset + "+" + lengthBytes);
        }
        children.each((child, ops) -> {
            long start = geometry.childSize(offset, child);
            long end = geometry.childSize(offset + lengthBytes, child);
            if (end > start) {
                ops.fallocate(open.child(child), mode, start, end - start);
            }
            return Boolean.TRUE;
        });
    }

    /** Every byte below the size is data here: holes are reported as data, as POSIX allows. */
    @Override
    public long lseek(long handle, long offset, int whence) throws FsException {
        StripeHandle open = handle(handle);
        if (whence != SEEK_DATA && whence != SEEK_HOLE) {
            throw new FsException(Errno.EINVAL, "whence " + whence);
        }
        long size = size(open);
        if (offset < 0 || offset >= size) {
            throw new FsException(Errno.ENXIO);
        }
        return whence == SEEK_DATA ? offset : size;
    }

    /**
     * Child 0's page, with each regular file's size and blocks merged from the same page of
     * the other children (asked by name when a child's page lacks it).
     */
    @Override
    public DirPage readdir(Caller caller, FsPath dir, String afterName, int entriesMax)
            throws FsException {
        DirPage first = children().ops(0).readdir(caller, dir, afterName, entriesMax);
        if (first.entries().stream().noneMatch(e -> StripeAttrs.striped(e.attr()))) {
            return first;
        }
        List<Map<String, Attr>> others = new ArrayList<>();
        for (int child = 1; child < children.count(); child++) {
            Map<String, Attr> byName = new HashMap<>();
            for (DirEntry entry : children.ops(child).readdir(caller, dir, afterName,
                    entriesMax).entries()) {
                byName.put(entry.name(), entry.attr());
            }
            others.add(byName);
        }
        List<DirEntry> entries = new ArrayList<>(first.entries().size());
        for (DirEntry entry : first.entries()) {
            entries.add(StripeAttrs.striped(entry.attr())
                    ? new DirEntry(entry.name(), merged(caller, dir, entry, others))
                    : entry);
        }
        return new DirPage(entries, first.complete());
    }

    private Attr merged(Caller caller, FsPath dir, DirEntry entry,
            List<Map<String, Attr>> others) throws FsException {
        List<Attr> pieces = new ArrayList<>(children.count());
        pieces.add(entry.attr());
        for (int child = 1; child < children.count(); child++) {
            Attr piece = others.get(child - 1).get(entry.name());
            pieces.add(piece != null
                    ? piece
                    : children.ops(child).getattr(caller, dir.child(entry.name())));
        }
        return StripeAttrs.merge(geometry, pieces);
    }

    /**
     * Space is the children's together (data spreads over them all); every file takes an
     * inode on each child, so the file counts are the smallest child's.
     */
    @Override
    public StatFs statfs(Caller caller, FsPath path) throws FsException {
        List<StatFs> parts = children().ask((child, ops) -> ops.statfs(caller, path));
        StatFs first = parts.getFirst();
        long blocks = 0;
        long free = 0;
        long available = 0;
        long files = Long.MAX_VALUE;
        long filesFree = Long.MAX_VALUE;
        int nameMax = Integer.MAX_VALUE;
        for (StatFs part : parts) {
            long scale = part.blockSizeBytes();
            blocks += part.blocks() * scale / first.blockSizeBytes();
            free += part.blocksFree() * scale / first.blockSizeBytes();
            available += part.blocksAvailable() * scale / first.blockSizeBytes();
            files = Math.min(files, part.files());
            filesFree = Math.min(filesFree, part.filesFree());
            nameMax = Math.min(nameMax, part.nameBytesMax());
        }
        return new StatFs(first.blockSizeBytes(), blocks, free, available, files, filesFree,
                nameMax);
    }

    @Override
    public byte[] getxattr(Caller caller, FsPath path, String name) throws FsException {
        return children().ops(0).getxattr(caller, path, name);
    }

    @Override
    public List<String> listxattr(Caller caller, FsPath path) throws FsException {
        return children().ops(0).listxattr(caller, path);
    }

    @Override
    public void setxattr(Caller caller, FsPath path, String name, byte[] value, int flags)
            throws FsException {
        children().change((child, ops) -> {
            ops.setxattr(caller, path, name, value, flags);
            return Boolean.TRUE;
        });
    }

    @Override
    public void removexattr(Caller caller, FsPath path, String name) throws FsException {
        children().change((child, ops) -> {
            ops.removexattr(caller, path, name);
            return Boolean.TRUE;
        });
    }

    @Override
    public void close() {
        closed = true;
        children.close();
    }
}
