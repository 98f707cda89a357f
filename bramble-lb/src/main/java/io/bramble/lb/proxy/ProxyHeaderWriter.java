package io.bramble.lb.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * First in a server connection's pipeline: the PROXY header goes out before any byte a
 * handler after it (TLS, the relay) writes, then the handler leaves the pipeline. The header
 * is written when the connection is up, or before the first write if that comes sooner: the
 * connect's listeners run before the pipeline hears the connection is up, and a relay with
 * client bytes already waiting writes them from there.
 */
final class ProxyHeaderWriter extends ChannelDuplexHandler {
    private final byte[] header;
    private boolean sent;

    ProxyHeaderWriter(byte[] header) {
        this.header = header;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        sendOnce(ctx);
        ctx.flush();
        ctx.pipeline().remove(this);
        ctx.fireChannelActive();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        sendOnce(ctx);
        ctx.write(msg, promise);
    }

    private void sendOnce(ChannelHandlerContext ctx) {
        if (!sent) {
            sent = true;
            ctx.write(Unpooled.wrappedBuffer(header), ctx.voidPromise());
        }
    }
}
