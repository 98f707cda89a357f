package io.bramble.fs.fuse;

import io.bramble.fs.fuse.FuseRequest.Access;
import io.bramble.fs.fuse.FuseRequest.BatchForget;
import io.bramble.fs.fuse.FuseRequest.Create;
import io.bramble.fs.fuse.FuseRequest.Destroy;
import io.bramble.fs.fuse.FuseRequest.Fallocate;
import io.bramble.fs.fuse.FuseRequest.Flush;
import io.bramble.fs.fuse.FuseRequest.Forget;
import io.bramble.fs.fuse.FuseRequest.Forgotten;
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
import io.bramble.fs.fuse.FuseRequest.SetXattr;
import io.bramble.fs.fuse.FuseRequest.StatFileSystem;
import io.bramble.fs.fuse.FuseRequest.Symlink;
import io.bramble.fs.fuse.FuseRequest.Unlink;
import io.bramble.fs.fuse.FuseRequest.Unsupported;
import io.bramble.fs.fuse.FuseRequest.Write;
import io.bramble.fs.ops.Errno;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Turns the bytes of one request into a {@link Request}. A table maps each opcode to the
 * decoder of its body; the layouts are those of protocol 7.23 and later, where every struct
 * read here has its final size. Fields past the ones bramble uses are ignored, so a newer
 * kernel's longer structs decode too.
 */
final class RequestDecoder {
    /** FUSE_GETATTR_FH: the getattr came through an open file. */
    private static final int GETATTR_FH = 1;
    /** FUSE_FSYNC_FDATASYNC. */
    private static final int FSYNC_DATA_ONLY = 1;
    /** sizeof(struct fuse_write_in): the data follow it. */
    private static final int WRITE_IN_BYTES = 40;
    /** The size of one struct fuse_forget_one. */
    private static final int FORGET_ONE_BYTES = 16;

    @FunctionalInterface
    private interface BodyDecoder {
        FuseRequest decode(BodyReader in) throws MalformedRequestException;
    }

    private static final Map<Integer, BodyDecoder> BODIES = Map.ofEntries(
            Map.entry(FuseOpcode.LOOKUP, in -> new Lookup(in.cString())),
            Map.entry(FuseOpcode.FORGET, in -> new Forget(in.u64())),
            Map.entry(FuseOpcode.BATCH_FORGET, RequestDecoder::batchForget),
            Map.entry(FuseOpcode.GETATTR, RequestDecoder::getattr),
            Map.entry(FuseOpcode.SETATTR, SetAttrDecoder::decode),
            Map.entry(FuseOpcode.READLINK, in -> new ReadLink()),
            Map.entry(FuseOpcode.SYMLINK, in -> new Symlink(in.cString(), in.cString())),
            Map.entry(FuseOpcode.MKNOD, RequestDecoder::mknod),
            Map.entry(FuseOpcode.MKDIR, in -> new MakeDirectory(in.u32(), in.u32(),
                    in.cString())),
            Map.entry(FuseOpcode.UNLINK, in -> new Unlink(in.cString())),
            Map.entry(FuseOpcode.RMDIR, in -> new RemoveDirectory(in.cString())),
            Map.entry(FuseOpcode.RENAME, in -> new Rename(in.u64(), in.cString(),
                    in.cString(), 0)),
            Map.entry(FuseOpcode.RENAME2, RequestDecoder::rename2),
            Map.entry(FuseOpcode.LINK, in -> new Link(in.u64(), in.cString())),
            Map.entry(FuseOpcode.OPEN, in -> new Open(in.u32())),
            Map.entry(FuseOpcode.READ, in -> new Read(in.u64(), in.u64(), in.u32())),
            Map.entry(FuseOpcode.WRITE, RequestDecoder::write),
            Map.entry(FuseOpcode.STATFS, in -> new StatFileSystem()),
            Map.entry(FuseOpcode.RELEASE, in -> new Release(in.u64(), in.u32())),
            Map.entry(FuseOpcode.FSYNC, in -> new Fsync(in.u64(),
                    (in.u32() & FSYNC_DATA_ONLY) != 0)),
            Map.entry(FuseOpcode.SETXATTR, RequestDecoder::setxattr),
            Map.entry(FuseOpcode.GETXATTR, RequestDecoder::getxattr),
            Map.entry(FuseOpcode.LISTXATTR, in -> new ListXattr(in.u32())),
            Map.entry(FuseOpcode.REMOVEXATTR, in -> new RemoveXattr(in.cString())),
            Map.entry(FuseOpcode.FLUSH, in -> new Flush(in.u64())),
            Map.entry(FuseOpcode.INIT, in -> new Init(in.u32(), in.u32(), in.u32(),
                    in.u32())),
            Map.entry(FuseOpcode.OPENDIR, in -> new OpenDirectory(in.u32())),
            Map.entry(FuseOpcode.READDIR, in -> readdir(in, false)),
            Map.entry(FuseOpcode.READDIRPLUS, in -> readdir(in, true)),
            Map.entry(FuseOpcode.RELEASEDIR, in -> new ReleaseDirectory(in.u64())),
            Map.entry(FuseOpcode.FSYNCDIR, in -> new FsyncDirectory(in.u64(),
                    (in.u32() & FSYNC_DATA_ONLY) != 0)),
            Map.entry(FuseOpcode.ACCESS, in -> new Access(in.u32())),
            Map.entry(FuseOpcode.CREATE, in -> new Create(in.u32(), in.u32(), in.u32(),
                    skipThenName(in, 4))),
            Map.entry(FuseOpcode.INTERRUPT, in -> new Interrupt(in.u64())),
            Map.entry(FuseOpcode.DESTROY, in -> new Destroy()),
            Map.entry(FuseOpcode.FALLOCATE, in -> new Fallocate(in.u64(), in.u64(), in.u64(),
                    in.u32())),
            Map.entry(FuseOpcode.LSEEK, in -> new Lseek(in.u64(), in.u64(), in.u32())));

