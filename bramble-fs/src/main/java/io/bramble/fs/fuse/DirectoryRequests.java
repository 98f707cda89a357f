package io.bramble.fs.fuse;

import io.bramble.fs.fuse.FuseReply.Data;
import io.bramble.fs.fuse.FuseReply.Entry;
import io.bramble.fs.fuse.FuseReply.Ok;
import io.bramble.fs.fuse.FuseReply.OpenHandle;
import io.bramble.fs.fuse.FuseRequest.ReadDirectory;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.FileType;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.FsPath;

/**
 * Directory listings. Offsets are positions: 0 is ".", 1 is "..", and position p ≥ 2 is
 * entry p − 2 of the {@link DirectoryStream}; each entry carries the offset after it. A
 * READDIRPLUS entry counts as a lookup of its node, as the kernel counts it, so a node is
 * recorded only once its entry is sure to fit; "." and ".." go with node id 0 and count
 * nothing.
 */
final class DirectoryRequests {
    /** Kernels ask for a page or a few; more than this is not a real request. */
    static final int READDIR_BYTES_MAX = 1024 * 1024;
    private static final int DT_DIR = FileType.DIRECTORY.direntType();

    private final MountState state;

    DirectoryRequests(MountState state) {
        this.state = state;
    }

    FuseReply opendir(RequestHeader header) throws FsException {
        long nodeId = header.nodeId();
        Caller caller = header.caller();
        state.nodes.path(nodeId);
        DirectoryStream stream = new DirectoryStream((after, max) -> state.files.readdir(caller,
                state.nodes.path(nodeId), after, max), state.readdirPageEntriesMax);
        return new OpenHandle(state.directories.open(stream), 0);
    }

    FuseReply readdir(RequestHeader header, ReadDirectory request) throws FsException {
        DirectoryStream stream = state.directories.get(request.handle());
        DirentBuffer buffer = new DirentBuffer(Math.min(Math.max(request.sizeBytes(), 0),
                READDIR_BYTES_MAX));
        synchronized (stream) {
            if (request.offset() == 0) {
                stream.rewind();
            }
            try {
                fill(header, request, stream, buffer);
            } catch (FsException e) {
                if (buffer.entries() == 0) {
                    throw e;
                }
                // What was added is sent (its lookups are counted); the error comes next time.
            }
        }
        return new Data(buffer.bytes());
    }

    FuseReply releasedir(long handle) {
        state.directories.close(handle);
        return new Ok();
    }

    private void fill(RequestHeader header, ReadDirectory request, DirectoryStream stream,
            DirentBuffer buffer) throws FsException {
        long dirId = header.nodeId();
        for (long position = Math.max(request.offset(), 0);; position++) {
            boolean added;
            if (position < 2) {
                String name = position == 0 ? "." : "..";
                long inode = position == 0
                        ? state.nodes.fileId(dirId).inode()
                        : parentInode(header.caller(), dirId);
                added = request.plus()
                        ? buffer.addPlus(name, null, inode, DT_DIR, position + 1)
                        : buffer.add(name, inode, DT_DIR, position + 1);
            } else {
                DirEntry entry = stream.entry(position - 2);
                if (entry == null) {
                    return;
                }
                added = request.plus()
                        ? addPlus(buffer, dirId, entry, position + 1)
                        : buffer.add(entry.name(), entry.attr().id().inode(),
                                direntType(entry.attr().mode()), position + 1);
            }
            if (!added) {
                return;
            }
        }
    }

    private boolean addPlus(DirentBuffer buffer, long dirId, DirEntry entry, long next) {
        if (!buffer.fits(entry.name(), true)) {
            return false;
        }
        Entry lookedUp;
        try {
            lookedUp = state.entry(dirId, entry.name(), entry.attr());
        } catch (FsException e) {
            lookedUp = null; // listed without an inode; a LOOKUP will say what is wrong
        }
        return buffer.addPlus(entry.name(), lookedUp, entry.attr().id().inode(),
                direntType(entry.attr().mode()), next);
    }

    /** The inode of "..": the root's own for the root, else the parent's. */
    private long parentInode(Caller caller, long dirId) throws FsException {
        FsPath dir = state.nodes.path(dirId);
        if (dir.isRoot()) {
            return state.nodes.fileId(dirId).inode();
        }
        long parentId = state.nodes.nodeAt(dir.parent());
        if (parentId != 0) {
            return state.nodes.fileId(parentId).inode();
        }
        return state.files.getattr(caller, dir.parent()).id().inode();
    }

    /** DT_* from a mode: the type bits shifted down, as the kernel's own file systems do. */
    static int direntType(int mode) {
        return (mode & FileType.TYPE_MASK) >>> 12;
    }
}
