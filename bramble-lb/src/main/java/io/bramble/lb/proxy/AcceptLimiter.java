package io.bramble.lb.proxy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A frontend's {@code maxconn}: at the limit the listener stops accepting, so further clients
 * wait in the kernel's backlog (as with HAProxy) instead of being refused; accepting resumes
 * when a connection closes. Shared by all of a frontend's listeners.
 */
@ChannelHandler.Sharable
final class AcceptLimiter extends ChannelInboundHandlerAdapter {
    private final int limit;
    private final AtomicInteger open = new AtomicInteger();
    private final java.util.List<Channel> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    AcceptLimiter(int limit) {
        this.limit = limit;
    }

    void listening(Channel listener) {
        listeners.add(listener);
    }

    /** The listener went to another generation's gate: this one no longer pauses it. */
    void forget(Channel listener) {
        listeners.remove(listener);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Channel child = (Channel) msg;
        if (open.incrementAndGet() >= limit) {
            listeners.forEach(l -> l.config().setAutoRead(false));
        }
        child.closeFuture().addListener(f -> {
            if (open.decrementAndGet() < limit) {
                listeners.forEach(l -> {
                    l.config().setAutoRead(true);
                    l.read();
                });
            }
        });
        ctx.fireChannelRead(msg);
    }
}
