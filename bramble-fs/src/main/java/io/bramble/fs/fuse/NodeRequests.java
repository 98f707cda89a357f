package io.bramble.fs.fuse;

import io.bramble.fs.fuse.FuseReply.Data;
import io.bramble.fs.fuse.FuseReply.FileSystemStats;
import io.bramble.fs.fuse.FuseRequest.BatchForget;
import io.bramble.fs.fuse.FuseRequest.Forget;
import io.bramble.fs.fuse.FuseRequest.Forgotten;
import io.bramble.fs.fuse.FuseRequest.Lookup;
import io.bramble.fs.fuse.FuseRequest.SetAttributes;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * Requests about one node: resolving names, attributes, link targets, file-system figures,
 * and the kernel forgetting nodes. A node whose names were all removed while open answers
 * GETATTR from its last attributes, since the layers reach files by path only.
 */
final class NodeRequests {
    private final MountState state;

    NodeRequests(MountState state) {
        this.state = state;
    }

    FuseReply lookup(RequestHeader header, Lookup request) throws FsException {
        FsPath path = state.nodes.childPath(header.nodeId(), request.name());
        Attr attr = state.files.getattr(header.caller(), path);
        return state.entry(header.nodeId(), request.name(), attr);
    }

    FuseReply forget(RequestHeader header, Forget request) {
        state.nodes.forget(header.nodeId(), request.lookups());
        return new FuseReply.None();
    }

    FuseReply batchForget(BatchForget request) {
        for (Forgotten node : request.nodes()) {
            state.nodes.forget(node.nodeId(), node.lookups());
        }
        return new FuseReply.None();
    }

    FuseReply getattr(RequestHeader header) throws FsException {
        long nodeId = header.nodeId();
        FsPath path = pathOrNull(nodeId);
        if (path == null) {
            return state.timeouts.attributes(state.nodes.lastAttr(nodeId));
        }
        Attr attr = state.files.getattr(header.caller(), path);
        state.nodes.refreshed(nodeId, attr);
        return state.timeouts.attributes(attr);
    }

    /**
     * SETATTR through the open file when the kernel names one (ftruncate, and the times it
     * sends at close with the writeback cache): one call to the file's copies, with no lookup
     * of its path. Else by path, or, for a file with no name left (fchmod after unlink),
     * through any file open on the node. An orphan with no open file takes new times silently
     * (the writeback cache sends them after the last name is gone) but nothing else.
     */
    FuseReply setattr(RequestHeader header, SetAttributes request) throws FsException {
        long nodeId = header.nodeId();
        FsPath path = pathOrNull(nodeId);
        var changes = request.changes();
        OptionalLong handle = request.handle().isPresent() || path != null
                ? request.handle()
                : state.openFiles.anyOf(nodeId);
        if (handle.isPresent()) {
            Attr attr = state.files.fsetattr(handle.getAsLong(), changes);
            state.nodes.refreshed(nodeId, attr);
            return state.timeouts.attributes(attr);
        }
        if (path == null) {
            if (changes.permissions().isEmpty() && changes.uid().isEmpty()
                    && changes.gid().isEmpty() && changes.sizeBytes().isEmpty()) {
                return state.timeouts.attributes(state.nodes.lastAttr(nodeId));
            }
            throw new FsException(Errno.ENOENT, "node " + nodeId + " has no name left");
        }
        Attr attr = state.files.setattr(header.caller(), path, request.changes());
        state.nodes.refreshed(nodeId, attr);
        return state.timeouts.attributes(attr);
    }

    FuseReply readlink(RequestHeader header) throws FsException {
        String target = state.files.readlink(header.caller(), state.nodes.path(header.nodeId()));
        return new Data(target.getBytes(StandardCharsets.UTF_8));
    }

    FuseReply statfs(RequestHeader header) throws FsException {
        FsPath path = pathOrNull(header.nodeId());
        return new FileSystemStats(state.files.statfs(header.caller(),
                path == null ? FsPath.ROOT : path));
    }

    private FsPath pathOrNull(long nodeId) throws FsException {
        try {
            return state.nodes.path(nodeId);
        } catch (FsException e) {
            if (e.errno() == Errno.ENOENT) {
                return null;
            }
            throw e;
        }
    }
}