    private RequestDecoder() {
    }

    /**
     * Decodes the header at the buffer's position; the header fails only when the buffer
     * cannot hold one or disagrees with its stated length.
     */
    static RequestHeader header(ByteBuffer message) throws MalformedRequestException {
        ByteBuffer in = message.slice().order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < RequestHeader.SIZE_BYTES) {
            throw new MalformedRequestException(Errno.EIO, "a request of " + in.remaining()
                    + " bytes, shorter than its header");
        }
        int length = in.getInt(0);
        if (length < RequestHeader.SIZE_BYTES || length > in.remaining()) {
            throw new MalformedRequestException(Errno.EIO, "a request claiming " + length
                    + " bytes in " + in.remaining());
        }
        int extensionBytes = Short.toUnsignedInt(in.getShort(36)) * 8;
        return new RequestHeader(length, in.getInt(4), in.getLong(8), in.getLong(16),
                in.getInt(24), in.getInt(28), in.getInt(32), extensionBytes);
    }

    /** Decodes the body of a request whose header is {@code header}. */
    static FuseRequest body(RequestHeader header, ByteBuffer message)
            throws MalformedRequestException {
        BodyDecoder decoder = BODIES.get(header.opcode());
        if (decoder == null) {
            return new Unsupported(header.opcode());
        }
        int bodyEnd = header.lengthBytes() - header.extensionBytes();
        if (bodyEnd < RequestHeader.SIZE_BYTES) {
            throw new MalformedRequestException(Errno.EIO, "extensions longer than the request");
        }
        ByteBuffer body = message.slice(message.position() + RequestHeader.SIZE_BYTES,
                bodyEnd - RequestHeader.SIZE_BYTES);
        return decoder.decode(new BodyReader(body, header.opcode()));
    }

    /** Decodes a whole request, header and body. */
    static Request decode(ByteBuffer message) throws MalformedRequestException {
        RequestHeader header = header(message);
        return new Request(header, body(header, message));
    }

    private static FuseRequest batchForget(BodyReader in) throws MalformedRequestException {
        long count = Integer.toUnsignedLong(in.u32());
        in.skip(4);
        if (count > in.remaining() / FORGET_ONE_BYTES) {
            throw new MalformedRequestException(Errno.EIO, "BATCH_FORGET of " + count
                    + " nodes in " + in.remaining() + " bytes");
        }
        List<Forgotten> nodes = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            nodes.add(new Forgotten(in.u64(), in.u64()));
        }
        return new BatchForget(nodes);
    }

    private static FuseRequest getattr(BodyReader in) throws MalformedRequestException {
        int flags = in.u32();
        in.skip(4);
        long handle = in.u64();
        return new GetAttr((flags & GETATTR_FH) != 0
                ? OptionalLong.of(handle)
                : OptionalLong.empty());
    }

    private static FuseRequest mknod(BodyReader in) throws MalformedRequestException {
        int mode = in.u32();
        int rdev = in.u32();
        int umask = in.u32();
        return new MakeNode(mode, rdev, umask, skipThenName(in, 4));
    }

    private static FuseRequest rename2(BodyReader in) throws MalformedRequestException {
        long newParent = in.u64();
        int flags = in.u32();
        in.skip(4);
        return new Rename(newParent, in.cString(), in.cString(), flags);
    }

    private static FuseRequest write(BodyReader in) throws MalformedRequestException {
        long handle = in.u64();
        long offset = in.u64();
        int size = in.u32();
        int writeFlags = in.u32();
        in.skip(WRITE_IN_BYTES - 24);
        return new Write(handle, offset, in.bytes(size), writeFlags);
    }

    private static FuseRequest setxattr(BodyReader in) throws MalformedRequestException {
        // Without FUSE_SETXATTR_EXT, which bramble does not ask for, the struct is 8 bytes.
        int size = in.u32();
        int flags = in.u32();
        String name = in.cString();
        return new SetXattr(name, in.bytes(size), flags);
    }

    private static FuseRequest getxattr(BodyReader in) throws MalformedRequestException {
        int size = in.u32();
        in.skip(4);
        return new GetXattr(in.cString(), size);
    }

    private static FuseRequest readdir(BodyReader in, boolean plus)
            throws MalformedRequestException {
        return new ReadDirectory(in.u64(), in.u64(), in.u32(), plus);
    }

    private static String skipThenName(BodyReader in, int bytes)
            throws MalformedRequestException {
        in.skip(bytes);
        return in.cString();
    }
}
