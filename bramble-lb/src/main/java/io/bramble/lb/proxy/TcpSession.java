package io.bramble.lb.proxy;

import io.bramble.lb.acl.ClientBytes;
import io.bramble.lb.balance.BalancedServer;
import io.bramble.lb.balance.RequestKey;
import io.bramble.lb.config.TcpRequestRule;
import io.bramble.lb.limit.BufferGuard;
import io.bramble.lb.log.ConnectLogLine;
import io.bramble.lb.log.HttpLogLine;
import io.bramble.lb.stick.StickCounters;
import io.bramble.lb.stick.StickTables;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
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
 * One client connection of a TCP proxy: runs the content rules, picks a server (retrying
 * others when a connection is refused), then relays bytes both ways until both directions are
 * closed. The client is not read until the server connection is up, so nothing is buffered,
 * except while content rules wait for its first bytes ({@code tcp-request inspect-delay}):
 * those are kept and sent to the server first.
 *
 * <p>Each side has its own inactivity timer, as in HAProxy: {@code timeout client} on the
 * client's connection, {@code timeout server} on the server's ({@code timeout tunnel} on both
 * once connected, when set). A side's timer runs while it is read or has bytes waiting to be
 * written to it, and any byte relayed restarts both. When it runs out, that side is read no
 * more and the other side's output is shut (a half-close), or both are closed when bytes were
 * still waiting; the session ends once both directions are done, logged {@code cD} or
 * {@code sD} after the side that ran out first.
 */
final class TcpSession extends ChannelInboundHandlerAdapter {
    private final Engine engine;
    private final Frontend frontend;
    private Backend backend;
    private Channel client;
    private Server server;
    private Channel serverChannel;
    /** The client side's inactivity timer; {@link #serverTimer} the server side's. */
    private SessionTimer clientTimer;
    private SessionTimer serverTimer;
    private long clientTimeoutMs;
    private long serverTimeoutMs;
    /** The timeouts the two timers were last armed with, to re-arm them only on a change. */
    private long clientArmedMs;
    private long serverArmedMs;
    private TcpRelay clientRelay;
    private TcpRelay serverRelay;
    private final TcpTermination termination = new TcpTermination();
    private boolean slotHeld;
    private boolean finished;
    private int retries;
    /** A retry went to another server than the one that failed ({@code +} in the log). */
    private boolean redispatched;
    private long startNanos;
    private long startEpochMillis;
    /** When the first connection attempt to a server began; -1 before. */
    private long connectStartNanos = -1;
    private long connectedNanos = -1;
    /** Bytes the client sent before the server connection was up (epoll reads on hang-up). */
    private final java.util.ArrayDeque<Object> early = new java.util.ArrayDeque<>();
    private boolean clientInputDone;
    /** When the session was refused ({@link #refuse}); -1 if it was not. */
    private long refusedNanos = -1;

    /** The client's first bytes while content rules wait for them; null when none do. */
    private ContentInspection inspection;
    /** The content rule to resume from once more bytes came. */
    private int nextRule;

    /** The connection's stick counters, released once both sides are closed. */
    private final StickCounters stick;

    TcpSession(Engine engine, Frontend frontend) {
        this(engine, frontend, StickCounters.forConnection(StickTables.NONE));
    }

    TcpSession(Engine engine, Frontend frontend, StickCounters stick) {
        this.engine = engine;
        this.frontend = frontend;
        this.stick = stick;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        client = ctx.channel();
        startNanos = engine.clock.nanoTime();
        startEpochMillis = engine.clock.epochMillis();
        engine.activeConnections.incrementAndGet();
        frontend.counters.sessionStarted(startNanos);
        clientTimer = new SessionTimer(client.eventLoop(), engine.clock,
                phase -> timedOut(TcpTermination.Side.CLIENT));
        serverTimer = new SessionTimer(client.eventLoop(), engine.clock,
                phase -> timedOut(TcpTermination.Side.SERVER));
        if (frontend.log.logsStarts()) {
            frontend.log.log(ConnectLogLine.format(ClientAddresses.remoteInet(client),
                    ClientAddresses.localInet(client), frontend.name(), false));
        }
        clientTimeoutMs = EffectiveTimeouts.clientMs(frontend);
        clientTimer.arm(SessionTimer.Phase.CLIENT, clientTimeoutMs);
        long delayMs = frontend.config.inspectDelayMs();
        if (delayMs > 0 && frontend.tcpRequestRules.hasContentRules()) {
            inspection = new ContentInspection(delayMs);
            client.config().setAutoRead(true);
        }
        inspect(false);
    }

