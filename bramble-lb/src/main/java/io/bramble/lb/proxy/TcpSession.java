package io.bramble.lb.proxy;

import io.bramble.lb.balance.BalancedServer;
import io.bramble.lb.balance.RequestKey;
import io.bramble.lb.config.TcpRequestRule;
import io.bramble.lb.config.Timeouts;
import io.bramble.lb.limit.BufferGuard;
import io.bramble.lb.log.ConnectLogLine;
import io.bramble.lb.log.HttpLogLine;
import io.bramble.lb.log.TcpLogLine;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.NetUtil;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * One client connection of a TCP proxy: picks a server (retrying others when a connection
 * is refused), then relays bytes both ways until both directions are closed. The client is
 * not read until the server connection is up, so nothing is buffered.
 */
final class TcpSession extends ChannelInboundHandlerAdapter {
    private final Engine engine;
    private final Frontend frontend;
    private Backend backend;
    private Channel client;
    private Server server;
    private Channel serverChannel;
    private SessionTimer timer;
    private boolean slotHeld;
    private boolean finished;
    private int retries;
    private long startNanos;
    private long startEpochMillis;
    /** When the first connection attempt to a server began; -1 before. */
    private long connectStartNanos = -1;
    private long connectedNanos = -1;
    /** Bytes the client sent before the server connection was up (epoll reads on hang-up). */
    private final java.util.ArrayDeque<Object> early = new java.util.ArrayDeque<>();
    private boolean clientInputDone;
    /** A {@code tcp-request content reject} rule closed it (logged with {@code PR}). */
    private boolean rejected;

    TcpSession(Engine engine, Frontend frontend) {
        this.engine = engine;
        this.frontend = frontend;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        client = ctx.channel();
        ConnectionFacts facts = new ConnectionFacts((InetSocketAddress) client.remoteAddress());
        startNanos = engine.clock.nanoTime();
        startEpochMillis = engine.clock.epochMillis();
        engine.activeConnections.incrementAndGet();
        frontend.counters.sessionStarted(startNanos);
        timer = new SessionTimer(client.eventLoop(), engine.clock, phase -> closeBoth());
        if (frontend.log.logsStarts()) {
            frontend.log.log(ConnectLogLine.format((InetSocketAddress) client.remoteAddress(),
                    (InetSocketAddress) client.localAddress(), frontend.name(), false));
        }
        if (!frontend.tcpRequestRules.accepts(TcpRequestRule.Phase.CONTENT, facts)) {
            rejected = true;
            frontend.counters.deniedRequests.increment();
            client.close();
            return;
        }
        backend = frontend.chooseBackend(facts);
        timer.arm(SessionTimer.Phase.SERVER, idleTimeoutMs());
        if (backend == null) {
            client.close();
            return;
        }
        connect(null);
    }

    private void connect(Server avoid) {
        InetSocketAddress remote = (InetSocketAddress) client.remoteAddress();
        BalancedServer chosen = backend.balancer.pick(
                RequestKey.ofClient(remote.getAddress().getAddress()),
                avoid == null ? null : avoid.balanced);
        if (chosen == null && avoid != null && avoid.usable()) {
            // The only server left is the one that failed, still up: HAProxy retries it too.
            chosen = avoid.balanced;
        }
        if (chosen == null) {
            client.close();
            return;
        }
        server = backend.server(chosen);
        if (avoid != null && server != avoid) {
            backend.counters.redispatches.increment();
        }
        slotHeld = true;
        backend.balancer.connectionTaken(chosen);
        server.counters.selected.increment();
        server.counters.sessionStarted(engine.clock.nanoTime());
        backend.counters.sessionStarted(engine.clock.nanoTime());
        Server target = server;
        long connectStart = engine.clock.nanoTime();
        if (connectStartNanos < 0) {
            connectStartNanos = connectStart;
        }
        bootstrap(server).connect(server.target(client.localAddress()))
                .addListener((ChannelFuture future) -> {
                    if (future.isSuccess()) {
                        onConnected(future.channel());
                    } else {
                        onConnectFailed(target, future.cause(), connectStart);
                    }
                });
    }

