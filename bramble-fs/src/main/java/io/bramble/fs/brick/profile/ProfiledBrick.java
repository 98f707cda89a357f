package io.bramble.fs.brick.profile;

import io.bramble.common.time.Clock;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.AttrXattrs;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirPage;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.OpenedXattrs;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.ops.StatFs;
import io.bramble.fs.ops.XattrsPage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A brick as its server serves it, with every call counted: the brick's side of Gluster's
 * io-stats translator. Latency is the time the brick took, failed calls included, on the
 * injected clock; {@link BrickProfile} keeps it while the volume is profiled,
 * {@link BrickTotals} always counts it with the failures and bytes for the node's metrics, and
 * {@link BrickTop} always ranks the files called. The path of each open file is kept by its
 * handle, for reads and writes, and at most {@link #PATHS_MAX} of them: past that a call on a
 * handle is counted in the profile but not in top.
 */
public final class ProfiledBrick implements FileOps {
    /** Open files whose path is kept for {@code volume top}. */
    public static final int PATHS_MAX = 65_536;

    private final FileOps brick;
    private final BrickProfile profile;
    private final BrickTop top;
    private final BrickTotals totals;
    private final Clock clock;
    private final Map<Long, String> paths = new ConcurrentHashMap<>();

    public ProfiledBrick(FileOps brick, BrickCounters counted) {
        this.brick = brick;
        this.profile = counted.profile();
        this.top = counted.top();
        this.totals = counted.totals();
        this.clock = counted.clock();
    }

    @FunctionalInterface
    private interface Op<T> {
        T run() throws FsException;
    }

    @FunctionalInterface
    private interface VoidOp {
        void run() throws FsException;
    }

    private <T> T timed(Fop fop, Op<T> op) throws FsException {
        long startNs = clock.nanoTime();
        boolean failed = true;
        try {
            T result = op.run();
            failed = false;
            return result;
        } finally {
            long latencyNs = clock.nanoTime() - startNs;
            profile.called(fop, latencyNs);
            totals.called(fop, latencyNs, failed);
        }
    }

    private void timedVoid(Fop fop, VoidOp op) throws FsException {
        timed(fop, () -> {
            op.run();
            return null;
        });
    }

    private void opened(long handle, FsPath path) {
        top.opened(clock.epochMillis());
        top.called(TopKind.OPEN, path.toString());
        if (paths.size() < PATHS_MAX) {
            paths.put(handle, path.toString());
        }
    }

    private void onHandle(TopKind kind, long handle) {
        String path = paths.get(handle);
        if (path != null) {
            top.called(kind, path);
        }
    }

    @Override
    public Attr getattr(Caller caller, FsPath path) throws FsException {
        return timed(Fop.STAT, () -> brick.getattr(caller, path));
    }

    @Override
    public AttrXattrs getattrXattrs(Caller caller, FsPath path, String prefix)
            throws FsException {
        return timed(Fop.LOOKUP, () -> brick.getattrXattrs(caller, path, prefix));
    }

    @Override
    public Attr setattr(Caller caller, FsPath path, SetAttr changes) throws FsException {
        return timed(Fop.SETATTR, () -> brick.setattr(caller, path, changes));
    }

    @Override
    public Attr fsetattr(long handle, SetAttr changes) throws FsException {
        return timed(Fop.FSETATTR, () -> brick.fsetattr(handle, changes));
    }

    @Override
    public Attr mkdir(Caller caller, FsPath path, FileId id, int mode) throws FsException {
        return timed(Fop.MKDIR, () -> brick.mkdir(caller, path, id, mode));
    }

    @Override
    public Attr mknod(Caller caller, FsPath path, FileId id, int mode, long rdev)
            throws FsException {
        return timed(Fop.MKNOD, () -> brick.mknod(caller, path, id, mode, rdev));
    }

    @Override
    public Attr symlink(Caller caller, FsPath path, FileId id, String target)
            throws FsException {
        return timed(Fop.SYMLINK, () -> brick.symlink(caller, path, id, target));
    }

    @Override
    public String readlink(Caller caller, FsPath path) throws FsException {
        return timed(Fop.READLINK, () -> brick.readlink(caller, path));
    }

    @Override
    public void unlink(Caller caller, FsPath path) throws FsException {
        timedVoid(Fop.UNLINK, () -> brick.unlink(caller, path));
    }

    @Override
    public void rmdir(Caller caller, FsPath path) throws FsException {
        timedVoid(Fop.RMDIR, () -> brick.rmdir(caller, path));
    }

    @Override
    public void rename(Caller caller, FsPath from, FsPath to, int flags) throws FsException {
        timedVoid(Fop.RENAME, () -> brick.rename(caller, from, to, flags));
    }

    @Override
    public Map<String, byte[]> unlinkXattrs(Caller caller, FsPath path, String prefix)
            throws FsException {
        return timed(Fop.UNLINK, () -> brick.unlinkXattrs(caller, path, prefix));
    }

    @Override
    public Map<String, byte[]> rmdirXattrs(Caller caller, FsPath path, String prefix)
            throws FsException {
        return timed(Fop.RMDIR, () -> brick.rmdirXattrs(caller, path, prefix));
    }

    @Override
    public Map<String, byte[]> renameXattrs(Caller caller, FsPath from, FsPath to, int flags,
            String prefix) throws FsException {
        return timed(Fop.RENAME, () -> brick.renameXattrs(caller, from, to, flags, prefix));
    }

    @Override
    public Attr link(Caller caller, FsPath existing, FsPath newPath) throws FsException {
        return timed(Fop.LINK, () -> brick.link(caller, existing, newPath));
    }

    @Override
    public Opened create(Caller caller, FsPath path, FileId id, int mode, int flags)
            throws FsException {
        Opened opened = timed(Fop.CREATE, () -> brick.create(caller, path, id, mode, flags));
        opened(opened.handle(), path);
        return opened;
    }

    @Override
    public Opened open(Caller caller, FsPath path, int flags) throws FsException {
        Opened opened = timed(Fop.OPEN, () -> brick.open(caller, path, flags));
        opened(opened.handle(), path);
        return opened;
    }

    @Override
    public OpenedXattrs openXattrs(Caller caller, FsPath path, int flags, String prefix)
            throws FsException {
        OpenedXattrs opened = timed(Fop.OPEN, () -> brick.openXattrs(caller, path, flags,
                prefix));
        opened(opened.opened().handle(), path);
        return opened;
    }

    @Override
    public byte[] read(long handle, long offset, int sizeBytes) throws FsException {
        byte[] data = timed(Fop.READ, () -> brick.read(handle, offset, sizeBytes));
        profile.read(data.length);
        totals.read(data.length);
        onHandle(TopKind.READ, handle);
        return data;
    }

    @Override
    public int write(long handle, long offset, byte[] data) throws FsException {
        int written = timed(Fop.WRITE, () -> brick.write(handle, offset, data));
        profile.written(data.length);
        totals.written(data.length);
        onHandle(TopKind.WRITE, handle);
        return written;
    }

    @Override
    public void flush(long handle) throws FsException {
        timedVoid(Fop.FLUSH, () -> brick.flush(handle));
    }

    @Override
    public void fsync(long handle, boolean dataOnly) throws FsException {
        timedVoid(Fop.FSYNC, () -> brick.fsync(handle, dataOnly));
    }

    /** Counted without a latency, as Gluster counts a release. */
    @Override
    public void release(long handle) throws FsException {
        if (paths.remove(handle) != null || paths.size() >= PATHS_MAX) {
            top.released();
        }
        boolean failed = true;
        try {
            brick.release(handle);
            failed = false;
        } finally {
            profile.called(Fop.RELEASE, 0);
            totals.called(Fop.RELEASE, 0, failed);
        }
    }

    @Override
    public void fallocate(long handle, int mode, long offset, long lengthBytes)
            throws FsException {
        timedVoid(Fop.FALLOCATE, () -> brick.fallocate(handle, mode, offset, lengthBytes));
    }

    @Override
    public long lseek(long handle, long offset, int whence) throws FsException {
        return timed(Fop.SEEK, () -> brick.lseek(handle, offset, whence));
    }

    @Override
    public DirPage readdir(Caller caller, FsPath dir, String afterName, int entriesMax)
            throws FsException {
        DirPage page = timed(Fop.READDIRP, () -> brick.readdir(caller, dir, afterName,
                entriesMax));
        if (afterName == null) {
            top.called(TopKind.OPENDIR, dir.toString());
        }
        top.called(TopKind.READDIR, dir.toString());
        return page;
    }

    @Override
    public XattrsPage readdirXattrs(Caller caller, FsPath dir, String afterName,
            int entriesMax, String prefix) throws FsException {
        XattrsPage page = timed(Fop.READDIRP, () -> brick.readdirXattrs(caller, dir,
                afterName, entriesMax, prefix));
        if (afterName == null) {
            top.called(TopKind.OPENDIR, dir.toString());
        }
        top.called(TopKind.READDIR, dir.toString());
        return page;
    }

    @Override
    public StatFs statfs(Caller caller, FsPath path) throws FsException {
        return timed(Fop.STATFS, () -> brick.statfs(caller, path));
    }

    @Override
    public byte[] getxattr(Caller caller, FsPath path, String name) throws FsException {
        return timed(Fop.GETXATTR, () -> brick.getxattr(caller, path, name));
    }

    /** Gluster has no listxattr: a GETXATTR without a name lists them. */
    @Override
    public List<String> listxattr(Caller caller, FsPath path) throws FsException {
        return timed(Fop.GETXATTR, () -> brick.listxattr(caller, path));
    }

    @Override
    public void setxattr(Caller caller, FsPath path, String name, byte[] value, int flags)
            throws FsException {
        timedVoid(Fop.SETXATTR, () -> brick.setxattr(caller, path, name, value, flags));
    }

    @Override
    public void removexattr(Caller caller, FsPath path, String name) throws FsException {
        timedVoid(Fop.REMOVEXATTR, () -> brick.removexattr(caller, path, name));
    }

    /** The brick itself is closed by its owner. */
    @Override
    public void close() {
    }
}
