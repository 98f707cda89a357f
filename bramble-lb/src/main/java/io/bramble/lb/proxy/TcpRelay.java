package io.bramble.lb.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.function.LongConsumer;

/**
 * One direction-pair end of a TCP tunnel: bytes read here are written to the peer channel,
 * reading pauses while the peer cannot take more, and an end of input here becomes a
 * half-close (shutdown of output) on the peer, or a close when this side closed. Writes may
 * still be on their way when the end comes (io_uring completes them later), so the peer is
 * shut or closed only once it took everything written to it. Both ends run on the same event
 * loop.
 */
public final class TcpRelay extends ChannelInboundHandlerAdapter {
    private final Runnable onActivity;
    private final Runnable onBothClosed;
    /** Told when this side's connection fails (a reset, a refused write). */
    private final Runnable onAbort;
    /** Told when a direction is shut: this side's input ended or the peer's output was shut. */
    private Runnable onHalfClose = () -> {
    };
    /** Told how many bytes each read brought; nothing by default. */
    private LongConsumer onBytes = bytes -> {
    };
    private Channel peer;
    private boolean inputDone;
    /** What this side sent reached the peer, and the peer's output was shut or closed. */
    private boolean forwardDone;
    private TcpRelay peerRelay;

    public TcpRelay(Runnable onActivity, Runnable onBothClosed) {
        this(onActivity, onBothClosed, () -> {
        });
    }

    public TcpRelay(Runnable onActivity, Runnable onBothClosed, Runnable onAbort) {
        this.onActivity = onActivity;
        this.onBothClosed = onBothClosed;
        this.onAbort = onAbort;
    }

    /** Joins two relays; reading starts on both. */
    public static void join(Channel a, TcpRelay relayA, Channel b, TcpRelay relayB) {
        relayA.peer = b;
        relayB.peer = a;
        relayA.peerRelay = relayB;
        relayB.peerRelay = relayA;
        startReading(a);
        startReading(b);
    }

    /** A channel whose input already ended is not read again (epoll no longer watches it). */
    private static void startReading(Channel channel) {
        if (channel instanceof DuplexChannel duplex && duplex.isInputShutdown()) {
            return;
        }
        channel.config().setAutoRead(true);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf)) {
            // What a removed HTTP decoder still had in hand (the end of a 101 head): no bytes.
            ReferenceCountUtil.release(msg);
            return;
        }
        onActivity.run();
        onBytes.accept(((ByteBuf) msg).readableBytes());
        peer.write(msg, peer.voidPromise());
        if (!peer.isWritable()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (peer != null) {
            peer.flush();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable() && peer != null) {
            peer.config().setAutoRead(true);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            inputEnded();
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    /** Runs {@code hook} each time a direction of the tunnel is shut. */
    public void onHalfClose(Runnable hook) {
        onHalfClose = hook;
    }

    /** Counts what this side reads: {@code hook} is told each read's size before it is sent on. */
    public void onBytes(LongConsumer hook) {
        onBytes = hook;
    }

    /** Whether this side's connection is shut in one direction at least. */
    public boolean halfClosed() {
        return inputDone || (peerRelay != null && peerRelay.forwardDone);
    }

    /** Whether this side's input ended (its FIN, a close, or {@link #stopReading}). */
    public boolean inputDone() {
        return inputDone;
    }

    /**
     * This side is read no more (its read timeout ran out): as for its FIN, the peer's output
     * is shut once it took what was read before.
     */
    public void stopReading(Channel self) {
        self.config().setAutoRead(false);
        inputEnded();
    }

    /** This side sent FIN: pass it on as a half-close; both directions done ends the tunnel. */
    public void inputEnded() {
        if (inputDone) {
            return;
        }
        inputDone = true;
        onHalfClose.run();
        if (peer instanceof DuplexChannel duplex && peer.isActive()) {
            afterPeerTookAll(() -> {
                duplex.shutdownOutput();
                forwarded();
            });
        } else {
            forwarded();
        }
    }

    private void forwarded() {
        forwardDone = true;
        onHalfClose.run();
        if (peerRelay != null && peerRelay.forwardDone) {
            onBothClosed.run();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        inputDone = true;
        if (peer != null && peer.isActive()) {
            afterPeerTookAll(() -> {
                peer.close();
                onBothClosed.run();
            });
        } else {
            onBothClosed.run();
        }
    }

    /**
     * Runs {@code then} once every write to the peer so far completed, or failed: writes
     * complete in order, so an empty write's completion marks the end of the ones before it.
     */
    private void afterPeerTookAll(Runnable then) {
        peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(written -> then.run());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        onAbort.run();
        ctx.close();
    }
}
