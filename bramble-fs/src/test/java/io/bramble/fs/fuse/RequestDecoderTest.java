package io.bramble.fs.fuse;

import static io.bramble.fs.fuse.LittleEndianBytes.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.fs.fuse.FuseRequest.BatchForget;
import io.bramble.fs.fuse.FuseRequest.Create;
import io.bramble.fs.fuse.FuseRequest.Forgotten;
import io.bramble.fs.fuse.FuseRequest.GetAttr;
import io.bramble.fs.fuse.FuseRequest.GetXattr;
import io.bramble.fs.fuse.FuseRequest.Init;
import io.bramble.fs.fuse.FuseRequest.Link;
import io.bramble.fs.fuse.FuseRequest.Lookup;
import io.bramble.fs.fuse.FuseRequest.MakeDirectory;
import io.bramble.fs.fuse.FuseRequest.MakeNode;
import io.bramble.fs.fuse.FuseRequest.Read;
import io.bramble.fs.fuse.FuseRequest.ReadDirectory;
import io.bramble.fs.fuse.FuseRequest.Release;
import io.bramble.fs.fuse.FuseRequest.Rename;
import io.bramble.fs.fuse.FuseRequest.SetAttributes;
import io.bramble.fs.fuse.FuseRequest.SetXattr;
import io.bramble.fs.fuse.FuseRequest.Symlink;
import io.bramble.fs.fuse.FuseRequest.Unsupported;
import io.bramble.fs.fuse.FuseRequest.Write;
import io.bramble.fs.ops.Errno;
import io.bramble.fs.ops.SetAttr;
import java.nio.ByteBuffer;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RequestDecoderTest {
    private static Request decode(byte[] bytes) throws MalformedRequestException {
        return RequestDecoder.decode(ByteBuffer.wrap(bytes));
    }

    @Test
    void readsTheHeaderAndTheCaller() throws Exception {
        Request request = decode(request(FuseOpcode.LOOKUP, 77, 5,
                new LittleEndianBytes().cString("a.txt")));
        RequestHeader header = request.header();
        assertThat(header.lengthBytes()).isEqualTo(46);
        assertThat(header.opcode()).isEqualTo(FuseOpcode.LOOKUP);
        assertThat(header.unique()).isEqualTo(77);
        assertThat(header.nodeId()).isEqualTo(5);
        assertThat(header.caller().uid()).isEqualTo(1000);
        assertThat(header.caller().gid()).isEqualTo(100);
        assertThat(header.caller().pid()).isEqualTo(4242);
        assertThat(request.body()).isEqualTo(new Lookup("a.txt"));
    }

    @Test
    void decodesTheNamespaceOperations() throws Exception {
        assertThat(decode(request(FuseOpcode.MKDIR, 1, 1, new LittleEndianBytes()
                .u32(040755).u32(022).cString("dir"))).body())
                .isEqualTo(new MakeDirectory(040755, 022, "dir"));
        assertThat(decode(request(FuseOpcode.MKNOD, 1, 1, new LittleEndianBytes()
                .u32(010644).u32(0x0801).u32(022).u32(0).cString("fifo"))).body())
                .isEqualTo(new MakeNode(010644, 0x0801, 022, "fifo"));
        assertThat(decode(request(FuseOpcode.CREATE, 1, 1, new LittleEndianBytes()
                .u32(0101).u32(0100644).u32(022).u32(0).cString("new"))).body())
                .isEqualTo(new Create(0101, 0100644, 022, "new"));
        assertThat(decode(request(FuseOpcode.SYMLINK, 1, 1, new LittleEndianBytes()
                .cString("link").cString("../target"))).body())
                .isEqualTo(new Symlink("link", "../target"));
        assertThat(decode(request(FuseOpcode.RENAME, 1, 1, new LittleEndianBytes()
                .u64(9).cString("old").cString("new"))).body())
                .isEqualTo(new Rename(9, "old", "new", 0));
        assertThat(decode(request(FuseOpcode.RENAME2, 1, 1, new LittleEndianBytes()
                .u64(9).u32(2).u32(0).cString("a").cString("b"))).body())
                .isEqualTo(new Rename(9, "a", "b", 2));
        assertThat(decode(request(FuseOpcode.LINK, 1, 3, new LittleEndianBytes()
                .u64(12).cString("second"))).body()).isEqualTo(new Link(12, "second"));
    }

    @Test
    void decodesReadsAndWritesWithTheirData() throws Exception {
        assertThat(decode(request(FuseOpcode.READ, 1, 4, new LittleEndianBytes().u64(33)
                .u64(1L << 32).u32(131072).u32(0).u64(0).u32(0x8002).u32(0))).body())
                .isEqualTo(new Read(33, 1L << 32, 131072));
        Write write = (Write) decode(request(FuseOpcode.WRITE, 1, 4, new LittleEndianBytes()
                .u64(33).u64(4096).u32(3).u32(1).u64(0).u32(0).u32(0)
                .bytes(new byte[]{7, 8, 9}))).body();
        assertThat(write.handle()).isEqualTo(33);
        assertThat(write.offset()).isEqualTo(4096);
        assertThat(write.data()).containsExactly(7, 8, 9);
        assertThat(write.writeFlags()).isEqualTo(1);
        assertThat(decode(request(FuseOpcode.RELEASE, 1, 4, new LittleEndianBytes().u64(33)
                .u32(2).u32(0).u64(0))).body()).isEqualTo(new Release(33, 2));
        assertThat(decode(request(FuseOpcode.READDIRPLUS, 1, 4, new LittleEndianBytes()
                .u64(5).u64(17).u32(4096).u32(0).u64(0).u32(0).u32(0))).body())
                .isEqualTo(new ReadDirectory(5, 17, 4096, true));
    }

    @Test
    void decodesSetattrValidBitsIntoChanges() throws Exception {
        int valid = SetAttrDecoder.MODE | SetAttrDecoder.SIZE | SetAttrDecoder.MTIME
                | SetAttrDecoder.MTIME_NOW | SetAttrDecoder.ATIME | SetAttrDecoder.FH;
        LittleEndianBytes body = new LittleEndianBytes().u32(valid).u32(0).u64(44).u64(10)
                .u64(0).u64(1_700_000_000L).u64(0).u64(0).u32(5).u32(0).u32(0).u32(0104755)
                .u32(0).u32(1000).u32(1000).u32(0);
        SetAttributes decoded = (SetAttributes) decode(request(FuseOpcode.SETATTR, 1, 4, body))
                .body();
        assertThat(decoded.handle()).isEqualTo(OptionalLong.of(44));
        SetAttr changes = decoded.changes();
        assertThat(changes.permissions()).isEqualTo(OptionalInt.of(04755));
        assertThat(changes.uid()).isEmpty();
        assertThat(changes.gid()).isEmpty();
        assertThat(changes.sizeBytes()).isEqualTo(OptionalLong.of(10));
        assertThat(changes.atimeNs()).isEqualTo(OptionalLong.of(1_700_000_000_000_000_005L));
        assertThat(changes.mtimeNs()).isEqualTo(OptionalLong.of(SetAttr.NOW));
    }

    @Test
    void decodesAttributesAndXattrs() throws Exception {
        assertThat(decode(request(FuseOpcode.GETATTR, 1, 4, new LittleEndianBytes().u32(1)
                .u32(0).u64(8))).body()).isEqualTo(new GetAttr(OptionalLong.of(8)));
        assertThat(decode(request(FuseOpcode.GETATTR, 1, 4, new LittleEndianBytes().u32(0)
                .u32(0).u64(8))).body()).isEqualTo(new GetAttr(OptionalLong.empty()));
        SetXattr set = (SetXattr) decode(request(FuseOpcode.SETXATTR, 1, 4,
                new LittleEndianBytes().u32(2).u32(1).cString("user.k").bytes(new byte[]{
                        'v', 'w'})))
                .body();
        assertThat(set.name()).isEqualTo("user.k");
        assertThat(set.value()).containsExactly('v', 'w');
        assertThat(set.flags()).isEqualTo(1);
        assertThat(decode(request(FuseOpcode.GETXATTR, 1, 4, new LittleEndianBytes().u32(0)
                .u32(0).cString("user.k"))).body()).isEqualTo(new GetXattr("user.k", 0));
    }

    @Test
    void decodesInitForgetsAndUnknownOpcodes() throws Exception {
        LittleEndianBytes init = new LittleEndianBytes().u32(7).u32(41).u32(131072)
                .u32(0x73fffffb).u32(0).zeros(44);
        assertThat(decode(request(FuseOpcode.INIT, 2, 0, init)).body())
                .isEqualTo(new Init(7, 41, 131072, 0x73fffffb));
        BatchForget forget = (BatchForget) decode(request(FuseOpcode.BATCH_FORGET, 0, 0,
                new LittleEndianBytes().u32(2).u32(0).u64(5).u64(1).u64(6).u64(3))).body();
        assertThat(forget.nodes()).containsExactly(new Forgotten(5, 1), new Forgotten(6, 3));
        assertThat(decode(request(99, 1, 1, new LittleEndianBytes())).body())
                .isEqualTo(new Unsupported(99));
    }

    @Test
    void refusesBodiesThatDoNotMatchTheirLayout() {
        assertThatThrownBy(() -> decode(request(FuseOpcode.LOOKUP, 1, 1,
                new LittleEndianBytes().bytes(new byte[]{'a', 'b'}))))
                .isInstanceOfSatisfying(MalformedRequestException.class,
                        e -> assertThat(e.errno()).isEqualTo(Errno.EIO))
                .hasMessageContaining("NUL");
        assertThatThrownBy(() -> decode(request(FuseOpcode.WRITE, 1, 1, new LittleEndianBytes()
                .u64(1).u64(0).u32(100).u32(0).u64(0).u32(0).u32(0).zeros(10))))
                .isInstanceOf(MalformedRequestException.class)
                .hasMessageContaining("past the end");
        assertThatThrownBy(() -> decode(request(FuseOpcode.LOOKUP, 1, 1,
                new LittleEndianBytes().bytes(new byte[]{(byte) 0xff, 0}))))
                .isInstanceOfSatisfying(MalformedRequestException.class,
                        e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
        assertThatThrownBy(() -> decode(request(FuseOpcode.BATCH_FORGET, 1, 1,
                new LittleEndianBytes().u32(1_000_000).u32(0).u64(5).u64(1))))
                .isInstanceOf(MalformedRequestException.class);
        byte[] lying = request(FuseOpcode.LOOKUP, 1, 1, new LittleEndianBytes().cString("x"));
        lying[0] = 100;
        assertThatThrownBy(() -> decode(lying)).hasMessageContaining("claiming 100 bytes");
    }
}
