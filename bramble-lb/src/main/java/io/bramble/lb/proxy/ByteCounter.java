package io.bramble.lb.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Counts the bytes a connection reads and writes, at the socket, so stats show what really
 * crossed the wire. The owner reads and resets the counts when it attributes them.
 */
final class ByteCounter extends ChannelDuplexHandler {
    long read;
    long written;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buffer) {
            read += buffer.readableBytes();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buffer) {
            written += buffer.readableBytes();
        }
        ctx.write(msg, promise);
    }

    /** Bytes read since the last call. */
    long takeRead() {
        long value = read;
        read = 0;
        return value;
    }

    /** Bytes written since the last call. */
    long takeWritten() {
        long value = written;
        written = 0;
        return value;
    }
}
