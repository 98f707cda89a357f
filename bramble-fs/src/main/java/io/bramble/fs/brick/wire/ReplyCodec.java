package io.bramble.fs.brick.wire;

import io.bramble.fs.brick.wire.Reply.Attrs;
import io.bramble.fs.brick.wire.Reply.AttrsXattrs;
import io.bramble.fs.brick.wire.Reply.Data;
import io.bramble.fs.brick.wire.Reply.Done;
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
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.OpenedXattrs;
import io.bramble.pool.wire.MalformedFrameException;
import io.bramble.pool.wire.WireReader;
import io.bramble.pool.wire.WireWriter;

/** A reply on the wire: its kind byte, then its fields. */
final class ReplyCodec {
    /** errno values are positive and small; anything else is not one. */
    private static final int ERRNO_MAX = 4095;
    private static final byte[] NO_PAYLOAD = new byte[0];

    private ReplyCodec() {
    }

    /**
     * Writes {@code reply} to {@code out} but for the content of file data, whose length is
     * written: returns that content (or nothing), to follow the fields on the wire uncopied.
     */
    static byte[] encode(WireWriter out, Reply reply) {
        if (reply instanceof Data r) {
            out.u8(5).i32(r.bytes().length);
            return r.bytes();
        }
        encodeFields(out, reply);
        return NO_PAYLOAD;
    }

    private static void encodeFields(WireWriter out, Reply reply) {
        switch (reply) {
            case Done d -> out.u8(1);
            case Attrs r -> Values.attr(out.u8(2), r.attr());
            case Handle r -> Values.attr(out.u8(3).i64(r.opened().handle()), r.opened().attr());
            case Text r -> out.u8(4).string(r.text());
            case Data r -> throw new IllegalStateException("data is encoded with its payload");
            case Number r -> out.u8(6).i64(r.value());
            case Page r -> Values.page(out.u8(7), r.page());
            case Space r -> Values.statFs(out.u8(8), r.statFs());
            case Names r -> out.u8(9).strings(r.names());
            case Failed r -> out.u8(10).i32(r.errno());
            case AttrsXattrs r -> Values.attrXattrs(out.u8(11), r.read());
            case HandleXattrs r -> Values.attrXattrs(out.u8(12).i64(r.read().opened().handle()),
                    new AttrXattrs(r.read().opened().attr(), r.read().xattrs()));
            case PageXattrs r -> Values.xattrsPage(out.u8(13), r.page());
            case Xattrs r -> Values.xattrs(out.u8(14), r.xattrs());
        }
    }

    static Reply decode(WireReader in) throws MalformedFrameException {
        int kind = in.u8();
        return switch (kind) {
            case 1 -> Reply.DONE;
            case 2 -> new Attrs(Values.attr(in));
            case 3 -> new Handle(new Opened(in.i64(), Values.attr(in)));
            case 4 -> new Text(in.string(Values.LINK_TARGET_BYTES_MAX));
            case 5 -> new Data(in.bytes(FrameCodec.DATA_BYTES_MAX));
            case 6 -> new Number(in.i64());
            case 7 -> new Page(Values.page(in));
            case 8 -> new Space(Values.statFs(in));
            case 9 -> new Names(in.strings(Values.XATTR_NAMES_MAX, Values.XATTR_NAME_BYTES_MAX));
            case 10 -> failed(in.i32());
            case 11 -> new AttrsXattrs(Values.attrXattrs(in));
            case 12 -> handleXattrs(in.i64(), Values.attrXattrs(in));
            case 13 -> new PageXattrs(Values.xattrsPage(in));
            case 14 -> new Xattrs(Values.xattrs(in));
            default -> throw new MalformedFrameException("unknown reply kind " + kind);
        };
    }

    private static HandleXattrs handleXattrs(long handle, AttrXattrs read) {
        return new HandleXattrs(new OpenedXattrs(new Opened(handle, read.attr()), read
                .xattrs()));
    }

    private static Failed failed(int errno) throws MalformedFrameException {
        if (errno <= 0 || errno > ERRNO_MAX) {
            throw new MalformedFrameException("errno " + errno);
        }
        return new Failed(errno);
    }
}
