package io.bramble.fs.fuse;

import io.bramble.fs.fuse.FuseReply.Error;
import io.bramble.fs.fuse.FuseReply.None;
import io.bramble.fs.fuse.FuseReply.Ok;
import io.bramble.fs.fuse.FuseRequest.Access;
import io.bramble.fs.fuse.FuseRequest.BatchForget;
import io.bramble.fs.fuse.FuseRequest.Create;
import io.bramble.fs.fuse.FuseRequest.Destroy;
import io.bramble.fs.fuse.FuseRequest.Fallocate;
import io.bramble.fs.fuse.FuseRequest.Flush;
import io.bramble.fs.fuse.FuseRequest.Forget;
import io.bramble.fs.fuse.FuseRequest.Fsync;
import io.bramble.fs.fuse.FuseRequest.FsyncDirectory;
import io.bramble.fs.fuse.FuseRequest.GetAttr;
import io.bramble.fs.fuse.FuseRequest.GetXattr;
import io.bramble.fs.fuse.FuseRequest.Init;
import io.bramble.fs.fuse.FuseRequest.Interrupt;
import io.bramble.fs.fuse.FuseRequest.Link;
import io.bramble.fs.fuse.FuseRequest.ListXattr;
import io.bramble.fs.fuse.FuseRequest.Lookup;
import io.bramble.fs.fuse.FuseRequest.Lseek;
import io.bramble.fs.fuse.FuseRequest.MakeDirectory;
import io.bramble.fs.fuse.FuseRequest.MakeNode;
import io.bramble.fs.fuse.FuseRequest.Open;
import io.bramble.fs.fuse.FuseRequest.OpenDirectory;
import io.bramble.fs.fuse.FuseRequest.Read;
import io.bramble.fs.fuse.FuseRequest.ReadDirectory;
import io.bramble.fs.fuse.FuseRequest.ReadLink;
import io.bramble.fs.fuse.FuseRequest.Release;
import io.bramble.fs.fuse.FuseRequest.ReleaseDirectory;
import io.bramble.fs.fuse.FuseRequest.RemoveDirectory;
import io.bramble.fs.fuse.FuseRequest.RemoveXattr;
import io.bramble.fs.fuse.FuseRequest.Rename;
import io.bramble.fs.fuse.FuseRequest.SetAttributes;
import io.bramble.fs.fuse.FuseRequest.SetXattr;
import io.bramble.fs.fuse.FuseRequest.StatFileSystem;
import io.bramble.fs.fuse.FuseRequest.Symlink;
import io.bramble.fs.fuse.FuseRequest.Unlink;
import io.bramble.fs.fuse.FuseRequest.Unsupported;
import io.bramble.fs.fuse.FuseRequest.Write;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each request to the handler of its kind and turns failures into error replies: an
 * {@link FsException} into its errno, anything unexpected into EIO (logged, since it is a
 * bug). The switch is over a sealed type, so the compiler proves every request has a
 * handler; each arm only delegates.
 */
final class RequestDispatcher {
    private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);

    private final NodeRequests nodes;
    private final NamespaceRequests namespace;
    private final FileRequests files;
    private final DirectoryRequests directories;
    private final XattrRequests xattrs;

    RequestDispatcher(MountState state) {
        this.nodes = new NodeRequests(state);
        this.namespace = new NamespaceRequests(state);
        this.files = new FileRequests(state);
        this.directories = new DirectoryRequests(state);
        this.xattrs = new XattrRequests(state);
    }

    FuseReply dispatch(Request request) {
        RequestHeader header = request.header();
        try {
            return handle(header, request.body());
        } catch (FsException e) {
            if (log.isDebugEnabled()) {
                log.debug("{} on node {}: {}", FuseOpcode.name(header.opcode()),
                        header.nodeId(), e.getMessage());
            }
            return new Error(e.errno());
        } catch (RuntimeException e) {
            log.warn("{} on node {} failed", FuseOpcode.name(header.opcode()), header.nodeId(),
                    e);
            return new Error(Errno.EIO);
        }
    }

    private FuseReply handle(RequestHeader header, FuseRequest body) throws FsException {
        return switch (body) {
            case Lookup r -> nodes.lookup(header, r);
            case Forget r -> nodes.forget(header, r);
            case BatchForget r -> nodes.batchForget(r);
            case GetAttr r -> nodes.getattr(header);
            case SetAttributes r -> nodes.setattr(header, r);
            case ReadLink r -> nodes.readlink(header);
            case StatFileSystem r -> nodes.statfs(header);
            case Symlink r -> namespace.symlink(header, r);
            case MakeNode r -> namespace.mknod(header, r);
            case MakeDirectory r -> namespace.mkdir(header, r);
            case Create r -> namespace.create(header, r);
            case Link r -> namespace.link(header, r);
            case Unlink r -> namespace.unlink(header, r);
            case RemoveDirectory r -> namespace.rmdir(header, r);
            case Rename r -> namespace.rename(header, r);
            case Open r -> files.open(header, r);
            case Read r -> files.read(r);
            case Write r -> files.write(r);
            case Flush r -> files.flush(r.handle());
            case Release r -> files.release(header.nodeId(), r.handle());
            case Fsync r -> files.fsync(r.handle(), r.dataOnly());
            case Fallocate r -> files.fallocate(r);
            case Lseek r -> files.lseek(r);
            case OpenDirectory r -> directories.opendir(header);
            case ReadDirectory r -> directories.readdir(header, r);
            case ReleaseDirectory r -> directories.releasedir(r.handle());
            case FsyncDirectory r -> new Ok(); // the layers keep no directory state to sync
            case SetXattr r -> xattrs.setxattr(header, r);
            case GetXattr r -> xattrs.getxattr(header, r);
            case ListXattr r -> xattrs.listxattr(header, r);
            case RemoveXattr r -> xattrs.removexattr(header, r);
            // default_permissions makes the kernel check access itself; ENOSYS tells it to
            // stop asking should it ever ask.
            case Access r -> new Error(Errno.ENOSYS);
            case Interrupt r -> new None(); // the request finishes anyway; its reply is late
            case Init r -> new Error(Errno.EIO); // only the first request may be INIT
            case Destroy r -> new Ok();
            case Unsupported r -> new Error(Errno.ENOSYS);
        };
    }
}
