package io.bramble.fs.brick.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.bramble.fs.brick.wire.Frame.Request;
import io.bramble.fs.ops.Caller;
import io.bramble.pool.link.BadFrames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Frames on a stream that arrives in pieces of any size, as TLS hands them over. */
class FramingTest {
    private static final Caller CALLER = new Caller(0, 0, new int[0], 1);

    @Property(tries = 60)
    void framesCutAnywhereArriveWholeAndInOrder(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 40_000) int pieceBytesMax) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> sent = new ArrayList<>();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < 6; i++) {
            byte[] data = new byte[random.nextInt(3) == 0
                    ? FrameCodec.DATA_BYTES_MAX
                    : random.nextInt(70_000)];
            random.nextBytes(data);
            byte[] body = FrameCodec.encode(new Request(i + 1, 100, CALLER, new Call.Write(1,
                    (long) i << 20, data)));
            sent.add(body);
            stream.writeBytes(new byte[]{(byte) (body.length >>> 24), (byte) (body.length >>> 16),
                    (byte) (body.length >>> 8), (byte) body.length});
            stream.writeBytes(body);
        }
        EmbeddedChannel channel = channel(new BadFrames());
        byte[] all = stream.toByteArray();
        for (int at = 0; at < all.length;) {
            int piece = Math.min(all.length - at, 1 + random.nextInt(pieceBytesMax));
            channel.writeInbound(Unpooled.copiedBuffer(all, at, piece));
            at += piece;
        }
        for (byte[] body : sent) {
            Frame frame = channel.readInbound();
            assertThat(FrameCodec.encode(frame)).isEqualTo(body);
        }
        assertThat((Object) channel.readInbound()).isNull();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void aLengthOverTheBoundClosesTheConnectionAndIsCounted() {
        BadFrames bad = new BadFrames();
        EmbeddedChannel channel = channel(bad);
        ByteBuf huge = Unpooled.buffer().writeInt(FrameCodec.FRAME_BYTES_MAX + 1).writeZero(
                100);
        channel.writeInbound(huge);
        assertThat(channel.isActive()).isFalse();
        assertThat(bad.oversizedCount()).isEqualTo(1);
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void framesSentShareTheirDataAndArriveIntact() {
        EmbeddedChannel channel = channel(new BadFrames());
        byte[] data = new byte[FrameCodec.DATA_BYTES_MAX];
        new SplittableRandom(1).nextBytes(data);
        Request request = new Request(5, 100, CALLER, new Call.Write(1, 0, data));
        Framing.send(channel, request);
        EmbeddedChannel other = channel(new BadFrames());
        for (ByteBuf piece; (piece = channel.readOutbound()) != null;) {
            other.writeInbound(piece);
        }
        Frame back = other.readInbound();
        assertThat(FrameCodec.encode(back)).isEqualTo(FrameCodec.encode(request));
    }

    private static EmbeddedChannel channel(BadFrames bad) {
        EmbeddedChannel channel = new EmbeddedChannel();
        Framing.install(channel.pipeline(), bad);
        return channel;
    }
}
