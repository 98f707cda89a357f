package io.bramble.lb.limit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charges every byte written to a connection to the process's {@link BufferBudget} until the
 * socket has taken it. When the process is over its bound and this connection holds more than
 * its fair share, the write fails and the connection closes: the slow reader is cut, the
 * others carry on. Sits next to the socket (first in the pipeline), so it also counts the bytes
 * the connection reads and writes there, for the stats: what really crossed the wire, TLS
 * included. The owner reads and resets the counts when it attributes them. Confined to the
 * channel's event loop.
 */
public final class BufferGuard extends ChannelDuplexHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BufferGuard.class);

    private final BufferBudget budget;
    private long pendingBytes;
    private boolean cut;
    private long read;
    private long written;

    public BufferGuard(BufferBudget budget) {
        this.budget = budget;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buffer) {
            read += buffer.readableBytes();
        }
        ctx.fireChannelRead(msg);
    }

    /** Bytes read since the last call. */
    public long takeRead() {
        long value = read;
        read = 0;
        return value;
    }

    /** Bytes written since the last call. */
    public long takeWritten() {
        long value = written;
        written = 0;
        return value;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        long bytes = sizeOf(msg);
        if (bytes == 0) {
            ctx.write(msg, promise);
            return;
        }
        if (cut || !budget.tryTake(bytes, pendingBytes)) {
            ReferenceCountUtil.release(msg);
            if (!cut) {
                cut = true;
                LOG.warn("Connection {} closed: {} bytes waiting for a slow peer while the "
                        + "process buffers {} of at most {} bytes.", ctx.channel(),
                        pendingBytes, budget.heldBytes(), budget.bytesMax());
                ctx.close();
            }
            promise.tryFailure(new BufferLimitException());
            return;
        }
        pendingBytes += bytes;
        written += bytes;
        ChannelPromise tracked = promise.isVoid() ? ctx.newPromise() : promise;
        tracked.addListener((ChannelFutureListener) f -> {
            pendingBytes -= bytes;
            budget.give(bytes);
        });
        ctx.write(msg, tracked);
    }

    private static long sizeOf(Object msg) {
        if (msg instanceof ByteBuf buffer) {
            return buffer.readableBytes();
        }
        if (msg instanceof ByteBufHolder holder) {
            return holder.content().readableBytes();
        }
        return 0;
    }

    /** A write refused because the process holds too many buffered bytes. */
    public static final class BufferLimitException extends java.io.IOException {
        private static final long serialVersionUID = 1L;

        BufferLimitException() {
            super("process buffer limit reached");
        }
    }
}
