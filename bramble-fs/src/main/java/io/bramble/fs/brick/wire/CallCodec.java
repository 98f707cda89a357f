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
import io.bramble.pool.wire.MalformedFrameException;
import io.bramble.pool.wire.WireReader;
import io.bramble.pool.wire.WireWriter;

/** A call on the wire: its opcode byte, then its arguments in the record's order. */
final class CallCodec {
    private static final byte[] NO_PAYLOAD = new byte[0];

    private CallCodec() {
    }

    /**
     * Writes {@code call} to {@code out} but for the content of a write's data, whose length
     * is written: returns that content (or nothing), which follows the fields on the wire and
     * which the caller sends as it is, uncopied.
     */
    static byte[] encode(WireWriter out, Call call) {
        if (call instanceof Write c) {
            out.u8(14).i64(c.handle()).i64(c.offset()).i32(c.data().length);
            return c.data();
        }
        encodeFields(out, call);
        return NO_PAYLOAD;
    }

    private static void encodeFields(WireWriter out, Call call) {
        switch (call) {
            case Getattr c -> Values.path(out.u8(1), c.path());
            case Setattr c -> {
                Values.path(out.u8(2), c.path());
                Values.setAttr(out, c.changes());
            }
            case Mkdir c -> {
                Values.path(out.u8(3), c.path());
                Values.id(out, c.id());
                out.i32(c.mode());
            }
            case Mknod c -> {
                Values.path(out.u8(4), c.path());
                Values.id(out, c.id());
                out.i32(c.mode()).i64(c.rdev());
            }
            case Symlink c -> {
                Values.path(out.u8(5), c.path());
                Values.id(out, c.id());
                out.string(c.target());
            }
            case Readlink c -> Values.path(out.u8(6), c.path());
            case Unlink c -> Values.path(out.u8(7), c.path());
            case Rmdir c -> Values.path(out.u8(8), c.path());
            case Rename c -> {
                Values.path(out.u8(9), c.from());
                Values.path(out, c.to());
                out.i32(c.flags());
            }
            case UnlinkXattrs c -> Values.path(out.u8(30), c.path()).string(c.prefix());
            case RmdirXattrs c -> Values.path(out.u8(31), c.path()).string(c.prefix());
            case RenameXattrs c -> {
                Values.path(out.u8(32), c.from());
                Values.path(out, c.to());
                out.i32(c.flags()).string(c.prefix());
            }
            case Link c -> {
                Values.path(out.u8(10), c.existing());
                Values.path(out, c.newPath());
            }
            case Create c -> {
                Values.path(out.u8(11), c.path());
                Values.id(out, c.id());
                out.i32(c.mode()).i32(c.flags());
            }
            case Open c -> {
                Values.path(out.u8(12), c.path());
                out.i32(c.flags());
            }
            default -> encodeOther(out, call);
        }
    }

    private static void encodeOther(WireWriter out, Call call) {
        switch (call) {
            case Read c -> out.u8(13).i64(c.handle()).i64(c.offset()).i32(c.sizeBytes());
            case Flush c -> out.u8(15).i64(c.handle());
            case Fsync c -> out.u8(16).i64(c.handle()).bool(c.dataOnly());
            case Release c -> out.u8(17).i64(c.handle());
            case Fallocate c -> out.u8(18).i64(c.handle()).i32(c.mode()).i64(c.offset())
                    .i64(c.lengthBytes());
            case Lseek c -> out.u8(19).i64(c.handle()).i64(c.offset()).i32(c.whence());
            case Fsetattr c -> Values.setAttr(out.u8(28).i64(c.handle()), c.changes());
            case Readdir c -> {
                Values.path(out.u8(20), c.dir());
                Values.optionalName(out, c.afterName());
                out.i32(c.entriesMax());
            }
            case ReaddirXattrs c -> {
                Values.path(out.u8(29), c.dir());
                Values.optionalName(out, c.afterName());
                out.i32(c.entriesMax()).string(c.prefix());
            }
            case Statfs c -> Values.path(out.u8(21), c.path());
            case Getxattr c -> Values.path(out.u8(22), c.path()).string(c.name());
            case Listxattr c -> Values.path(out.u8(23), c.path());
            case Setxattr c -> Values.path(out.u8(24), c.path()).string(c.name())
                    .bytes(c.value()).i32(c.flags());
            case Removexattr c -> Values.path(out.u8(25), c.path()).string(c.name());
            case GetattrXattrs c -> Values.path(out.u8(26), c.path()).string(c.prefix());
            case OpenXattrs c -> Values.path(out.u8(27), c.path()).i32(c.flags()).string(c
                    .prefix());
            default -> throw new IllegalStateException("no encoding for " + call);
        }
    }

