package io.bramble.web.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that has neither read nor written for {@code idleTimeoutMs}: a client
 * that stopped half-way through its request or stopped reading its answer. Progress of a long
 * file send counts as writing, so a slow download is not cut.
 */
final class IdleClose extends IdleStateHandler {
    IdleClose(long idleTimeoutMs) {
        super(true, 0, 0, idleTimeoutMs, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
        ctx.close();
    }
}