    /**
     * Runs the content rules on the bytes read so far ({@code expired}: the inspect delay ran
     * out), then, unless they wait for more, routes or refuses the connection.
     */
    private void inspect(boolean expired) {
        if (refusedNanos >= 0 || backend != null || !client.isActive()) {
            return;
        }
        InetSocketAddress remote = ClientAddresses.remoteInet(client);
        ClientBytes bytes = inspection == null
                ? ClientBytes.none()
                : inspection.bytes(expired || clientInputDone);
        TcpRequestRules.Verdict verdict = frontend.tcpRequestRules.content(
                new ConnectionFacts(remote, stick, bytes), nextRule, i -> nextRule = i);
        if (verdict == TcpRequestRules.Verdict.WAIT) {
            return;
        }
        if (inspection != null) {
            inspection.end();
            client.config().setAutoRead(false);
        }
        if (verdict == TcpRequestRules.Verdict.REJECT) {
            termination.rejected();
            frontend.counters.deniedRequests.increment();
            refuse();
            return;
        }
        ClientBytes routed = inspection == null ? bytes : inspection.bytes(true);
        backend = frontend.chooseBackend(new ConnectionFacts(remote, stick, routed));
        if (backend == null) {
            termination.noServer();
            refuse();
            return;
        }
        connect(null);
    }

