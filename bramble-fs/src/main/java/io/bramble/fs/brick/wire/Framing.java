package io.bramble.fs.brick.wire;

import io.bramble.pool.link.BadFrames;
import io.bramble.pool.wire.MalformedFrameException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Frames on a TLS stream: a 4-byte length, then a {@link FrameCodec} body. A frame over
 * {@link FrameCodec#FRAME_BYTES_MAX}, one that does not decode, or bytes that are not TLS
 * close the connection and are counted; nothing after them is read. Frames are encoded by the
 * thread that sends them (a caller, a disk worker), so event loops only move bytes, and file
 * data goes from the sender's array to TLS and from the frame's buffer into the decoded frame
 * without other copies ({@link FrameCodec}, {@link FrameCumulator}).
 */
final class Framing {
    /** The name of the last handler: the one after it reads frames. */
    static final String BAD_INPUT = "bad-input";

    private Framing() {
    }

    /** Adds the framing handlers after TLS; the handler for frames goes before BAD_INPUT. */
    static void install(ChannelPipeline pipeline, BadFrames bad) {
        LengthFieldBasedFrameDecoder frames = new LengthFieldBasedFrameDecoder(
                FrameCodec.FRAME_BYTES_MAX + 4, 0, 4, 0, 4, true);
        frames.setCumulator(new FrameCumulator());
        pipeline.addLast("frame-decoder", frames);
        pipeline.addLast("frame-encoder", new LengthFieldPrepender(4));
        pipeline.addLast("body-decoder", new BodyDecoder(bad));
        pipeline.addLast(BAD_INPUT, new BadInput(bad));
    }

    /** Encodes {@code frame} here and writes it; fails for a frame over the bound. */
    static ChannelFuture send(Channel channel, Frame frame) {
        return channel.writeAndFlush(FrameCodec.encodeShared(frame));
    }

    private static final class BodyDecoder extends MessageToMessageDecoder<ByteBuf> {
        private final BadFrames bad;

        BodyDecoder(BadFrames bad) {
            this.bad = bad;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf body, List<Object> out) {
            if (!ctx.channel().isActive()) {
                return;
            }
            try {
                out.add(FrameCodec.decode(body.nioBufferCount() == 1
                        ? body.nioBuffer()
                        : ByteBuffer.wrap(ByteBufUtil.getBytes(body))));
            } catch (MalformedFrameException e) {
                bad.malformed();
                ctx.close();
            }
        }
    }

    /**
     * Last in the pipeline: any failure closes this connection, never the process. Counts a
     * connection once, though more errors may follow the first (TLS may have closed it).
     */
    private static final class BadInput extends ChannelInboundHandlerAdapter {
        private final BadFrames bad;
        private boolean counted;

        BadInput(BadFrames bad) {
            this.bad = bad;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!counted) {
                counted = true;
                if (cause instanceof TooLongFrameException
                        || cause.getCause() instanceof TooLongFrameException) {
                    bad.oversized();
                } else if (cause instanceof DecoderException) { // not TLS, or a bad handshake
                    bad.malformed();
                }
            }
            ctx.close();
        }
    }
}
