package io.bramble.fs.fuse;

import static io.bramble.fs.fuse.LittleEndianBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.fuse.FuseReply.Attributes;
import io.bramble.fs.fuse.FuseReply.Created;
import io.bramble.fs.fuse.FuseReply.Data;
import io.bramble.fs.fuse.FuseReply.Entry;
import io.bramble.fs.fuse.FuseReply.Error;
import io.bramble.fs.fuse.FuseReply.FileSystemStats;
import io.bramble.fs.fuse.FuseReply.InitReply;
import io.bramble.fs.fuse.FuseReply.None;
import io.bramble.fs.fuse.FuseReply.OpenHandle;
import io.bramble.fs.fuse.FuseReply.Written;
import io.bramble.fs.fuse.FuseReply.XattrSize;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.StatFs;
import org.junit.jupiter.api.Test;

class ReplyEncoderTest {
    private static final long UNIQUE = 0x1122334455667788L;
    private static final FileId ID = new FileId(0x0102030405060708L, 0x090a0b0c0d0e0f10L);
    private static final Attr FILE = new Attr(ID, 0100644, 2, 1000, 100, 0, 5000, 16,
            1_700_000_000_123_456_789L, 1_700_000_001_000_000_000L, -1L);

    @Test
    void anErrorIsAHeaderWithTheNegatedErrno() {
        assertThat(hex(ReplyEncoder.encode(UNIQUE, new Error(2))))
                .isEqualTo("10000000" + "feffffff" + "8877665544332211");
        assertThat(ReplyEncoder.encode(UNIQUE, new None())).isNull();
    }

    @Test
    void smallBodiesFollowTheHeader() {
        assertThat(hex(ReplyEncoder.encode(UNIQUE, new Written(4096))))
                .isEqualTo("18000000" + "00000000" + "8877665544332211" + "00100000"
                        + "00000000");
        assertThat(hex(ReplyEncoder.encode(UNIQUE, new XattrSize(5))))
                .isEqualTo("1800000000000000887766554433221105000000" + "00000000");
        assertThat(hex(ReplyEncoder.encode(UNIQUE, new Data(new byte[]{1, 2, 3}))))
                .isEqualTo("13000000000000008877665544332211010203");
        assertThat(ReplyEncoder.encode(UNIQUE, new OpenHandle(0xabcdL, 2)))
                .isEqualTo(header(32).u64(0xabcd).u32(2).u32(0).toArray());
    }

    @Test
    void anEntryCarriesTimeoutsAndTheAttributesAsFuseAttr() {
        Entry entry = new Entry(42, 3, 1_500_000_000L, 250_000_000L, FILE);
        LittleEndianBytes expected = header(144).u64(42).u64(3).u64(1).u64(0).u32(500_000_000)
                .u32(250_000_000);
        fuseAttr(expected, FILE);
        assertThat(ReplyEncoder.encode(UNIQUE, entry)).isEqualTo(expected.toArray());
    }

    @Test
    void attributesAndCreateRepliesHaveTheirOwnShapes() {
        LittleEndianBytes expected = header(120).u64(1).u32(0).u32(0);
        fuseAttr(expected, FILE);
        assertThat(ReplyEncoder.encode(UNIQUE, new Attributes(1_000_000_000L, FILE)))
                .isEqualTo(expected.toArray());

        Entry entry = new Entry(7, 0, 0, 0, FILE);
        LittleEndianBytes created = header(160).u64(7).u64(0).u64(0).u64(0).u32(0).u32(0);
        fuseAttr(created, FILE);
        created.u64(99).u32(0).u32(0);
        assertThat(ReplyEncoder.encode(UNIQUE, new Created(entry, new OpenHandle(99, 0))))
                .isEqualTo(created.toArray());
    }

    @Test
    void statfsAndInitRepliesMatchTheirStructs() {
        StatFs stats = new StatFs(4096, 1000, 600, 500, 70, 30, 255);
        assertThat(ReplyEncoder.encode(UNIQUE, new FileSystemStats(stats)))
                .isEqualTo(header(96).u64(1000).u64(600).u64(500).u64(70).u64(30).u32(4096)
                        .u32(255).u32(4096).u32(0).zeros(24).toArray());
        InitReply init = new InitReply(7, 31, 131072, 0x00C66029, 64, 48, 1 << 20, 1, 256);
        assertThat(ReplyEncoder.encode(UNIQUE, init)).isEqualTo(header(80).u32(7).u32(31)
                .u32(131072).u32(0x00C66029).u16(64).u16(48).u32(1 << 20).u32(1).u16(256)
                .u16(0).zeros(32).toArray());
    }

    @Test
    void direntsArePaddedToEightBytesAndRefusedWhenTheyDoNotFit() {
        DirentBuffer buffer = new DirentBuffer(72);
        assertThat(buffer.add("abc", 12, 8, 1)).isTrue();
        assertThat(buffer.add("0123456789", 13, 4, 2)).isTrue();
        assertThat(buffer.add("x", 14, 8, 3)).isFalse();
        assertThat(buffer.bytes()).isEqualTo(new LittleEndianBytes().u64(12).u64(1).u32(3)
                .u32(8).bytes("abc".getBytes()).zeros(5).u64(13).u64(2).u32(10).u32(4)
                .bytes("0123456789".getBytes()).zeros(6).toArray());
        assertThat(buffer.entries()).isEqualTo(2);
    }

    @Test
    void direntplusEntriesLeadWithAnEntryOrNodeZero() {
        DirentBuffer buffer = new DirentBuffer(4096);
        assertThat(buffer.addPlus(".", null, 1, 4, 1)).isTrue();
        Entry entry = new Entry(42, 0, 0, 0, FILE);
        assertThat(buffer.addPlus("f", entry, ID.inode(), 8, 2)).isTrue();
        LittleEndianBytes expected = new LittleEndianBytes().zeros(128).u64(1).u64(1).u32(1)
                .u32(4).bytes(new byte[]{'.'}).zeros(7).u64(42).zeros(32);
        fuseAttr(expected, FILE);
        expected.u64(ID.inode()).u64(2).u32(1).u32(8).bytes(new byte[]{'f'}).zeros(7);
        assertThat(buffer.bytes()).isEqualTo(expected.toArray());
    }

    private static LittleEndianBytes header(int length) {
        return new LittleEndianBytes().u32(length).u32(0).u64(UNIQUE);
    }

    /** struct fuse_attr, field by field from fuse.h. */
    private static void fuseAttr(LittleEndianBytes out, Attr attr) {
        out.u64(attr.id().inode()).u64(attr.sizeBytes()).u64(attr.blocks512())
                .u64(Math.floorDiv(attr.atimeNs(), 1_000_000_000L))
                .u64(Math.floorDiv(attr.mtimeNs(), 1_000_000_000L))
                .u64(Math.floorDiv(attr.ctimeNs(), 1_000_000_000L))
                .u32(Math.floorMod(attr.atimeNs(), 1_000_000_000L))
                .u32(Math.floorMod(attr.mtimeNs(), 1_000_000_000L))
                .u32(Math.floorMod(attr.ctimeNs(), 1_000_000_000L)).u32(attr.mode())
                .u32(attr.nlink()).u32(attr.uid()).u32(attr.gid()).u32(attr.rdev())
                .u32(131072).u32(0);
    }
}
