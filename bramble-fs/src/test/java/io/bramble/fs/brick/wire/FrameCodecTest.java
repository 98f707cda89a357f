package io.bramble.fs.brick.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bramble.fs.brick.wire.Frame.Attach;
import io.bramble.fs.brick.wire.Frame.Request;
import io.bramble.fs.brick.wire.Frame.Response;
import io.bramble.fs.ops.Attr;
import io.bramble.fs.ops.AttrXattrs;
import io.bramble.fs.ops.Caller;
import io.bramble.fs.ops.DirEntry;
import io.bramble.fs.ops.DirPage;
import io.bramble.fs.ops.EntryXattrs;
import io.bramble.fs.ops.FileId;
import io.bramble.fs.ops.FsPath;
import io.bramble.fs.ops.Opened;
import io.bramble.fs.ops.OpenedXattrs;
import io.bramble.fs.ops.SetAttr;
import io.bramble.fs.ops.StatFs;
import io.bramble.fs.ops.XattrsPage;
import io.bramble.pool.wire.MalformedFrameException;
import io.bramble.pool.wire.WireWriter;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
    @Property(tries = 2000)
    void everyFrameRoundTrips(@ForAll("frames") Frame frame) throws Exception {
        byte[] bytes = FrameCodec.encode(frame);
        Frame back = FrameCodec.decode(bytes);
        assertThat(FrameCodec.encode(back)).isEqualTo(bytes);
        assertThat(back.getClass()).isEqualTo(frame.getClass());
        assertThat(back.id()).isEqualTo(frame.id());
    }

    @Property(tries = 500)
    void framesDecodeInPlaceFromAnyPartOfABuffer(@ForAll("frames") Frame frame,
            @ForAll("cuts") int before, @ForAll boolean direct) throws Exception {
        byte[] bytes = FrameCodec.encode(frame);
        int padding = before % 64;
        ByteBuffer buffer = direct
                ? ByteBuffer.allocateDirect(padding + bytes.length + 7)
                : ByteBuffer.allocate(padding + bytes.length + 7);
        buffer.position(padding).put(bytes).put(new byte[7]).flip().position(padding).limit(
                padding + bytes.length);
        Frame back = FrameCodec.decode(buffer);
        assertThat(FrameCodec.encode(back)).isEqualTo(bytes);
    }

    @Test
    void fileDataIsSentFromTheCallersArrayUncopied() {
        byte[] data = {1, 2, 3};
        Caller caller = new Caller(0, 0, new int[0], 1);
        ByteBuf write = FrameCodec.encodeShared(new Request(1, 100, caller, new Call.Write(7,
                0, data)));
        ByteBuf read = FrameCodec.encodeShared(new Response(2, new Reply.Data(data)));
        try {
            data[2] = 9;
            assertThat(write.getByte(write.writerIndex() - 1)).isEqualTo((byte) 9);
            assertThat(read.getByte(read.writerIndex() - 1)).isEqualTo((byte) 9);
        } finally {
            write.release();
            read.release();
        }
    }

    /** The generators cover every call and every reply the protocol has. */
    @Test
    void everyKindOfCallAndReplyIsGenerated() {
        Set<Class<?>> calls = Stream.of(Call.class.getPermittedSubclasses())
                .flatMap(c -> c.isInterface()
                        ? Stream.of(c.getPermittedSubclasses())
                        : Stream.of(c))
                .collect(Collectors.toSet());
        Set<Class<?>> generatedCalls = calls().sampleStream().limit(5000).map(Object::getClass)
                .collect(Collectors.toSet());
        assertThat(generatedCalls).containsExactlyInAnyOrderElementsOf(calls);
        Set<Class<?>> generatedReplies = replies().sampleStream().limit(2000).map(
                Object::getClass).collect(Collectors.toSet());
        assertThat(generatedReplies).containsExactlyInAnyOrder(Reply.class
                .getPermittedSubclasses());
    }

    /** Garbage never escapes as anything but a malformed frame. */
    @Property(tries = 3000)
    void garbageIsMalformedNeverACrash(@ForAll byte[] bytes) {
        try {
            FrameCodec.decode(bytes);
        } catch (MalformedFrameException expected) {
            // fine
        }
    }

    /** Cutting a valid frame anywhere, or adding a byte, makes it malformed. */
    @Property(tries = 500)
    void truncatedOrPaddedFramesAreMalformed(@ForAll("frames") Frame frame,
            @ForAll("cuts") int cut) {
        byte[] bytes = FrameCodec.encode(frame);
        int at = Math.floorMod(cut, bytes.length);
        assertThatThrownBy(() -> FrameCodec.decode(Arrays.copyOf(bytes, at)))
                .isInstanceOf(MalformedFrameException.class);
        assertThatThrownBy(() -> FrameCodec.decode(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(MalformedFrameException.class);
    }

    @Test
    void oversizedFramesAndFieldsAreRefused() {
        FsPath path = FsPath.parse("/f");
        Caller caller = new Caller(0, 0, new int[0], 1);
        Request tooMuchData = new Request(1, 100, caller, new Call.Write(1, 0,
                new byte[FrameCodec.DATA_BYTES_MAX + 1]));
        byte[] encoded = FrameCodec.encode(tooMuchData);
        assertThatThrownBy(() -> FrameCodec.decode(encoded)).isInstanceOf(
                MalformedFrameException.class).hasMessageContaining("at most");
        Request tooBig = new Request(1, 100, caller, new Call.Setxattr(path, "user.x",
                new byte[FrameCodec.FRAME_BYTES_MAX], 0));
        assertThatThrownBy(() -> FrameCodec.encode(tooBig)).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> FrameCodec.decode(new byte[FrameCodec.FRAME_BYTES_MAX + 1]))
                .isInstanceOf(MalformedFrameException.class);
        byte[] hugeGroups = new WireWriter().u8(2).i64(1).i32(100).i32(0).i32(0)
                .i32(Integer.MAX_VALUE).toByteArray();
        assertThatThrownBy(() -> FrameCodec.decode(hugeGroups)).isInstanceOf(
                MalformedFrameException.class).hasMessageContaining("list");
    }

    @Test
    void badValuesInsideAFrameAreMalformed() {
        Caller caller = new Caller(0, 0, new int[0], 1);
        byte[] badPath = new WireWriter().u8(2).i64(1).i32(100).i32(0).i32(0).i32(0).i32(1)
                .u8(1).string("/a/../b").toByteArray();
        assertThatThrownBy(() -> FrameCodec.decode(badPath)).isInstanceOf(
                MalformedFrameException.class).hasMessageContaining("path");
        byte[] zeroDeadline = FrameCodec.encode(new Request(1, 1, caller, new Call.Getattr(
                FsPath.ROOT)));
        zeroDeadline[9 + 3] = 0;
        assertThatThrownBy(() -> FrameCodec.decode(zeroDeadline)).isInstanceOf(
                MalformedFrameException.class).hasMessageContaining("deadline");
        byte[] negativeErrno = FrameCodec.encode(new Response(1, new Reply.Failed(2)));
        negativeErrno[negativeErrno.length - 4] = (byte) 0x80;
        assertThatThrownBy(() -> FrameCodec.decode(negativeErrno)).isInstanceOf(
                MalformedFrameException.class).hasMessageContaining("errno");
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, 100_000);
    }

    @Provide
    Arbitrary<Frame> frames() {
        Arbitrary<Long> ids = Arbitraries.longs();
        Arbitrary<Frame> attach = Combinators.combine(ids, Arbitraries.integers().between(0,
                255), texts(), texts()).as(Attach::new);
        Arbitrary<Frame> request = Combinators.combine(ids, Arbitraries.integers().between(1,
                FrameCodec.DEADLINE_MS_MAX), callers(), calls()).as(Request::new);
        Arbitrary<Frame> response = Combinators.combine(ids, replies()).as(Response::new);
        Arbitrary<Frame> ping = ids.map(Frame.Ping::new);
        Arbitrary<Frame> pong = ids.map(Frame.Pong::new);
        return Arbitraries.oneOf(attach, request, response, ping, pong);
    }

    static Arbitrary<String> texts() {
        return Arbitraries.strings().ofMaxLength(30);
    }

    static Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('.', '-', 'é', '☃')
                .ofMinLength(1).ofMaxLength(12).filter(FsPath::isValidName);
    }

    static Arbitrary<FsPath> paths() {
        return names().list().ofMaxSize(4).map(FsPath::new);
    }

    static Arbitrary<FileId> fileIds() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(FileId::new);
    }

    static Arbitrary<Caller> callers() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers(), Arbitraries
                .integers().array(int[].class).ofMaxSize(8), Arbitraries.integers()).as(
                        Caller::new);
    }

    static Arbitrary<byte[]> blobs() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    }

    static Arbitrary<Attr> attrs() {
        Arbitrary<Long> longs = Arbitraries.longs();
        Arbitrary<Integer> ints = Arbitraries.integers();
        return Combinators.combine(fileIds(), ints, longs, ints, ints, longs, longs, longs)
                .flatAs((id, mode, nlink, uid, gid, rdev, size, blocks) -> Combinators.combine(
                        longs, longs, longs).as(
                                (a, m, c) -> new Attr(id, mode, nlink, uid, gid,
                                        rdev, size, blocks, a, m, c)));
    }

    static Arbitrary<SetAttr> setAttrs() {
        Arbitrary<OptionalInt> ints = Arbitraries.integers().optional().map(o -> o.map(
                OptionalInt::of).orElse(OptionalInt.empty()));
        Arbitrary<OptionalLong> longs = Arbitraries.longs().optional().map(o -> o.map(
                OptionalLong::of).orElse(OptionalLong.empty()));
        return Combinators.combine(ints, ints, ints, longs, longs, longs).as(SetAttr::new);
    }

    static Arbitrary<Call> calls() {
        Arbitrary<Long> longs = Arbitraries.longs();
        Arbitrary<Integer> ints = Arbitraries.integers();
        return Arbitraries.oneOf(List.of(
                paths().map(Call.Getattr::new),
                Combinators.combine(paths(), texts()).as(Call.GetattrXattrs::new),
                Combinators.combine(paths(), setAttrs()).as(Call.Setattr::new),
                Combinators.combine(paths(), fileIds(), ints).as(Call.Mkdir::new),
                Combinators.combine(paths(), fileIds(), ints, longs).as(Call.Mknod::new),
                Combinators.combine(paths(), fileIds(), texts()).as(Call.Symlink::new),
                paths().map(Call.Readlink::new),
                paths().map(Call.Unlink::new),
                paths().map(Call.Rmdir::new),
                Combinators.combine(paths(), paths(), ints).as(Call.Rename::new),
                Combinators.combine(paths(), texts()).as(Call.UnlinkXattrs::new),
                Combinators.combine(paths(), texts()).as(Call.RmdirXattrs::new),
                Combinators.combine(paths(), paths(), ints, texts()).as(Call.RenameXattrs::new),
                Combinators.combine(paths(), paths()).as(Call.Link::new),
                Combinators.combine(paths(), fileIds(), ints, ints).as(Call.Create::new),
                Combinators.combine(paths(), ints).as(Call.Open::new),
                Combinators.combine(paths(), ints, texts()).as(Call.OpenXattrs::new),
                Combinators.combine(longs, longs, ints).as(Call.Read::new),
                Combinators.combine(longs, longs, blobs()).as(Call.Write::new),
                longs.map(Call.Flush::new),
                Combinators.combine(longs, Arbitraries.of(true, false)).as(Call.Fsync::new),
                longs.map(Call.Release::new),
                Combinators.combine(longs, ints, longs, longs).as(Call.Fallocate::new),
                Combinators.combine(longs, longs, ints).as(Call.Lseek::new),
                Combinators.combine(longs, setAttrs()).as(Call.Fsetattr::new),
                Combinators.combine(paths(), names().injectNull(0.3), ints).as(
                        Call.Readdir::new),
                Combinators.combine(paths(), names().injectNull(0.3), ints, texts()).as(
                        Call.ReaddirXattrs::new),
                paths().map(Call.Statfs::new),
                Combinators.combine(paths(), texts()).as(Call.Getxattr::new),
                paths().map(Call.Listxattr::new),
                Combinators.combine(paths(), texts(), blobs(), ints).as(Call.Setxattr::new),
                Combinators.combine(paths(), texts()).as(Call.Removexattr::new)));
    }

    static Arbitrary<Reply> replies() {
        Arbitrary<DirPage> pages = Combinators.combine(Combinators.combine(names(), attrs()).as(
                DirEntry::new).list().ofMaxSize(5), Arbitraries.of(true, false)).as(
                        DirPage::new);
        Arbitrary<Long> longs = Arbitraries.longs();
        Arbitrary<StatFs> spaces = Combinators.combine(longs, longs, longs, longs, longs, longs,
                Arbitraries.integers()).as(StatFs::new);
        return Arbitraries.oneOf(List.of(
                Arbitraries.just(Reply.DONE),
                attrs().map(Reply.Attrs::new),
                Arbitraries.maps(texts(), blobs()).ofMaxSize(3).map(Reply.Xattrs::new),
                Combinators.combine(attrs(), Arbitraries.maps(texts(), blobs()).ofMaxSize(3))
                        .as((a, x) -> new Reply.AttrsXattrs(new AttrXattrs(a, x))),
                Combinators.combine(longs, attrs(), Arbitraries.maps(texts(), blobs())
                        .ofMaxSize(3)).as(
                                (h, a, x) -> new Reply.HandleXattrs(new OpenedXattrs(
                                        new Opened(h, a), x))),
                Combinators.combine(longs, attrs()).as((h, a) -> new Reply.Handle(new Opened(h,
                        a))),
                texts().map(Reply.Text::new),
                blobs().map(Reply.Data::new),
                longs.map(Reply.Number::new),
                pages.map(Reply.Page::new),
                Combinators.combine(Combinators.combine(names(), attrs(), Arbitraries.maps(
                        texts(), blobs()).ofMaxSize(2)).as((n, a, x) -> new EntryXattrs(n,
                                new AttrXattrs(a, x)))
                        .list().ofMaxSize(4),
                        Arbitraries.of(
                                true, false))
                        .as(XattrsPage::new).map(
                                Reply.PageXattrs::new),
                spaces.map(Reply.Space::new),
                texts().list().ofMaxSize(4).map(Reply.Names::new),
                Arbitraries.integers().between(1, 4095).map(Reply.Failed::new)));
    }
}
