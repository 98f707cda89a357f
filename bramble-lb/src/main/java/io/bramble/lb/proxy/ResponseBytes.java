package io.bramble.lb.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;

/**
 * Counts the bytes written to an HTTP client as the response encoder made them (status line,
 * headers, body and chunk framing; before TLS), which is what HAProxy logs as the bytes sent to
 * the client ({@code %B}) and counts as a backend's bytes out. Sits between the TLS handler (or
 * the socket) and the encoder; confined to the connection's loop.
 */
final class ResponseBytes extends ChannelOutboundHandlerAdapter {
    private long bytes;

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buffer) {
            bytes += buffer.readableBytes();
        } else if (msg instanceof ByteBufHolder holder) {
            bytes += holder.content().readableBytes();
        } else if (msg instanceof FileRegion region) {
            bytes += region.count();
        }
        ctx.write(msg, promise);
    }

    /** Bytes written since the last call. */
    long take() {
        long taken = bytes;
        bytes = 0;
        return taken;
    }
}
