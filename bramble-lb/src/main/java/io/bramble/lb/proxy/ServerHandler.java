package io.bramble.lb.proxy;

import io.bramble.lb.limit.BufferGuard;
import io.bramble.lb.limit.HeaderCountLimit;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.ReferenceCountUtil;

/**
 * The end of a server connection's pipeline: hands what the server sends to the session
 * that holds the connection, or, while the connection idles in a pool, drops it and closes
 * (a server has nothing to say between requests).
 */
final class ServerHandler extends ChannelInboundHandlerAdapter {
    /** Counts the connection's bytes at the socket; the session that holds it reads them. */
    final BufferGuard bytes;
    private HttpSession session;
    private Exchange exchange;
    private Server idleIn;

    ServerHandler(BufferGuard bytes) {
        this.bytes = bytes;
    }

    /**
     * The handler of a server connection. {@link ServerConnector} keeps it last in the
     * pipeline (TLS goes in before it), so finding it costs no walk along the pipeline.
     * Null once the closed connection's pipeline was taken apart.
     */
    static ServerHandler of(Channel channel) {
        return channel.pipeline().last() instanceof ServerHandler handler ? handler : null;
    }

    /** Binds the connection to a session's exchange. */
    void attach(HttpSession owner, Exchange current) {
        this.session = owner;
        this.exchange = current;
        this.idleIn = null;
    }

    /** Unbinds it; {@code pool} is where it idles now, or null when it is being closed. */
    void detach(Server pool) {
        this.session = null;
        this.exchange = null;
        this.idleIn = pool;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (session == null) {
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        if (msg instanceof HttpResponse response) {
            HeaderCountLimit.apply(response);
        }
        session.relay.onServerMessage(exchange, msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (session != null) {
            session.relay.flushClient();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (session != null && ctx.channel().isWritable()) {
            session.serverWritable(exchange);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (session != null) {
            session.servers.onServerClosed(exchange, null);
        } else if (idleIn != null) {
            idleIn.pool.forget(ctx.channel());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        HttpSession owner = session;
        if (owner != null) {
            owner.servers.onServerClosed(exchange, cause);
        }
        ctx.close();
    }
}