    static Call decode(WireReader in) throws MalformedFrameException {
        int opcode = in.u8();
        return switch (opcode) {
            case 1 -> new Getattr(Values.path(in));
            case 2 -> new Setattr(Values.path(in), Values.setAttr(in));
            case 3 -> new Mkdir(Values.path(in), Values.id(in), in.i32());
            case 4 -> new Mknod(Values.path(in), Values.id(in), in.i32(), in.i64());
            case 5 -> new Symlink(Values.path(in), Values.id(in), in.string(
                    Values.LINK_TARGET_BYTES_MAX));
            case 6 -> new Readlink(Values.path(in));
            case 7 -> new Unlink(Values.path(in));
            case 8 -> new Rmdir(Values.path(in));
            case 9 -> new Rename(Values.path(in), Values.path(in), in.i32());
            case 10 -> new Link(Values.path(in), Values.path(in));
            case 11 -> new Create(Values.path(in), Values.id(in), in.i32(), in.i32());
            case 12 -> new Open(Values.path(in), in.i32());
            default -> decodeOther(opcode, in);
        };
    }

    private static Call decodeOther(int opcode, WireReader in) throws MalformedFrameException {
        return switch (opcode) {
            case 13 -> new Read(in.i64(), in.i64(), in.i32());
            case 14 -> new Write(in.i64(), in.i64(), in.bytes(FrameCodec.DATA_BYTES_MAX));
            case 15 -> new Flush(in.i64());
            case 16 -> new Fsync(in.i64(), in.bool());
            case 17 -> new Release(in.i64());
            case 18 -> new Fallocate(in.i64(), in.i32(), in.i64(), in.i64());
            case 19 -> new Lseek(in.i64(), in.i64(), in.i32());
            case 20 -> new Readdir(Values.path(in), Values.optionalName(in), in.i32());
            case 21 -> new Statfs(Values.path(in));
            case 22 -> new Getxattr(Values.path(in), in.string(Values.XATTR_NAME_BYTES_MAX));
            case 23 -> new Listxattr(Values.path(in));
            case 24 -> new Setxattr(Values.path(in), in.string(Values.XATTR_NAME_BYTES_MAX), in
                    .bytes(Values.XATTR_VALUE_BYTES_MAX), in.i32());
            case 25 -> new Removexattr(Values.path(in), in.string(
                    Values.XATTR_NAME_BYTES_MAX));
            case 26 -> new GetattrXattrs(Values.path(in), in.string(
                    Values.XATTR_NAME_BYTES_MAX));
            case 27 -> new OpenXattrs(Values.path(in), in.i32(), in.string(
                    Values.XATTR_NAME_BYTES_MAX));
            case 28 -> new Fsetattr(in.i64(), Values.setAttr(in));
            case 29 -> new ReaddirXattrs(Values.path(in), Values.optionalName(in), in.i32(), in
                    .string(Values.XATTR_NAME_BYTES_MAX));
            case 30 -> new UnlinkXattrs(Values.path(in), in.string(Values.XATTR_NAME_BYTES_MAX));
            case 31 -> new RmdirXattrs(Values.path(in), in.string(Values.XATTR_NAME_BYTES_MAX));
            case 32 -> new RenameXattrs(Values.path(in), Values.path(in), in.i32(), in.string(
                    Values.XATTR_NAME_BYTES_MAX));
            default -> throw new MalformedFrameException("unknown opcode " + opcode);
        };
    }
}