    private Bootstrap bootstrap(Server target) {
        TcpRelay serverRelay = new TcpRelay(timer::touch, this::closeBoth);
        long connectMs = EffectiveTimeouts.firstSet(backend.config.timeouts().connectMs(),
                HttpLimits.CONNECT_TIMEOUT_MS_WHEN_UNSET, 0);
        return new Bootstrap().group(client.eventLoop()).channel(engine.transport.channel)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectMs)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.SO_KEEPALIVE, backend.config.tcpKeepAlive().server())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOCATOR, engine.allocator)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        byte[] header = target.proxyHeader(client);
                        if (header != null) {
                            channel.pipeline().addLast(new ProxyHeaderWriter(header));
                        }
                        channel.pipeline().addLast(new BufferGuard(
                                engine.buffers));
                        if (target.tls != null) {
                            channel.pipeline().addLast(target.tls.newHandler(engine.allocator,
                                    target.address));
                        }
                        channel.pipeline().addLast(serverRelay);
                    }
                });
    }

    private void onConnected(Channel channel) {
        if (!client.isActive()) {
            channel.close();
            release();
            return;
        }
        serverChannel = channel;
        server.opened(channel);
        connectedNanos = engine.clock.nanoTime();
        TcpRelay clientRelay = new TcpRelay(timer::touch, this::closeBoth);
        client.pipeline().addLast(clientRelay);
        client.pipeline().remove(this);
        Object msg;
        while ((msg = early.poll()) != null) {
            channel.write(msg, channel.voidPromise());
        }
        channel.flush();
        TcpRelay serverRelay = channel.pipeline().get(TcpRelay.class);
        TcpRelay.join(client, clientRelay, channel, serverRelay);
        if (clientInputDone) {
            clientRelay.inputEnded();
        }
        client.closeFuture().addListener(f -> finish());
        channel.closeFuture().addListener(f -> finish());
    }

    private void onConnectFailed(Server failed, Throwable cause, long connectStart) {
        failed.counters.connectionErrors.increment();
        backend.counters.connectionErrors.increment();
        if (!(cause instanceof ConnectTimeoutException) && cause instanceof IOException) {
            failed.liveFailure(Failures.reason(cause),
                    (engine.clock.nanoTime() - connectStart) / 1_000_000L);
        }
        release();
        if (retries < backend.config.retries() && client.isActive()) {
            retries++;
            backend.counters.retries.increment();
            failed.counters.retries.increment();
            connect(failed);
        } else {
            client.close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        early.add(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof io.netty.channel.socket.ChannelInputShutdownEvent) {
            clientInputDone = true;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // Closed before a server connection was up.
        releaseEarly();
        finish();
    }

    private void releaseEarly() {
        Object msg;
        while ((msg = early.poll()) != null) {
            io.netty.util.ReferenceCountUtil.release(msg);
        }
    }

    private void closeBoth() {
        client.close();
        if (serverChannel != null) {
            serverChannel.close();
        }
    }

    /** Counts and logs once both connections are closed; the relays close them in turn. */
    private void finish() {
        if (finished || client.isActive() || (serverChannel != null && serverChannel.isActive())) {
            return;
        }
        finished = true;
        timer.cancel();
        BufferGuard clientBytes = client.pipeline().get(
                BufferGuard.class);
        long in = clientBytes == null ? 0 : clientBytes.takeRead();
        long out = clientBytes == null ? 0 : clientBytes.takeWritten();
        frontend.counters.bytesIn.add(in);
        frontend.counters.bytesOut.add(out);
        if (backend != null) {
            backend.counters.bytesIn.add(in);
            backend.counters.bytesOut.add(out);
        }
        if (server != null && serverChannel != null) {
            server.counters.bytesIn.add(in);
            server.counters.bytesOut.add(out);
        }
        release();
        // As HAProxy's, the line counts this connection in the process's and the frontend's
        // connections, no longer in the backend's and the server's.
        if (frontend.log.logsEnds() && !(frontend.log.dontLogNull() && in == 0)) {
            frontend.log.log(TcpLogLine.format(logFields(out)));
        }
        engine.activeConnections.decrementAndGet();
        frontend.counters.sessionEnded();
    }

    /** The values of the tcplog line, {@code out} being the bytes sent to the client. */
    private HttpLogLine.Fields logFields(long out) {
        InetSocketAddress remote = (InetSocketAddress) client.remoteAddress();
        long now = engine.clock.nanoTime();
        long queueMs = connectStartNanos < 0 ? -1 : millis(connectStartNanos - startNanos);
        long connectMs = connectedNanos < 0 ? -1 : millis(connectedNanos - connectStartNanos);
        String termination = rejected ? "PR--" : connectedNanos < 0 ? "SC--" : "----";
        return new HttpLogLine.Fields(
                remote == null ? "-" : NetUtil.toAddressString(remote.getAddress()),
                remote == null ? 0 : remote.getPort(), startEpochMillis, frontend.name(),
                backend == null ? frontend.name() : backend.name(),
                server == null ? "<NOSRV>" : server.name(), -1, queueMs, connectMs, -1,
                millis(now - startNanos), -1, out, termination,
                engine.activeConnections.get(), frontend.counters.currentSessions(),
                backend == null ? 0 : backend.counters.currentSessions(),
                server == null ? 0 : server.counters.currentSessions(), retries, "");
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000L;
    }

    private void release() {
        if (slotHeld) {
            slotHeld = false;
            backend.balancer.connectionReleased(server.balanced);
            server.counters.sessionEnded();
            backend.counters.sessionEnded();
            backend.slotFreed();
        }
    }

    private long idleTimeoutMs() {
        Timeouts frontTimeouts = frontend.timeouts();
        long tunnel = backend == null ? Timeouts.UNSET_MS : backend.config.timeouts().tunnelMs();
        return EffectiveTimeouts.firstSet(tunnel, frontTimeouts.clientMs(),
                HttpLimits.IDLE_TIMEOUT_MS_WHEN_UNSET);
    }
}
