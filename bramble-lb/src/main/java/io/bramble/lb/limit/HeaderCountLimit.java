package io.bramble.lb.limit;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.TooLongHttpHeaderException;

/**
 * Sits after an HTTP decoder and marks a message with too many header lines as failed, so the
 * session rejects it like any malformed message and never forwards it. The decoder already
 * bounds the header block's bytes; this bounds the count, which costs memory and hashing per
 * line however short each is.
 */
@ChannelHandler.Sharable
public final class HeaderCountLimit extends ChannelInboundHandlerAdapter {
    /** Header lines in one message: HAProxy's default (tune.http.maxhdr) is 101. */
    public static final int HEADERS_MAX = 101;
    public static final HeaderCountLimit INSTANCE = new HeaderCountLimit();

    private HeaderCountLimit() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpMessage message && message.decoderResult().isSuccess()
                && message.headers().size() > HEADERS_MAX) {
            // A kind of too-long header block: 431 to a client, 502 for a server.
            message.setDecoderResult(DecoderResult.failure(new TooLongHttpHeaderException(
                    "HTTP message has " + message.headers().size() + " header lines; at most "
                            + HEADERS_MAX + " are accepted")));
        }
        ctx.fireChannelRead(msg);
    }
}
