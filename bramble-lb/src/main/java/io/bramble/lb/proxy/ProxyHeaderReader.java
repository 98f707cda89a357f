package io.bramble.lb.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Placed before TLS and the session on a {@code bind ... accept-proxy} listener's connections:
 * holds back the session's start until the first read, which must carry a whole PROXY header
 * ({@link ProxyHeaderParser}), then names the connection's ends after it, passes on the bytes
 * that followed it and leaves the pipeline. As in HAProxy, a connection whose first bytes are
 * no valid header is reset, and one that sends nothing within {@code timeout client} is
 * closed. Confined to the connection's event loop.
 */
final class ProxyHeaderReader extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyHeaderReader.class);

    private final Engine engine;
    private final long timeoutMs;
    private SessionTimer timer;
    private boolean autoRead;
    private boolean done;

    /** @param timeoutMs how long to wait for the header: the frontend's client timeout */
    ProxyHeaderReader(Engine engine, long timeoutMs) {
        this.engine = engine;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // The session starts once the header is read: it is told then, not now.
        timer = new SessionTimer(ctx.channel().eventLoop(), engine.clock, phase -> {
            done = true;
            refused(ctx, ProxyHeaderParser.Reason.TIMEOUT);
            ctx.close();
        });
        timer.arm(SessionTimer.Phase.CLIENT, timeoutMs);
        autoRead = ctx.channel().config().isAutoRead();
        ctx.channel().config().setAutoRead(true);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (done) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!(msg instanceof ByteBuf bytes)) {
            ctx.fireChannelRead(msg);
            return;
        }
        done = true;
        timer.cancel();
        int seen = Math.min(bytes.readableBytes(), ProxyHeaderParser.HEADER_BYTES_MAX);
        ProxyHeaderParser.Outcome outcome = ProxyHeaderParser.parse(ByteBufUtil.getBytes(bytes,
                bytes.readerIndex(), seen));
        int headerBytes;
        switch (outcome) {
            case ProxyHeaderParser.Addresses named -> {
                ClientAddresses.name(ctx.channel(), named);
                headerBytes = named.headerBytes();
            }
            case ProxyHeaderParser.Kept kept -> headerBytes = kept.headerBytes();
            case ProxyHeaderParser.Refused refused -> {
                bytes.release();
                refused(ctx, refused.reason());
                reset(ctx);
                return;
            }
        }
        bytes.skipBytes(headerBytes);
        ctx.channel().config().setAutoRead(autoRead);
        ctx.pipeline().remove(this);
        ctx.fireChannelActive();
        if (bytes.isReadable()) {
            ctx.fireChannelRead(bytes);
            ctx.fireChannelReadComplete();
        } else {
            bytes.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // Nothing to pass on before the header: the session has not started.
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        // The client ended its side (half-closure is allowed) before any header.
        ReferenceCountUtil.release(event);
        if (!done) {
            done = true;
            timer.cancel();
            refused(ctx, ProxyHeaderParser.Reason.CLOSED);
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // Closed before the header: the session never started, so it is not told it ended.
        done = true;
        if (timer != null) {
            timer.cancel();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        done = true;
        ctx.close();
    }

    private static void refused(ChannelHandlerContext ctx, ProxyHeaderParser.Reason reason) {
        LOG.debug("{}: {}", ctx.channel().remoteAddress(), reason.text());
    }

    /** HAProxy closes with the bytes it peeked still unread, which the kernel answers RST. */
    private static void reset(ChannelHandlerContext ctx) {
        ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        ctx.close();
    }
}
