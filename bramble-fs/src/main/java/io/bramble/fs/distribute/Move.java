package io.bramble.fs.distribute;

import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.ChangeStamps;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.MoveSeal;
import io.bramble.fs.ops.OpenFlags;
import io.bramble.fs.ops.SetAttr;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The move of one file from the subvolume holding it to another (rebalance's data migration),
 * in steps that clients may interleave with anything they do to the file:
 *
 * <ol>
 * <li>{@link #prepare}: the file's change stamp and attributes are read on the source, and the
 *     target gets a pointer back to the source at the same name (or keeps the one there).
 *     Clients that find the name on the target follow the pointer to the source, as before.
 * <li>{@link #copyNext}, until done: the data are copied into that pointer, which stays a
 *     pointer whatever its size, and synced.
 * <li>{@link #seal}: the source's brick turns its file into a pointer to the target, in one
 *     step that nothing else on that brick runs beside, and only if the file did not change
 *     since the stamp, nobody has it open and it has one name ({@link MoveSeal}). Otherwise the
 *     move is given up: the source keeps the file, the target copy is emptied back into a
 *     pointer, and clients never noticed. So every write acknowledged before the seal is in
 *     the copy, and none can come after it on the source.
 * <li>{@link #finish}: the target copy takes the file's mode, owner and times and is the file.
 *     Between the seal and this step each half points to the other; a lookup that meets that
 *     waits for it ({@link Locator}). The source keeps its pointer, which leads clients that
 *     still place the name there by an older layout to the target.
 * </ol>
 *
 * Files with more than one name, and files that are not regular, are not moved.
 */
public final class Move {
    /** Bytes copied by one {@link #copyNext}: the brick protocol's data bound. */
    public static final int CHUNK_BYTES = 1 << 20;

    /** What became of a move. */
    public enum Outcome {
        MOVED, SKIPPED
    }

    private final FileOps from;
    private final FileOps to;
    private final String fromName;
    private final String toName;
    private final FsPath path;
    /** Runs a step on the target, making the file's folder there first if it lacks it. */
    private final TargetFolder folder;
    private byte[] stamp;
    private Attr attr;
    private long copiedBytes;
    /** The target copy's handle while the move runs; -1 before and after. */
    private long copy = -1;

    /** Runs a step on the target after making the folder there when it is missing. */
    interface TargetFolder {
        boolean made(DirectoryCopies.Step<Boolean> step) throws FsException;
    }

    Move(FileOps from, String fromName, FileOps to, String toName, FsPath path,
            TargetFolder folder) {
        this.folder = folder;
        this.from = from;
        this.to = to;
        this.fromName = fromName;
        this.toName = toName;
        this.path = path;
    }

    /** The file's size when the move began. */
    public long sizeBytes() {
        return attr == null ? 0 : attr.sizeBytes();
    }

    /**
     * Reads the stamp and sets up the copy on the target; false when the file is not one to
     * move (gone, not regular, linked, shaped like a pointer, or another file holds the name
     * there).
     * The copy is written through a handle from here on, so that a name that changes on the
     * target meanwhile never gets the copy's data.
     */
    boolean prepare() throws FsException {
        // The stamp first: a change after it fails the seal, so the attributes read next are
        // the ones the target copy gets.
        try {
            stamp = from.getxattr(Caller.ROOT, path, ChangeStamps.STAMP);
        } catch (FsException e) {
            if (e.errno() == Errno.ENOENT) {
                return false; // gone meanwhile
            }
            throw e;
        }
        attr = attrOrNull(from);
        if (attr == null || attr.type() != FileType.REGULAR || attr.nlink() != 1
                || Pointer.looksLike(attr)) {
            return false;
        }
        Attr there = attrOrNull(to);
        if (there != null) {
            if (!Pointer.looksLike(there) || !linksTo(to, fromName)) {
                return false;
            }
            // A pointer to the source already: made anew, since one a move sealed there
            // before refuses opens. Meanwhile lookups find the file by searching.
            to.unlink(Caller.ROOT, path);
        }
        folder.made(() -> to.mknod(Caller.ROOT, path, attr.id(), Pointer.MODE, 0) != null);
        to.setxattr(Caller.ROOT, path, Pointer.LINKTO, Pointer.linkto(fromName), 0);
        copy = to.open(Caller.ROOT, path, OpenFlags.RDWR).handle();
        return true;
    }

    /** Copies the next chunk; true once the whole file is copied and synced. */
    boolean copyNext() throws FsException {
        long offset = copiedBytes;
        long handle;
        try {
            handle = from.open(Caller.ROOT, path, OpenFlags.RDONLY).handle();
        } catch (FsException e) {
            if (e.errno() != Errno.ENOENT) {
                throw e;
            }
            return true; // gone meanwhile: the seal finds it gone too
        }
        byte[] data;
        try {
            data = from.read(handle, offset, CHUNK_BYTES);
        } finally {
            from.release(handle);
        }
        if (data.length > 0) {
            to.write(copy, offset, data);
            copiedBytes += data.length;
        }
        if (data.length == CHUNK_BYTES) {
            return false;
        }
        to.fsync(copy, false);
        return true;
    }

    /**
     * Seals the source as a pointer to the target; false when the file changed, is open, was
     * linked or is gone meanwhile, and then the target copy is emptied again.
     */
    boolean seal() throws FsException {
        try {
            from.setxattr(Caller.ROOT, path, MoveSeal.SEAL, MoveSeal.request(stamp, toName), 0);
            return true;
        } catch (FsException e) {
            if (e.errno() != Errno.EAGAIN && e.errno() != Errno.EBUSY
                    && e.errno() != Errno.ENOENT) {
                throw e;
            }
        }
        to.fsetattr(copy, SetAttr.truncate(0));
        close();
        return false;
    }

    /** Makes the target copy the file: its mode, owner and times as they were sealed. */
    void finish() throws FsException {
        to.fsetattr(copy, new SetAttr(OptionalInt.of(attr.mode() & FileType.PERMISSION_MASK),
                OptionalInt.of(attr.uid()), OptionalInt.of(attr.gid()), OptionalLong.empty(),
                OptionalLong.of(attr.atimeNs()), OptionalLong.of(attr.mtimeNs())));
        close();
        try {
            if (to.getattr(Caller.ROOT, path).id().equals(attr.id())) {
                to.removexattr(Caller.ROOT, path, Pointer.LINKTO);
            }
        } catch (FsException e) {
            // The linkto left on a file that is no pointer any more is never read.
            if (e.errno() != Errno.ENODATA && e.errno() != Errno.ENOENT) {
                throw e;
            }
        }
    }

    /** Lets go of the target copy's handle; the move is over, done or not. */
    void close() throws FsException {
        if (copy >= 0) {
            long handle = copy;
            copy = -1;
            to.release(handle);
        }
    }

    /**
     * Whether moving the file would leave the target with less free space than the source
     * then has, which {@code rebalance start} without {@code force} avoids, as Gluster does.
     */
    public boolean leavesTargetWithLessFreeSpace() throws FsException {
        Attr now = attrOrNull(from);
        long size = now == null ? 0 : now.blocks512() * 512;
        return freeBytes(to) - size < freeBytes(from) + size;
    }

    private static long freeBytes(FileOps ops) throws FsException {
        io.bramble.fs.ops.StatFs space = ops.statfs(Caller.ROOT, FsPath.ROOT);
        return space.blocksAvailable() * space.blockSizeBytes();
    }

    /** Runs every step; what became of the move. */
    public Outcome run() throws FsException {
        try {
            if (!prepare()) {
                return Outcome.SKIPPED;
            }
            while (!copyNext()) {
                // one chunk a call
            }
            if (!seal()) {
                return Outcome.SKIPPED;
            }
            finish();
            return Outcome.MOVED;
        } finally {
            close();
        }
    }

    private Attr attrOrNull(FileOps ops) throws FsException {
        try {
            return ops.getattr(Caller.ROOT, path);
        } catch (FsException e) {
            if (e.errno() == Errno.ENOENT) {
                return null;
            }
            throw e;
        }
    }

    private boolean linksTo(FileOps ops, String name) throws FsException {
        try {
            return new String(ops.getxattr(Caller.ROOT, path, Pointer.LINKTO),
                    java.nio.charset.StandardCharsets.UTF_8).equals(name);
        } catch (FsException e) {
            if (e.errno() == Errno.ENODATA) {
                return false;
            }
            throw e;
        }
    }
}
