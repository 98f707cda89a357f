package io.bramble.fs.fuse;

import io.bramble.fs.fuse.FuseReply.Created;
import io.bramble.fs.fuse.FuseReply.Entry;
import io.bramble.fs.fuse.FuseReply.Ok;
import io.bramble.fs.fuse.FuseReply.OpenHandle;
import io.bramble.fs.fuse.FuseRequest.Create;
import io.bramble.fs.fuse.FuseRequest.Link;
import io.bramble.fs.fuse.FuseRequest.MakeDirectory;
import io.bramble.fs.fuse.FuseRequest.MakeNode;
import io.bramble.fs.fuse.FuseRequest.RemoveDirectory;
import io.bramble.fs.fuse.FuseRequest.Rename;
import io.bramble.fs.fuse.FuseRequest.Symlink;
import io.bramble.fs.fuse.FuseRequest.Unlink;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.Opened;

/**
 * Requests that add, remove or move names. Creates pass the caller with its supplementary
 * groups, so new files belong to whoever made them, and take a fresh file id. Every change
 * that succeeds is recorded in the node table before the reply leaves.
 */
final class NamespaceRequests {
    private static final int RENAME_FLAGS = FileOps.RENAME_NOREPLACE | FileOps.RENAME_EXCHANGE;

    private final MountState state;

    NamespaceRequests(MountState state) {
        this.state = state;
    }

    FuseReply mknod(RequestHeader header, MakeNode request) throws FsException {
        FsPath path = state.nodes.childPath(header.nodeId(), request.name());
        Attr attr = state.files.mknod(creator(header), path, state.fileIds.next(),
                request.mode(), Integer.toUnsignedLong(request.rdev()));
        return state.entry(header.nodeId(), request.name(), attr);
    }

    FuseReply mkdir(RequestHeader header, MakeDirectory request) throws FsException {
        FsPath path = state.nodes.childPath(header.nodeId(), request.name());
        Attr attr = state.files.mkdir(creator(header), path, state.fileIds.next(),
                request.mode() & FileType.PERMISSION_MASK);
        return state.entry(header.nodeId(), request.name(), attr);
    }

    FuseReply symlink(RequestHeader header, Symlink request) throws FsException {
        FsPath path = state.nodes.childPath(header.nodeId(), request.name());
        Attr attr = state.files.symlink(creator(header), path, state.fileIds.next(),
                request.target());
        return state.entry(header.nodeId(), request.name(), attr);
    }

    FuseReply create(RequestHeader header, Create request) throws FsException {
        FsPath path = state.nodes.childPath(header.nodeId(), request.name());
        int flags = LayerOpenFlags.of(request.flags(), state.writebackCache);
        Opened opened = state.files.create(creator(header), path, state.fileIds.next(),
                request.mode(), flags);
        Entry entry;
        try {
            entry = state.entry(header.nodeId(), request.name(), opened.attr());
        } catch (FsException e) {
            state.files.release(opened.handle());
            throw e;
        }
        state.openFiles.opened(entry.nodeId(), opened.handle());
        return new Created(entry, new OpenHandle(opened.handle(), 0));
    }

    FuseReply link(RequestHeader header, Link request) throws FsException {
        FsPath existing = state.nodes.path(request.existingNodeId());
        FsPath path = state.nodes.childPath(header.nodeId(), request.newName());
        Attr attr = state.files.link(creator(header), existing, path);
        return state.entry(header.nodeId(), request.newName(), attr);
    }

    FuseReply unlink(RequestHeader header, Unlink request) throws FsException {
        FsPath path = state.nodes.childPath(header.nodeId(), request.name());
        state.files.unlink(header.caller(), path);
        state.nodes.removed(header.nodeId(), request.name());
        return new Ok();
    }

    FuseReply rmdir(RequestHeader header, RemoveDirectory request) throws FsException {
        FsPath path = state.nodes.childPath(header.nodeId(), request.name());
        state.files.rmdir(header.caller(), path);
        state.nodes.removed(header.nodeId(), request.name());
        return new Ok();
    }

    FuseReply rename(RequestHeader header, Rename request) throws FsException {
        if ((request.flags() & ~RENAME_FLAGS) != 0) {
            throw new FsException(Errno.EINVAL, "rename flags " + request.flags());
        }
        FsPath from = state.nodes.childPath(header.nodeId(), request.oldName());
        FsPath to = state.nodes.childPath(request.newParent(), request.newName());
        state.files.rename(header.caller(), from, to, request.flags());
        if ((request.flags() & FileOps.RENAME_EXCHANGE) != 0) {
            state.nodes.exchanged(header.nodeId(), request.oldName(), request.newParent(),
                    request.newName());
        } else {
            state.nodes.renamed(header.nodeId(), request.oldName(), request.newParent(),
                    request.newName());
        }
        return new Ok();
    }

    private static Caller creator(RequestHeader header) {
        return CallerGroups.of(header.caller());
    }
}
