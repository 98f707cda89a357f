package io.bramble.pool.link;

import io.bramble.pool.wire.MalformedFrameException;
import io.bramble.pool.wire.Message;
import io.bramble.pool.wire.MessageCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.codec.MessageToMessageEncoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.List;

/**
 * Frames on a TLS stream: a 4-byte length, then a {@link MessageCodec} body. A frame over
 * {@link MessageCodec#FRAME_BYTES_MAX} or one that does not decode closes the connection and
 * is counted; nothing after it is read.
 */
final class Frames {
    private Frames() {
    }

    /** Adds the framing handlers after TLS. */
    static void install(ChannelPipeline pipeline, BadFrames bad) {
        pipeline.addLast("frame-decoder", new LengthFieldBasedFrameDecoder(
                MessageCodec.FRAME_BYTES_MAX + 4, 0, 4, 0, 4, true));
        pipeline.addLast("frame-encoder", new LengthFieldPrepender(4));
        pipeline.addLast("message-decoder", new Decoder(bad));
        pipeline.addLast("message-encoder", new Encoder());
        pipeline.addLast("bad-input", new BadInput(bad));
    }

    private static final class Decoder extends MessageToMessageDecoder<ByteBuf> {
        private final BadFrames bad;

        Decoder(BadFrames bad) {
            this.bad = bad;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
            if (!ctx.channel().isActive()) {
                return;
            }
            try {
                out.add(MessageCodec.decode(ByteBufUtil.getBytes(frame)));
            } catch (MalformedFrameException e) {
                bad.malformed();
                ctx.close();
            }
        }
    }

    private static final class Encoder extends MessageToMessageEncoder<Message> {
        @Override
        protected void encode(ChannelHandlerContext ctx, Message message, List<Object> out) {
            out.add(ctx.alloc().buffer().writeBytes(MessageCodec.encode(message)));
        }
    }

    /** Last in the pipeline: any failure closes this connection, never the node. */
    private static final class BadInput extends ChannelInboundHandlerAdapter {
        private final BadFrames bad;

        BadInput(BadFrames bad) {
            this.bad = bad;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongFrameException
                    || cause.getCause() instanceof TooLongFrameException) {
                bad.oversized();
            }
            ctx.close();
        }
    }
}