    private void connect(Server avoid) {
        InetSocketAddress remote = ClientAddresses.remoteInet(client);
        BalancedServer chosen = backend.balancer.pick(
                RequestKey.ofClient(remote.getAddress().getAddress()),
                avoid == null ? null : avoid.balanced);
        if (chosen == null && avoid != null && avoid.usable()) {
            // The only server left is the one that failed, still up: HAProxy retries it too.
            chosen = avoid.balanced;
        }
        if (chosen == null) {
            termination.noServer();
            refuse();
            return;
        }
        server = backend.server(chosen);
        if (avoid != null && server != avoid) {
            redispatched = true;
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
        InetSocketAddress serverAddress = server.target(ClientAddresses.local(client));
        InetSocketAddress source = server.source();
        Bootstrap bootstrap = bootstrap(server);
        (source == null
                ? bootstrap.connect(serverAddress)
                : bootstrap.connect(serverAddress, source))
                .addListener((ChannelFuture future) -> {
                    if (future.isSuccess()) {
                        onConnected(future.channel());
                    } else {
                        onConnectFailed(target, future.cause(), connectStart);
                    }
                });
    }

    private Bootstrap bootstrap(Server target) {
        serverRelay = new TcpRelay(this::touchBoth, this::closeBoth,
                () -> termination.aborted(TcpTermination.Side.SERVER, true));
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
        clientRelay = new TcpRelay(this::touchBoth, this::closeBoth,
                () -> termination.aborted(TcpTermination.Side.CLIENT, true));
        client.pipeline().addLast(clientRelay);
        client.pipeline().remove(this);
        Object msg;
        while ((msg = early.poll()) != null) {
            channel.write(msg, channel.voidPromise());
        }
        channel.flush();
        long tunnelMs = backend.config.timeouts().tunnelMs();
        clientTimeoutMs = EffectiveTimeouts.firstSet(tunnelMs, clientTimeoutMs, 0);
        serverTimeoutMs = EffectiveTimeouts.firstSet(tunnelMs, EffectiveTimeouts.serverMs(backend),
                0);
        restart(TcpTermination.Side.CLIENT);
        restart(TcpTermination.Side.SERVER);
        clientRelay.onHalfClose(this::halfClosed);
        serverRelay.onHalfClose(this::halfClosed);
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
            if (cause instanceof ConnectTimeoutException) {
                termination.connectTimedOut();
            } else {
                termination.noServer();
            }
            refuse();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refusedNanos >= 0) {
            io.netty.util.ReferenceCountUtil.release(msg);
            return;
        }
        early.add(msg);
        if (inspection != null && inspection.running() && msg instanceof ByteBuf bytes) {
            inspection.add(bytes);
            inspect(false);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (refusedNanos >= 0) {
            client.close();
        }
    }

    /**
     * Ends a session that will reach no server as HAProxy does: the client is sent its end
     * (FIN) at once and what it sent is read and dropped, since the kernel resets a connection
     * closed with bytes unread. It closes once a read emptied the socket, the client ends its
     * side, or {@code timeout client} runs out.
     */
    private void refuse() {
        refusedNanos = engine.clock.nanoTime();
        releaseEarly();
        clientTimer.arm(SessionTimer.Phase.CLIENT, EffectiveTimeouts.clientMs(frontend));
        ((io.netty.channel.socket.DuplexChannel) client).shutdownOutput();
        client.config().setAutoRead(true);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof io.netty.channel.socket.ChannelInputShutdownEvent) {
            clientInputDone = true;
            if (inspection != null && inspection.running()) {
                inspect(false);
            }
            if (refusedNanos >= 0) {
                client.close();
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // Closed before a server connection was up.
        if (inspection != null) {
            inspection.end();
        }
        termination.aborted(TcpTermination.Side.CLIENT, false);
        releaseEarly();
        finish();
    }

    private void releaseEarly() {
        Object msg;
        while ((msg = early.poll()) != null) {
            io.netty.util.ReferenceCountUtil.release(msg);
        }
    }

    /** Bytes moved from one side to the other: both sides' inactivity starts again. */
    private void touchBoth() {
        clientTimer.touch();
        serverTimer.touch();
    }

    /**
     * {@code side}'s timer ran out. A side read no more, with nothing waiting to be written
     * to it, waits for nothing: its timer starts again. Otherwise that side is read no more and
     * the other's output shut, or, with bytes still waiting for it, both are closed.
     */
    private void timedOut(TcpTermination.Side side) {
        boolean clientSide = side == TcpTermination.Side.CLIENT;
        if (serverChannel == null) {
            if (clientInputDone && refusedNanos < 0) {
                // The client ended its side and waits for the server's answer: no timeout.
                restart(side);
                return;
            }
            termination.timedOut(side, false);
            closeBoth();
            return;
        }
        Channel channel = clientSide ? client : serverChannel;
        TcpRelay relay = clientSide ? clientRelay : serverRelay;
        boolean reading = !relay.inputDone() && channel.config().isAutoRead();
        boolean writing = hasPendingOutput(channel);
        if (!reading && !writing) {
            if (channel.isActive()) {
                restart(side);
            }
            return;
        }
        termination.timedOut(side, true);
        if (writing) {
            closeBoth();
        } else {
            relay.stopReading(channel);
        }
    }

    /** {@code side}'s inactivity period starts again. */
    private void restart(TcpTermination.Side side) {
        long timeoutMs = timeoutMs(side);
        if (side == TcpTermination.Side.CLIENT) {
            clientArmedMs = timeoutMs;
            clientTimer.arm(SessionTimer.Phase.CLIENT, timeoutMs);
        } else {
            serverArmedMs = timeoutMs;
            serverTimer.arm(SessionTimer.Phase.SERVER, timeoutMs);
        }
    }

    /**
     * {@code side}'s inactivity timeout: its usual one, or, once its connection is shut in one
     * direction, {@code timeout client-fin} or {@code timeout server-fin} when set.
     */
    private long timeoutMs(TcpTermination.Side side) {
        if (side == TcpTermination.Side.CLIENT) {
            return clientRelay != null && clientRelay.halfClosed()
                    ? EffectiveTimeouts.clientFinMs(frontend, clientTimeoutMs)
                    : clientTimeoutMs;
        }
        return serverRelay != null && serverRelay.halfClosed()
                ? EffectiveTimeouts.serverFinMs(backend, serverTimeoutMs)
                : serverTimeoutMs;
    }

    /**
     * A direction was shut: a side whose timeout changed with it starts its period again under
     * the new one, as HAProxy re-arms a half-closed side with its fin timeout.
     */
    private void halfClosed() {
        if (finished) {
            return;
        }
        if (timeoutMs(TcpTermination.Side.CLIENT) != clientArmedMs) {
            restart(TcpTermination.Side.CLIENT);
        }
        if (timeoutMs(TcpTermination.Side.SERVER) != serverArmedMs) {
            restart(TcpTermination.Side.SERVER);
        }
    }

    private static boolean hasPendingOutput(Channel channel) {
        io.netty.channel.ChannelOutboundBuffer pending = channel.unsafe().outboundBuffer();
        return pending != null && pending.totalPendingWriteBytes() > 0;
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
        clientTimer.cancel();
        serverTimer.cancel();
        BufferGuard clientBytes = client.pipeline().get(
                BufferGuard.class);
        long in = clientBytes == null ? 0 : clientBytes.takeRead();
        long out = clientBytes == null ? 0 : clientBytes.takeWritten();
        frontend.counters.bytesIn.add(in);
        frontend.counters.bytesOut.add(out);
        stick.countBytes(in, out);
        stick.release();
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
            frontend.log.log(frontend.log.line(logFields(out), true));
        }
        engine.activeConnections.decrementAndGet();
        frontend.counters.sessionEnded();
    }

    /** The values of the tcplog line, {@code out} being the bytes sent to the client. */
    private HttpLogLine.Fields logFields(long out) {
        InetSocketAddress remote = ClientAddresses.remoteInet(client);
        long now = refusedNanos >= 0 ? refusedNanos : engine.clock.nanoTime();
        long queueMs = connectStartNanos < 0 ? -1 : millis(connectStartNanos - startNanos);
        long connectMs = connectedNanos < 0 ? -1 : millis(connectedNanos - connectStartNanos);
        String state = termination.code() + "--";
        return new HttpLogLine.Fields(
                remote == null ? "-" : NetUtil.toAddressString(remote.getAddress()),
                remote == null ? 0 : remote.getPort(), startEpochMillis, frontend.name(),
                backend == null ? frontend.name() : backend.name(),
                server == null ? "<NOSRV>" : server.name(), -1, queueMs, connectMs, -1,
                millis(now - startNanos), -1, out, state,
                engine.activeConnections.get(), frontend.counters.currentSessions(),
                backend == null ? 0 : backend.counters.currentSessions(),
                server == null ? 0 : server.counters.currentSessions(), retries, redispatched,
                "");
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

    /**
     * The bytes a client sent while content rules wait for them (at most
     * {@link ClientBytes#BYTES_MAX}), and the inspect delay's timer, which runs the rules a
     * last time when it ends.
     */
    private final class ContentInspection {
        private final byte[] data = new byte[ClientBytes.BYTES_MAX];
        private int length;
        private final io.netty.util.concurrent.ScheduledFuture<?> delay;

        ContentInspection(long delayMs) {
            delay = client.eventLoop().schedule(() -> inspect(true), delayMs,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        void add(ByteBuf bytes) {
            int count = Math.min(bytes.readableBytes(), data.length - length);
            bytes.getBytes(bytes.readerIndex(), data, length, count);
            length += count;
        }

        ClientBytes bytes(boolean complete) {
            return new ClientBytes(data, length, complete);
        }

        boolean running() {
            return !delay.isDone();
        }

        void end() {
            delay.cancel(false);
        }
    }
}
