package io.bramble.fs.brick.wire;

import io.bramble.fs.brick.wire.Call.Create;
import io.bramble.fs.brick.wire.Call.Fallocate;
import io.bramble.fs.brick.wire.Call.Fsetattr;
import io.bramble.fs.brick.wire.Call.Flush;
import io.bramble.fs.brick.wire.Call.Fsync;
import io.bramble.fs.brick.wire.Call.Getattr;
import io.bramble.fs.brick.wire.Call.GetattrXattrs;
import io.bramble.fs.brick.wire.Call.Getxattr;
import io.bramble.fs.brick.wire.Call.Link;
import io.bramble.fs.brick.wire.Call.Listxattr;
import io.bramble.fs.brick.wire.Call.Lseek;
import io.bramble.fs.brick.wire.Call.Mkdir;
import io.bramble.fs.brick.wire.Call.Mknod;
import io.bramble.fs.brick.wire.Call.Open;
import io.bramble.fs.brick.wire.Call.OpenXattrs;
import io.bramble.fs.brick.wire.Call.Read;
import io.bramble.fs.brick.wire.Call.Readdir;
import io.bramble.fs.brick.wire.Call.ReaddirXattrs;
import io.bramble.fs.brick.wire.Call.Readlink;
import io.bramble.fs.brick.wire.Call.Release;
import io.bramble.fs.brick.wire.Call.Removexattr;
import io.bramble.fs.brick.wire.Call.Rename;
import io.bramble.fs.brick.wire.Call.RenameXattrs;
import io.bramble.fs.brick.wire.Call.Rmdir;
import io.bramble.fs.brick.wire.Call.RmdirXattrs;
import io.bramble.fs.brick.wire.Call.Setattr;
import io.bramble.fs.brick.wire.Call.Setxattr;
import io.bramble.fs.brick.wire.Call.Statfs;
import io.bramble.fs.brick.wire.Call.Symlink;
import io.bramble.fs.brick.wire.Call.Unlink;
import io.bramble.fs.brick.wire.Call.UnlinkXattrs;
import io.bramble.fs.brick.wire.Call.Write;
import io.bramble.fs.brick.wire.Reply.Attrs;
import io.bramble.fs.brick.wire.Reply.AttrsXattrs;
import io.bramble.fs.brick.wire.Reply.Data;
import io.bramble.fs.brick.wire.Reply.Failed;
import io.bramble.fs.brick.wire.Reply.Handle;
import io.bramble.fs.brick.wire.Reply.HandleXattrs;
import io.bramble.fs.brick.wire.Reply.Names;
import io.bramble.fs.brick.wire.Reply.Number;
import io.bramble.fs.brick.wire.Reply.Page;
import io.bramble.fs.brick.wire.Reply.PageXattrs;
import io.bramble.fs.brick.wire.Reply.Space;
import io.bramble.fs.brick.wire.Reply.Text;
import io.bramble.fs.brick.wire.Reply.Xattrs;
import io.bramble.fs.ops.AttrXattrs;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.EntryXattrs;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.OpenedXattrs;
import io.bramble.fs.ops.XattrsPage;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call on a brick and turns the outcome into a reply: the errno of a failure, or the
 * result. Calls on open files are checked against the connection's own handles first.
 */
