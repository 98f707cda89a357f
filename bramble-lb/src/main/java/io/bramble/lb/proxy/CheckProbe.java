package io.bramble.lb.proxy;

import io.bramble.common.time.Clock;
import io.bramble.lb.check.CheckConversation;
import io.bramble.lb.check.CheckResult;
import io.bramble.lb.check.CheckStatus;
import io.bramble.lb.check.CheckStep;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * One health check: performs the steps of its {@link CheckConversation} on sockets (connect,
 * write, read) and reports exactly one result. A script may connect more than once; only the
 * connection of the current step feeds the conversation. Runs on one event loop.
 */
final class CheckProbe {
    private final CheckConversation conversation;
    /** Opens a connection for a connect step, with the handler that serves it. */
    private final BiFunction<CheckStep.Connect, ChannelHandler, ChannelFuture> connector;
    private final Clock clock;
    private final long startNanos;
    private final Consumer<CheckResult> report;
    private final byte[] chunk = new byte[4_096];
    private Channel channel;
    private Link current;
    private boolean connected;
    private boolean done;

    CheckProbe(CheckConversation conversation,
            BiFunction<CheckStep.Connect, ChannelHandler, ChannelFuture> connector, Clock clock,
            Consumer<CheckResult> report) {
        this.conversation = conversation;
        this.connector = connector;
        this.clock = clock;
        this.startNanos = clock.nanoTime();
        this.report = report;
    }

    void start() {
        perform(conversation.start());
    }

    /** The check ran out of time. */
    void timedOut() {
        if (!done) {
            finish(conversation.timedOut(connected));
        }
    }

    boolean done() {
        return done;
    }

    private void perform(CheckStep first) {
        CheckStep step = first;
        while (!done) {
            switch (step) {
                case CheckStep.Connect connect -> {
                    open(connect);
                    return;
                }
                case CheckStep.Write write -> {
                    channel.writeAndFlush(Unpooled.wrappedBuffer(write.bytes()));
                    step = conversation.written();
                }
                case CheckStep.Read read -> {
                    return;
                }
                case CheckStep.Verdict verdict -> finish(verdict);
            }
        }
    }

    private void open(CheckStep.Connect connect) {
        if (channel != null) {
            channel.close();
        }
        connected = false;
        Link link = new Link();
        current = link;
        ChannelFuture connecting = connector.apply(connect, link);
        channel = connecting.channel();
        connecting.addListener((ChannelFuture future) -> {
            if (!future.isSuccess() && current == link && !done) {
                boolean timeout = future.cause() instanceof ConnectTimeoutException;
                finish(new CheckStep.Verdict(timeout ? CheckStatus.L4TOUT : CheckStatus.L4CON,
                        0, Failures.reason(future.cause())));
            }
        });
    }

    private void finish(CheckStep.Verdict verdict) {
        if (done) {
            return;
        }
        done = true;
        if (channel != null) {
            channel.close();
        }
        report.accept(verdict.result((clock.nanoTime() - startNanos) / 1_000_000L));
    }

    /** The handler of one connection; ignores everything once another connection is current. */
    private final class Link extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (ctx.pipeline().get(SslHandler.class) == null) {
                opened();
            }
        }

        /** With TLS, the connection counts as open once the handshake is done. */
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof SslHandshakeCompletionEvent handshake) {
                if (handshake.isSuccess()) {
                    opened();
                } else if (current == this && !done) {
                    finish(new CheckStep.Verdict(CheckStatus.L6RSP, 0,
                            Failures.reason(handshake.cause())));
                }
            }
            ctx.fireUserEventTriggered(event);
        }

        private void opened() {
            if (current == this && !done) {
                connected = true;
                perform(conversation.connected());
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buffer = (ByteBuf) msg;
            try {
                while (current == this && !done && buffer.isReadable()) {
                    int take = Math.min(buffer.readableBytes(), chunk.length);
                    buffer.readBytes(chunk, 0, take);
                    perform(conversation.received(chunk, 0, take));
                }
            } finally {
                buffer.release();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (current == this && connected && !done) {
                perform(conversation.closed());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (current == this && !done) {
                finish(new CheckStep.Verdict(connected ? CheckStatus.L7RSP : CheckStatus.L4CON,
                        0, Failures.reason(cause)));
            }
            ctx.close();
        }
    }
}
