package io.bramble.fs.fuse;

import io.bramble.fs.fuse.FuseReply.Data;
import io.bramble.fs.fuse.FuseReply.Ok;
import io.bramble.fs.fuse.FuseReply.OpenHandle;
import io.bramble.fs.fuse.FuseReply.SeekOffset;
import io.bramble.fs.fuse.FuseReply.Written;
import io.bramble.fs.fuse.FuseRequest.Fallocate;
import io.bramble.fs.fuse.FuseRequest.Lseek;
import io.bramble.fs.fuse.FuseRequest.Open;
import io.bramble.fs.fuse.FuseRequest.Read;
import io.bramble.fs.fuse.FuseRequest.Write;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FsException;
import io.bramble.fs.ops.Opened;

/**
 * Requests on open files. The layer's handle is the kernel's {@code fh}, unchanged, so
 * reads and writes cost no table lookup.
 */
final class FileRequests {
    private final MountState state;

    FileRequests(MountState state) {
        this.state = state;
    }

    FuseReply open(RequestHeader header, Open request) throws FsException {
        Opened opened = state.files.open(header.caller(), state.nodes.path(header.nodeId()),
                LayerOpenFlags.of(request.flags(), state.writebackCache));
        state.nodes.refreshed(header.nodeId(), opened.attr());
        state.openFiles.opened(header.nodeId(), opened.handle());
        return new OpenHandle(opened.handle(), 0);
    }

    FuseReply read(Read request) throws FsException {
        if (request.sizeBytes() < 0 || request.offset() < 0) {
            throw new FsException(Errno.EINVAL, "read of " + request.sizeBytes() + " at "
                    + request.offset());
        }
        return new Data(state.files.read(request.handle(), request.offset(),
                request.sizeBytes()));
    }

    FuseReply write(Write request) throws FsException {
        if (request.offset() < 0) {
            throw new FsException(Errno.EINVAL, "write at " + request.offset());
        }
        return new Written(state.files.write(request.handle(), request.offset(),
                request.data()));
    }

    FuseReply flush(long handle) throws FsException {
        state.files.flush(handle);
        return new Ok();
    }

    FuseReply release(long nodeId, long handle) throws FsException {
        state.openFiles.released(nodeId, handle);
        state.files.release(handle);
        return new Ok();
    }

    FuseReply fsync(long handle, boolean dataOnly) throws FsException {
        state.files.fsync(handle, dataOnly);
        return new Ok();
    }

    FuseReply fallocate(Fallocate request) throws FsException {
        state.files.fallocate(request.handle(), request.mode(), request.offset(),
                request.lengthBytes());
        return new Ok();
    }

    /**
     * SEEK_DATA and SEEK_HOLE. With the writeback cache the kernel may hold written pages the
     * layers have not seen yet, and it asks without sending them first: the layers' answer
     * could call fresh data a hole (a copy would skip it) or refuse an offset inside the file
     * (ENXIO). ENOSYS makes the kernel answer by itself from then on, from its own size: all
     * data, and the hole at the end.
     */
    FuseReply lseek(Lseek request) throws FsException {
        if (state.writebackCache) {
            return new FuseReply.Error(Errno.ENOSYS);
        }
        return new SeekOffset(state.files.lseek(request.handle(), request.offset(),
                request.whence()));
    }
}
