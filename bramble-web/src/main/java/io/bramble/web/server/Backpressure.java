package io.bramble.web.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Stops reading from a client while its responses are piling up unsent (the channel is not
 * writable above the write-buffer high-water mark), so a client that pipelines requests
 * without reading the answers cannot make the server buffer without bound.
 */
final class Backpressure extends ChannelInboundHandlerAdapter {
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }
}
