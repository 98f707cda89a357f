package io.bramble.fs.fuse;

import io.bramble.fs.fuse.FuseReply.Attributes;
import io.bramble.fs.fuse.FuseReply.Created;
import io.bramble.fs.fuse.FuseReply.Data;
import io.bramble.fs.fuse.FuseReply.Entry;
import io.bramble.fs.fuse.FuseReply.Error;
import io.bramble.fs.fuse.FuseReply.FileSystemStats;
import io.bramble.fs.fuse.FuseReply.InitReply;
import io.bramble.fs.fuse.FuseReply.None;
import io.bramble.fs.fuse.FuseReply.Ok;
import io.bramble.fs.fuse.FuseReply.OpenHandle;
import io.bramble.fs.fuse.FuseReply.SeekOffset;
import io.bramble.fs.fuse.FuseReply.Written;
import io.bramble.fs.fuse.FuseReply.XattrSize;
import io.bramble.fs.ops.StatFs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Lays a {@link FuseReply} out as the kernel reads it: {@code struct fuse_out_header}
 * (length, negated errno, the request's unique) and the body. One reply is one array, so
 * the device gets it in a single write(2).
 */
final class ReplyEncoder {
    static final int HEADER_BYTES = 16;
    static final int OPEN_BYTES = 16;
    static final int ATTR_OUT_BYTES = 16 + AttrLayout.ATTR_BYTES;
    static final int STATFS_BYTES = 80;
    static final int INIT_OUT_BYTES = 64;

    private ReplyEncoder() {
    }

    /** The bytes to write for {@code reply} to request {@code unique}; null when none. */
    static byte[] encode(long unique, FuseReply reply) {
        return switch (reply) {
            case None none -> null;
            case Error error -> header(unique, -error.errno(), 0).array();
            case Ok ok -> header(unique, 0, 0).array();
            case Entry entry -> entry(unique, entry);
            case Attributes attributes -> attributes(unique, attributes);
            case OpenHandle open -> withBody(unique, OPEN_BYTES, out -> putOpen(out, open));
            case Created created -> withBody(unique, AttrLayout.ENTRY_BYTES + OPEN_BYTES,
                    out -> {
                        AttrLayout.putEntry(out, created.entry());
                        putOpen(out, created.open());
                    });
            case Data data -> data(unique, data.bytes());
            case Written written -> withBody(unique, 8, out -> out.putInt(written.sizeBytes())
                    .putInt(0));
            case XattrSize size -> withBody(unique, 8, out -> out.putInt(size.sizeBytes())
                    .putInt(0));
            case SeekOffset seek -> withBody(unique, 8, out -> out.putLong(seek.offset()));
            case FileSystemStats stats -> withBody(unique, STATFS_BYTES,
                    out -> putStatFs(out, stats.stats()));
            case InitReply init -> withBody(unique, INIT_OUT_BYTES, out -> putInit(out, init));
        };
    }

    private static byte[] entry(long unique, Entry entry) {
        return withBody(unique, AttrLayout.ENTRY_BYTES, out -> AttrLayout.putEntry(out, entry));
    }

    private static byte[] attributes(long unique, Attributes attributes) {
        return withBody(unique, ATTR_OUT_BYTES, out -> {
            out.putLong(AttrLayout.seconds(attributes.attrValidNs()));
            out.putInt(AttrLayout.nanos(attributes.attrValidNs()));
            out.putInt(0);
            AttrLayout.putAttr(out, attributes.attr());
        });
    }

    private static byte[] data(long unique, byte[] bytes) {
        ByteBuffer out = header(unique, 0, bytes.length);
        out.put(bytes);
        return out.array();
    }

    private static void putOpen(ByteBuffer out, OpenHandle open) {
        out.putLong(open.handle());
        out.putInt(open.openFlags());
        out.putInt(0);
    }

    private static void putStatFs(ByteBuffer out, StatFs stats) {
        out.putLong(stats.blocks());
        out.putLong(stats.blocksFree());
        out.putLong(stats.blocksAvailable());
        out.putLong(stats.files());
        out.putLong(stats.filesFree());
        out.putInt((int) stats.blockSizeBytes());
        out.putInt(stats.nameBytesMax());
        out.putInt((int) stats.blockSizeBytes()); // frsize: bramble has no fragments
    }

    private static void putInit(ByteBuffer out, InitReply init) {
        out.putInt(init.major());
        out.putInt(init.minor());
        out.putInt(init.maxReadaheadBytes());
        out.putInt(init.flags());
        out.putShort((short) init.maxBackground());
        out.putShort((short) init.congestionThreshold());
        out.putInt(init.maxWriteBytes());
        out.putInt(init.timeGranularityNs());
        out.putShort((short) init.maxPages());
    }

    private interface BodyWriter {
        void write(ByteBuffer out);
    }

    /** A header and a fixed-size body; bytes the writer leaves untouched stay zero. */
    private static byte[] withBody(long unique, int bodyBytes, BodyWriter writer) {
        ByteBuffer out = header(unique, 0, bodyBytes);
        writer.write(out);
        return out.array();
    }

    private static ByteBuffer header(long unique, int error, int bodyBytes) {
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + bodyBytes)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(HEADER_BYTES + bodyBytes);
        out.putInt(error);
        out.putLong(unique);
        return out;
    }
}