final class Dispatch {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatch.class);

    private Dispatch() {
    }

    static Reply run(FileOps brick, SessionHandles handles, Caller caller, Call call) {
        try {
            if (call instanceof Call.OnHandle onHandle) {
                handles.check(onHandle.handle());
            }
            return call instanceof Call.OnHandle onHandle
                    ? onHandle(brick, handles, onHandle)
                    : onPath(brick, handles, caller, call);
        } catch (FsException e) {
            return new Failed(e.errno());
        } catch (RuntimeException e) {
            // A bug must fail one call, never the connection or the server.
            LOG.warn("brick call {} failed", call.getClass().getSimpleName(), e);
            return new Failed(Errno.EIO);
        }
    }

    private static Reply onPath(FileOps brick, SessionHandles handles, Caller caller,
            Call call) throws FsException {
        return switch (call) {
            case Getattr c -> new Attrs(brick.getattr(caller, c.path()));
            case GetattrXattrs c -> attrsXattrs(brick.getattrXattrs(caller, c.path(), c
                    .prefix()));
            case Setattr c -> new Attrs(brick.setattr(caller, c.path(), c.changes()));
            case Mkdir c -> new Attrs(brick.mkdir(caller, c.path(), c.id(), c.mode()));
            case Mknod c -> new Attrs(brick.mknod(caller, c.path(), c.id(), c.mode(), c.rdev()));
            case Symlink c -> new Attrs(brick.symlink(caller, c.path(), c.id(), c.target()));
            case Readlink c -> new Text(brick.readlink(caller, c.path()));
            case Unlink c -> done(() -> brick.unlink(caller, c.path()));
            case Rmdir c -> done(() -> brick.rmdir(caller, c.path()));
            case Rename c -> done(() -> brick.rename(caller, c.from(), c.to(), c.flags()));
            case UnlinkXattrs c -> new Xattrs(brick.unlinkXattrs(caller, c.path(), c.prefix()));
            case RmdirXattrs c -> new Xattrs(brick.rmdirXattrs(caller, c.path(), c.prefix()));
            case RenameXattrs c -> new Xattrs(brick.renameXattrs(caller, c.from(), c.to(), c
                    .flags(), c.prefix()));
            case Link c -> new Attrs(brick.link(caller, c.existing(), c.newPath()));
            case Create c -> opened(handles, brick.create(caller, c.path(), c.id(), c.mode(), c
                    .flags()));
            case Open c -> opened(handles, brick.open(caller, c.path(), c.flags()));
            case OpenXattrs c -> openedXattrs(brick, handles, brick.openXattrs(caller, c.path(),
                    c.flags(), c.prefix()));
            case Readdir c -> new Page(brick.readdir(caller, c.dir(), c.afterName(), Math.min(c
                    .entriesMax(), Values.PAGE_ENTRIES_MAX)));
            case ReaddirXattrs c -> pageXattrs(brick.readdirXattrs(caller, c.dir(), c
                    .afterName(), Math.min(c.entriesMax(), Values.PAGE_ENTRIES_MAX), c.prefix()));
            case Statfs c -> new Space(brick.statfs(caller, c.path()));
            case Getxattr c -> new Data(brick.getxattr(caller, c.path(), c.name()));
            case Listxattr c -> new Names(brick.listxattr(caller, c.path()));
            case Setxattr c -> done(() -> brick.setxattr(caller, c.path(), c.name(), c.value(),
                    c.flags()));
            case Removexattr c -> done(() -> brick.removexattr(caller, c.path(), c.name()));
            default -> throw new IllegalStateException("not a path call: " + call);
        };
    }

    private static Reply onHandle(FileOps brick, SessionHandles handles, Call.OnHandle call)
            throws FsException {
        return switch (call) {
            case Read c -> new Data(brick.read(c.handle(), c.offset(), readSize(c)));
            case Write c -> new Number(brick.write(c.handle(), c.offset(), c.data()));
            case Flush c -> done(() -> brick.flush(c.handle()));
            case Fsync c -> done(() -> brick.fsync(c.handle(), c.dataOnly()));
            case Release c -> {
                handles.remove(c.handle()); // gone whatever the brick says
                yield done(() -> brick.release(c.handle()));
            }
            case Fallocate c -> done(() -> brick.fallocate(c.handle(), c.mode(), c.offset(), c
                    .lengthBytes()));
            case Lseek c -> new Number(brick.lseek(c.handle(), c.offset(), c.whence()));
            case Fsetattr c -> new Attrs(brick.fsetattr(c.handle(), c.changes()));
        };
    }

    /** A read must fit one frame; a shorter answer would mean "end of file". */
    private static int readSize(Read read) throws FsException {
        if (read.sizeBytes() > FrameCodec.DATA_BYTES_MAX) {
            throw new FsException(Errno.EINVAL, "a read of " + read.sizeBytes() + " bytes");
        }
        return read.sizeBytes();
    }

    private static Reply attrsXattrs(AttrXattrs read) throws FsException {
        checkFits(read.xattrs());
        return new AttrsXattrs(read);
    }

    /** A page past the bound of its layer would not fit a frame: refused, not cut. */
    private static Reply pageXattrs(XattrsPage page) throws FsException {
        long bytes = 0;
        for (EntryXattrs entry : page.entries()) {
            bytes += XattrsPage.xattrBytes(entry.read().xattrs());
        }
        if (bytes > XattrsPage.XATTR_BYTES_MAX || page.entries().size() > Values.PAGE_ENTRIES_MAX) {
            throw new FsException(Errno.E2BIG, "a listing page of " + page.entries().size()
                    + " entries with " + bytes + " bytes of xattrs");
        }
        return new PageXattrs(page);
    }

    /** An open whose xattrs do not fit a frame is undone before the refusal. */
    private static Reply openedXattrs(FileOps brick, SessionHandles handles,
            OpenedXattrs read) throws FsException {
        try {
            checkFits(read.xattrs());
        } catch (FsException e) {
            brick.release(read.opened().handle());
            throw e;
        }
        handles.add(read.opened().handle());
        return new HandleXattrs(read);
    }

    /** The xattrs must fit one frame beside the attributes; more is refused, not cut. */
    private static void checkFits(Map<String, byte[]> xattrs) throws FsException {
        long bytes = 0;
        for (Map.Entry<String, byte[]> xattr : xattrs.entrySet()) {
            bytes += xattr.getKey().length() + xattr.getValue().length;
        }
        if (bytes > FrameCodec.DATA_BYTES_MAX || xattrs.size() > Values.XATTR_NAMES_MAX) {
            throw new FsException(Errno.E2BIG, xattrs.size() + " xattrs of " + bytes
                    + " bytes");
        }
    }

    private static Reply opened(SessionHandles handles, Opened opened) {
        handles.add(opened.handle());
        return new Handle(opened);
    }

    @FunctionalInterface
    private interface Step {
        void run() throws FsException;
    }

    private static Reply done(Step step) throws FsException {
        step.run();
        return Reply.DONE;
    }
}
