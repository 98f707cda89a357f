package io.bramble.fs.fuse;

import io.bramble.fs.fuse.FuseReply.Data;
import io.bramble.fs.fuse.FuseReply.Ok;
import io.bramble.fs.fuse.FuseReply.XattrSize;
import io.bramble.fs.fuse.FuseRequest.GetXattr;
import io.bramble.fs.fuse.FuseRequest.ListXattr;
import io.bramble.fs.fuse.FuseRequest.RemoveXattr;
import io.bramble.fs.fuse.FuseRequest.SetXattr;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.FileOps;
import io.bramble.fs.ops.FsException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Extended attributes, with bramble's internal ones out of reach ({@link InternalXattrs}) and
 * the unsupported ones answered here, without a call to the volume ({@link UnsupportedXattrs}).
 * A size of 0 asks how big the answer is; a buffer too small gets ERANGE, as getxattr(2)
 * promises.
 */
final class XattrRequests {
    private static final int XATTR_FLAGS = FileOps.XATTR_CREATE | FileOps.XATTR_REPLACE;

    private final MountState state;

    XattrRequests(MountState state) {
        this.state = state;
    }

    FuseReply setxattr(RequestHeader header, SetXattr request) throws FsException {
        refuseUnsupported(request.name());
        refuseInternal(request.name());
        state.files.setxattr(header.caller(), state.nodes.path(header.nodeId()), request.name(),
                request.value(), request.flags() & XATTR_FLAGS);
        return new Ok();
    }

    FuseReply getxattr(RequestHeader header, GetXattr request) throws FsException {
        refuseUnsupported(request.name());
        if (InternalXattrs.isInternal(request.name())) {
            throw new FsException(Errno.ENODATA, request.name());
        }
        byte[] value = state.files.getxattr(header.caller(), state.nodes.path(header.nodeId()),
                request.name());
        return sized(value, request.sizeBytes());
    }

    FuseReply listxattr(RequestHeader header, ListXattr request) throws FsException {
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        for (String name : InternalXattrs.visible(state.files.listxattr(header.caller(),
                state.nodes.path(header.nodeId())))) {
            if (UnsupportedXattrs.isUnsupported(name)) {
                continue; // a brick's own label, say: the mount does not show them
            }
            names.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            names.write(0);
        }
        return sized(names.toByteArray(), request.sizeBytes());
    }

    FuseReply removexattr(RequestHeader header, RemoveXattr request) throws FsException {
        refuseUnsupported(request.name());
        refuseInternal(request.name());
        state.files.removexattr(header.caller(), state.nodes.path(header.nodeId()),
                request.name());
        return new Ok();
    }

    private static void refuseUnsupported(String name) throws FsException {
        if (UnsupportedXattrs.isUnsupported(name)) {
            throw new FsException(Errno.EOPNOTSUPP, name + " is not supported by the mount");
        }
    }

    private static void refuseInternal(String name) throws FsException {
        if (InternalXattrs.isInternal(name)) {
            throw new FsException(Errno.EPERM, name + " is bramble's own");
        }
    }

    private static FuseReply sized(byte[] bytes, int sizeBytes) throws FsException {
        if (sizeBytes == 0) {
            return new XattrSize(bytes.length);
        }
        if (Integer.toUnsignedLong(sizeBytes) < bytes.length) {
            throw new FsException(Errno.ERANGE, bytes.length + " bytes for a buffer of "
                    + sizeBytes);
        }
        return new Data(bytes);
    }
}
