package io.bramble.lb.proxy;

import io.bramble.common.time.Clock;
import io.bramble.lb.check.CheckResult;
import io.bramble.lb.check.CheckStatus;
import io.bramble.lb.check.HttpCheck;
import io.bramble.lb.config.HttpCheckConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.function.Consumer;

/**
 * One health check on one fresh connection: a TCP check passes once connected; an HTTP check
 * sends its request and judges what comes back (the first line, or everything up to the read
 * bound when the body matters). Reports exactly one result.
 */
final class CheckProbe extends ChannelInboundHandlerAdapter {
    private final HttpCheck http;
    private final Clock clock;
    private final long startNanos;
    private final Consumer<CheckResult> report;
    private final byte[] response = new byte[HttpCheckConfig.RESPONSE_BYTES_MAX];
    private int length;
    private boolean connected;
    private boolean done;

    /** @param http the HTTP check, or null for a TCP connect check */
    CheckProbe(HttpCheck http, Clock clock, Consumer<CheckResult> report) {
        this.http = http;
        this.clock = clock;
        this.startNanos = clock.nanoTime();
        this.report = report;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        connected = true;
        if (http == null) {
            finish(CheckResult.of(CheckStatus.L4OK, "", elapsedMs()));
            ctx.close();
            return;
        }
        ctx.writeAndFlush(Unpooled.wrappedBuffer(http.request()));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buffer = (ByteBuf) msg;
        try {
            int take = Math.min(buffer.readableBytes(), response.length - length);
            buffer.readBytes(response, length, take);
            length += take;
        } finally {
            buffer.release();
        }
        if (length == response.length || (!http.needsBody() && hasFirstLine())) {
            finish(http.judge(response, length, elapsedMs()));
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (http != null && connected) {
            finish(length == 0
                    ? CheckResult.of(CheckStatus.L7RSP, "connection closed without a response",
                            elapsedMs())
                    : http.judge(response, length, elapsedMs()));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        finish(CheckResult.of(connected ? CheckStatus.L7RSP : CheckStatus.L4CON,
                Failures.reason(cause), elapsedMs()));
        ctx.close();
    }

    /** The connection could not be opened. */
    void connectFailed(Throwable cause, boolean timedOut) {
        finish(CheckResult.of(timedOut ? CheckStatus.L4TOUT : CheckStatus.L4CON,
                Failures.reason(cause), elapsedMs()));
    }

    /** The check ran out of time. */
    void timedOut() {
        finish(CheckResult.of(connected ? CheckStatus.L7TOUT : CheckStatus.L4TOUT,
                "timeout", elapsedMs()));
    }

    boolean done() {
        return done;
    }

    private boolean hasFirstLine() {
        for (int i = 0; i + 1 < length; i++) {
            if (response[i] == '\r' && response[i + 1] == '\n') {
                return true;
            }
        }
        return false;
    }

    private void finish(CheckResult result) {
        if (!done) {
            done = true;
            report.accept(result);
        }
    }

    private long elapsedMs() {
        return (clock.nanoTime() - startNanos) / 1_000_000L;
    }
}
