package io.bramble.lb.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * First in a server connection's pipeline: writes the PROXY header once the connection is up,
 * before any handler after it (TLS, the relay) writes a byte, then leaves the pipeline.
 */
final class ProxyHeaderWriter extends ChannelInboundHandlerAdapter {
    private final byte[] header;

    ProxyHeaderWriter(byte[] header) {
        this.header = header;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(header), ctx.voidPromise());
        ctx.pipeline().remove(this);
        ctx.fireChannelActive();
    }
}
