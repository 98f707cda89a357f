package io.bramble.lb.proxy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A frontend's {@code maxconn}, and its share of {@code global maxconn}: at either limit the
 * listener stops accepting, so further clients wait in the kernel's backlog (as with HAProxy)
 * instead of being refused; accepting resumes when a connection closes. Shared by all of a
 * frontend's listeners.
 */
@ChannelHandler.Sharable
final class AcceptLimiter extends ChannelInboundHandlerAdapter {
    private final int limit;
    private final AtomicInteger open = new AtomicInteger();
    private final io.bramble.lb.limit.ConnectionSlots process;
    private final Runnable processWatcher = this::update;
    private final List<Channel> listeners = new CopyOnWriteArrayList<>();

    AcceptLimiter(int limit) {
        this(limit, new io.bramble.lb.limit.ConnectionSlots(Integer.MAX_VALUE));
    }

    AcceptLimiter(int limit, io.bramble.lb.limit.ConnectionSlots process) {
        this.limit = limit;
        this.process = process;
        process.watch(processWatcher);
    }

    /** This gate's generation is gone: it no longer follows the process count. */
    void close() {
        process.unwatch(processWatcher);
    }

    /** Pauses or resumes the listeners after either count changed. */
    private void update() {
        boolean accept = open.get() < limit && !process.full();
        listeners.forEach(l -> {
            // A listener closing at shutdown is left alone: its loop may be gone.
            if (!l.isOpen() || l.eventLoop().isShuttingDown()) {
                return;
            }
            if (l.config().isAutoRead() != accept) {
                l.config().setAutoRead(accept);
                if (accept) {
                    l.read();
                }
            }
        });
    }

    void listening(Channel listener) {
        listeners.add(listener);
    }

    /**
     * This gate no longer pauses the listener: it went to another generation's gate, or it was
     * closed (a listener on a virtual address is bound and closed as the address moves).
     */
    void forget(Channel listener) {
        listeners.remove(listener);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Channel child = (Channel) msg;
        process.take();
        if (open.incrementAndGet() >= limit) {
            listeners.forEach(l -> l.config().setAutoRead(false));
        }
        child.closeFuture().addListener(f -> {
            open.decrementAndGet();
            process.release();
            update();
        });
        ctx.fireChannelRead(msg);
    }
}
