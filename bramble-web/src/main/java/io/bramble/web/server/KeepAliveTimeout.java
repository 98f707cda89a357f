package io.bramble.web.server;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that waits longer than {@code keepAliveTimeoutMs} for its next request,
 * as Apache's KeepAliveTimeout does: the clock runs from the connect and from the end of the
 * last response, and stops while a request is being answered. Sits after the HTTP codec, so it
 * sees requests come in and the last part of each response go out.
 *
 * <p>
 * Touched only on the connection's event loop.
 */
final class KeepAliveTimeout extends ChannelDuplexHandler {
    private final long keepAliveTimeoutMs;
    /** Requests read whose responses are not fully written yet (more when pipelined). */
    private int answering;
    private ScheduledFuture<?> timeout;

    KeepAliveTimeout(long keepAliveTimeoutMs) {
        this.keepAliveTimeoutMs = keepAliveTimeoutMs;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        startWaiting(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            answering++;
            stopWaiting();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof LastHttpContent) {
            ctx.write(msg, promise.unvoid()).addListener(written -> {
                answering--;
                if (answering == 0 && written.isSuccess()) {
                    startWaiting(ctx);
                }
            });
        } else {
            ctx.write(msg, promise);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stopWaiting();
        ctx.fireChannelInactive();
    }

    private void startWaiting(ChannelHandlerContext ctx) {
        stopWaiting();
        timeout = ctx.executor().schedule(() -> {
            ctx.close();
        }, keepAliveTimeoutMs, TimeUnit.MILLISECONDS);
    }

    private void stopWaiting() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }
}
