package io.bramble.lb.proxy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private final List<Channel> listeners = new CopyOnWriteArrayList<>();

    AcceptLimiter(int limit) {
        this.limit = limit;
    }

    void listening(Channel listener) {
        listeners.add(listener);
    }

    /** Stops pausing and resuming a listener that was closed (one bound and closed often). */
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
                for (Channel listener : listeners) {
                    if (listener.isOpen() && !listener.eventLoop().isShuttingDown()) {
                        listener.config().setAutoRead(true);
                    }
                }
            }
        });
        ctx.fireChannelRead(msg);
    }
}
