package io.bramble.web.server;

import io.bramble.common.check.Checks;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.MaxMessagesRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;

/**
 * Bounds open connections the way Apache's MaxRequestWorkers does: at the limit the server
 * stops accepting and further clients wait in the kernel's listen backlog until a connection
 * closes. Sits in the listening channel's pipeline, where each accepted connection passes
 * before it is registered. It makes the listening channel accept one connection per read, so
 * that a pause takes effect before the next accept.
 *
 * <p>
 * Every field is touched only on the listening channel's event loop.
 */
final class ConnectionLimit extends ChannelInboundHandlerAdapter {
    private final int connectionsMax;
    private int open;

    ConnectionLimit(int connectionsMax) {
        Checks.argument(connectionsMax > 0, "connectionsMax must be positive");
        this.connectionsMax = connectionsMax;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        RecvByteBufAllocator allocator = ctx.channel().config().getRecvByteBufAllocator();
        Checks.invariant(allocator instanceof MaxMessagesRecvByteBufAllocator,
                "the listening channel counts accepts per read");
        ((MaxMessagesRecvByteBufAllocator) allocator).maxMessagesPerRead(1);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Channel child = (Channel) msg;
        Channel listener = ctx.channel();
        if (open >= connectionsMax) {
            // Only if an accept raced past the pause (e.g. Netty resumed after an accept error).
            child.unsafe().closeForcibly();
            return;
        }
        open++;
        if (open >= connectionsMax) {
            listener.config().setAutoRead(false);
        }
        child.closeFuture().addListener(closed -> {
            if (!listener.eventLoop().isShuttingDown()) {
                listener.eventLoop().execute(() -> released(listener));
            }
        });
        ctx.fireChannelRead(child);
    }

    private void released(Channel listener) {
        open--;
        Checks.invariant(open >= 0, "open connections never go below zero");
        if (open < connectionsMax && listener.isOpen()) {
            listener.config().setAutoRead(true);
        }
    }

    /** Connections open now; read it on the listening channel's event loop. */
    int open() {
        return open;
    }
}
