package io.bramble.lvs.nat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * What a client sends while its real server is being connected: epoll reads a client's bytes
 * and its FIN even with reading paused when they came together, so they are kept here and
 * passed on once the relay starts. Reading stays paused, so this holds at most one read.
 * Confined to the client's event loop.
 */
final class EarlyInput extends ChannelInboundHandlerAdapter {
    private final Queue<ByteBuf> bytes = new ArrayDeque<>();
    private boolean ended;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            bytes.add(buf);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            ended = true;
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    /** Writes what was read to {@code server}; returns how many bytes. */
    long passOn(Channel server) {
        long passed = 0;
        for (ByteBuf buf; (buf = bytes.poll()) != null;) {
            passed += buf.readableBytes();
            server.write(buf, server.voidPromise());
        }
        server.flush();
        return passed;
    }

    /** Whether the client's FIN came already. */
    boolean ended() {
        return ended;
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        // Bytes not passed on (the server could not be reached) are dropped.
        for (ByteBuf buf; (buf = bytes.poll()) != null;) {
            buf.release();
        }
    }
}
