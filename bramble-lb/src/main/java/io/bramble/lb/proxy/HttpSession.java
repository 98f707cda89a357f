package io.bramble.lb.proxy;

import io.bramble.lb.balance.BalancedServer;
import io.bramble.lb.config.HttpConnectionMode;
import io.bramble.lb.persist.RequestCookie;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * One client connection of an HTTP proxy. Requests are served one at a time, in order:
 * the head picks a backend and server, the body streams to the server as it arrives, the
 * response streams back. A connection that fails before anything of the response came back
 * (refused, reset, closed) is retried on another server when {@link Exchange#retryable} says
 * it is safe, and a refused or reset fresh connection marks the server down at once. Confined
 * to the client's event loop; server connections of the session live on the same loop.
 */
final class HttpSession extends ChannelInboundHandlerAdapter {
    private final Engine engine;
    private final Frontend frontend;
    private final ArrayDeque<Object> pipelined = new ArrayDeque<>();
    private Channel client;
    private ByteCounter clientBytes;
    /**
     * The client speaks TLS to us: read at the first request, not when it connects, since an
     * SNI handler turns into the SslHandler only once the client's hello came.
     */
    private Boolean clientTls;
    private SessionTimer timer;
    private Exchange exchange;
    private boolean closing;
    /** Something was written to the client since its last flush. */
    private boolean clientUnflushed;

    HttpSession(Engine engine, Frontend frontend) {
        this.engine = engine;
        this.frontend = frontend;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        client = ctx.channel();
        clientBytes = client.pipeline().get(ByteCounter.class);
        long acceptNanos = engine.clock.nanoTime();
        engine.activeConnections.incrementAndGet();
        frontend.counters.sessionStarted(acceptNanos);
        timer = new SessionTimer(client.eventLoop(), engine.clock, this::onTimeout);
        timer.arm(SessionTimer.Phase.FIRST_REQUEST, EffectiveTimeouts.httpRequestMs(frontend));
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        timer.cancel();
        engine.activeConnections.decrementAndGet();
        frontend.counters.sessionEnded();
        attributeClientBytes();
        Object queued;
        while ((queued = pipelined.poll()) != null) {
            ReferenceCountUtil.release(queued);
        }
        Exchange current = exchange;
        if (current != null) {
            exchange = null;
            leaveQueue(current);
            current.termination = current.responseStarted ? "CD--" : "CR--";
            if (current.backend != null) {
                current.backend.counters.clientAborts.increment();
            }
            abandonServer(current);
            current.releaseHeld();
            logExchange(current);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        timer.touch();
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (exchange != null && exchange.requestComplete) {
            pipelined.add(msg);
            if (pipelined.size() >= HttpLimits.PIPELINED_MESSAGES_MAX) {
                client.config().setAutoRead(false);
            }
            return;
        }
        dispatch(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        Exchange current = exchange;
        if (current != null && current.flushServer && current.serverChannel != null) {
            current.flushServer = false;
            current.serverChannel.flush();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Exchange current = exchange;
        if (client.isWritable() && current != null && current.serverChannel != null) {
            current.serverChannel.config().setAutoRead(true);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == Generation.RETIRE) {
            if (exchange == null && !closing) {
                closing = true;
                client.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A peer sending garbage or resetting is dropped; the process keeps serving others.
        ctx.close();
    }

    private void dispatch(Object msg) {
        if (msg instanceof HttpRequest request) {
            if (!onRequestHead(request)) {
                ReferenceCountUtil.release(msg);
                return;
            }
        }
        if (msg instanceof HttpContent content) {
            onRequestContent(content);
        } else if (!(msg instanceof HttpRequest)) {
            ReferenceCountUtil.release(msg);
        }
    }

    /** Returns false when the request was refused outright (nothing more to read from it). */
    private boolean onRequestHead(HttpRequest request) {
        long now = engine.clock.nanoTime();
        if (request.decoderResult().isFailure()) {
            rejectMalformed(request.decoderResult().cause());
            return false;
        }
        timer.arm(SessionTimer.Phase.CLIENT_BODY, EffectiveTimeouts.clientMs(frontend));
        frontend.counters.requestsTotal.increment();
        InetSocketAddress remote = (InetSocketAddress) client.remoteAddress();
        if (clientTls == null) {
            clientTls = client.pipeline().get(io.netty.handler.ssl.SslHandler.class) != null;
        }
        RequestView view = new RequestView(request, remote, clientTls);
        Exchange current = new Exchange(request, view, now, engine.clock.epochMillis());
        exchange = current;
        if (frontend.stats != null && frontend.stats.matches(request.uri())) {
            current.statsRequest = true;
            current.statsBody = frontend.stats.wantsBody(view) ? new StringBuilder() : null;
            return true;
        }
        FullHttpResponse ruled = frontend.requestRules.apply(view, frontend.errorPages);
        if (ruled != null) {
            answerLocally(current, ruled, null);
            return true;
        }
        Backend backend = frontend.chooseBackend(view);
        if (backend == null) {
            answerLocally(current, frontend.errorPages.response(503), null);
            return true;
        }
        current.backend = backend;
        backend.counters.requestsTotal.increment();
        if (backend.config != frontend.config) {
            ruled = backend.requestRules.apply(view, backend.errorPages);
            if (ruled != null) {
                answerLocally(current, ruled, backend);
                return true;
            }
        }
        prepareRequest(current);
        connect(current, null);
        return true;
    }

    private void answerLocally(Exchange current, FullHttpResponse response, Backend backend) {
        int status = response.status().code();
        if (status == 403) {
            frontend.counters.deniedRequests.increment();
            if (backend != null) {
                backend.counters.deniedRequests.increment();
            }
            current.termination = "PR--";
        }
        current.localResponse = response;
    }

    private void onRequestContent(HttpContent content) {
        Exchange current = exchange;
        boolean last = content instanceof LastHttpContent;
        if (current == null) {
            content.release();
            return;
        }
        if (current.local()) {
            collectLocalBody(current, content);
        } else if (current.serverChannel == null) {
            current.held.add(content);
            current.heldBytes += content.content().readableBytes();
            if (current.heldBytes > HttpLimits.HELD_BODY_BYTES_MAX) {
                client.config().setAutoRead(false);
            }
        } else {
            current.bodyBytesWritten += content.content().readableBytes();
            current.serverChannel.write(content, current.serverChannel.voidPromise());
            current.flushServer = true;
            if (!current.serverChannel.isWritable()) {
                client.config().setAutoRead(false);
            }
        }
        if (last) {
            current.requestComplete = true;
            // Reading goes on: pipelined requests wait in a bounded queue, so the common case
            // costs no change of the epoll interest set per request.
            if (current.local()) {
                answerLocalExchange(current);
            } else {
                timer.arm(SessionTimer.Phase.SERVER, EffectiveTimeouts.serverMs(current.backend));
            }
        }
    }

    private void collectLocalBody(Exchange current, HttpContent content) {
        StringBuilder body = current.statsBody;
        if (body != null) {
            int bytes = content.content().readableBytes();
            if (body.length() + bytes > io.bramble.lb.stats.AdminCommand.BODY_BYTES_MAX) {
                current.statsBody = null;
            } else {
                body.append(content.content().toString(StandardCharsets.ISO_8859_1));
            }
        }
        content.release();
    }

    private void answerLocalExchange(Exchange current) {
        FullHttpResponse response = current.localResponse;
        if (response == null) {
            String body = current.statsBody == null ? null : current.statsBody.toString();
            response = frontend.stats.respond(current.view, body);
        }
        current.clientKeepAlive = HttpUtil.isKeepAlive(current.request)
                && frontend.config.connectionMode() != HttpConnectionMode.CLOSE
                && response.status().code() != 400;
        setClientConnection(response, current);
        current.status = response.status().code();
        current.responseStarted = true;
        current.bytesOut(response.content().readableBytes());
        finishExchange(current, response);
    }

    /** Connection headers, cookies and X-Forwarded-For for the server. */
    private void prepareRequest(Exchange current) {
        HttpRequest request = current.request;
        HttpConnectionMode mode = frontend.connectionMode(current.backend);
        current.clientKeepAlive = mode != HttpConnectionMode.CLOSE
                && HttpUtil.isKeepAlive(request) && !frontend.retiring;
        HopHeaders.strip(request.headers());
        if (mode != HttpConnectionMode.KEEP_ALIVE) {
            request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        if (current.backend.cookies != null) {
            RequestCookie cookie = current.backend.cookies
                    .onRequest(request.headers().get(HttpHeaderNames.COOKIE));
            current.cookie = cookie;
            if (cookie.forwardedHeader() == null) {
                request.headers().remove(HttpHeaderNames.COOKIE);
            } else {
                request.headers().set(HttpHeaderNames.COOKIE, cookie.forwardedHeader());
            }
            if (cookie.pinned()) {
                current.pinned = current.backend.serverByCookie(cookie.serverValue());
            }
        }
        var forwardFor = frontend.config.forwardFor().or(() -> current.backend.config.forwardFor());
        if (forwardFor.isPresent()) {
            ForwardedFor.apply(forwardFor.get(), request.headers(), current.view.source());
        }
    }

    /** Picks a server (never {@code avoid}) and gets a connection to it. */
    private void connect(Exchange current, Server avoid) {
        connect(current, avoid, false);
    }

    /**
     * @param wasQueued the request was woken from the queue: if it finds no slot again it
     *        goes back to the front, keeping its turn
     */
    private void connect(Exchange current, Server avoid, boolean wasQueued) {
        Backend backend = current.backend;
        Server server = null;
        if (current.pinned != null && current.pinned != avoid
                && current.pinned.takesPersistentTraffic()) {
            server = current.pinned;
        } else {
            BalancedServer chosen = backend.balancer.pick(current.view,
                    avoid == null ? null : avoid.balanced);
            server = chosen == null ? null : backend.server(chosen);
            if (server == null && avoid != null && avoid.usable()) {
                // The only server left is the one that failed, still up (a stale pooled
                // connection, or an unchecked server): HAProxy retries it too.
                server = avoid;
            }
        }
        current.pinned = null;
        if (server == null && avoid == null && backend.balancer.anyUsable()
                && enqueue(current, wasQueued)) {
            return;
        }
        if (server == null) {
            current.termination = avoid == null ? "SC--" : current.termination;
            failBeforeResponse(current, 503);
            return;
        }
        if (avoid != null && server != avoid) {
            backend.counters.redispatches.increment();
            server.counters.redispatches.increment();
        }
        current.server = server;
        leaveQueue(current);
        current.slotHeld = true;
        backend.balancer.connectionTaken(server.balanced);
        server.counters.selected.increment();
        backend.counters.selected.increment();
        server.counters.sessionStarted(engine.clock.nanoTime());
        backend.counters.sessionStarted(engine.clock.nanoTime());
        boolean reuse = frontend.connectionMode(backend) == HttpConnectionMode.KEEP_ALIVE
                && current.retries == 0 && (current.idempotent || current.requestComplete);
        Channel pooled = reuse ? server.pool.acquire() : null;
        if (pooled != null) {
            current.reusedConnection = true;
            attach(current, pooled);
            return;
        }
        current.reusedConnection = false;
        current.connectStartNanos = engine.clock.nanoTime();
        ChannelFuture connecting = backend.connector.connect(client.eventLoop(),
                server.address, server.tls);
        Server target = server;
        connecting.addListener((ChannelFuture future) -> onConnected(current, target, future));
    }

    private void onConnected(Exchange current, Server server, ChannelFuture future) {
        if (current != exchange || current.server != server) {
            if (future.isSuccess()) {
                future.channel().close();
            }
            return;
        }
        if (future.isSuccess()) {
            current.connectedNanos = engine.clock.nanoTime();
            attach(current, future.channel());
            return;
        }
        Throwable cause = future.cause();
        server.counters.connectionErrors.increment();
        current.backend.counters.connectionErrors.increment();
        long tookMs = (engine.clock.nanoTime() - current.connectStartNanos) / 1_000_000L;
        if (!(cause instanceof ConnectTimeoutException)
                && (cause instanceof ConnectException || cause instanceof IOException)) {
            server.liveFailure(Failures.reason(cause), tookMs);
        }
        current.termination = cause instanceof ConnectTimeoutException ? "sC--" : "SC--";
        releaseServer(current, null);
        retryOrFail(current, server, true, 503);
    }

    private void attach(Exchange current, Channel channel) {
        current.serverChannel = channel;
        ServerHandler handler = ServerHandler.of(channel);
        handler.attach(this, current);
        handler.bytes.takeRead();
        channel.write(current.request, channel.voidPromise());
        if (!current.held.isEmpty()) {
            HttpContent content;
            while ((content = current.held.poll()) != null) {
                current.bodyBytesWritten += content.content().readableBytes();
                channel.write(content, channel.voidPromise());
            }
            current.heldBytes = 0;
        } else if (current.requestComplete) {
            channel.write(LastHttpContent.EMPTY_LAST_CONTENT, channel.voidPromise());
        }
        channel.flush();
        if (!current.requestComplete) {
            client.config().setAutoRead(true);
        }
    }

    /** Something came from the server of {@code current}. */
    void onServerMessage(Exchange current, Object msg) {
        if (current != exchange) {
            ReferenceCountUtil.release(msg);
            return;
        }
        timer.touch();
        if (msg instanceof HttpResponse response) {
            if (response.decoderResult().isFailure()) {
                ReferenceCountUtil.release(msg);
                current.server.counters.responseErrors.increment();
                current.backend.counters.responseErrors.increment();
                current.termination = "SH--";
                Server failed = current.server;
                releaseServer(current, null);
                retryOrFail(current, failed, false, 502);
                return;
            }
            onResponseHead(current, response);
        }
        if (msg instanceof HttpContent content) {
            onResponseContent(current, content);
        } else if (!(msg instanceof HttpResponse)) {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onResponseHead(Exchange current, HttpResponse response) {
        current.responseStarted = true;
        if (response.status().code() < 200) {
            current.interim = true;
            writeClient(response);
            return;
        }
        current.responseNanos = engine.clock.nanoTime();
        current.status = response.status().code();
        ResponseHeaders.prepare(current, response, frontend);
        writeClient(response);
    }

    /** Writes without flushing; {@link #flushClient} flushes at the end of the read burst. */
    private void writeClient(Object msg) {
        clientUnflushed = true;
        client.write(msg, client.voidPromise());
    }

    private void onResponseContent(Exchange current, HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        if (current.interim) {
            current.interim = !last;
            client.write(content, client.voidPromise());
            client.flush();
            return;
        }
        current.bytesOut(content.content().readableBytes());
        if (!last) {
            writeClient(content);
            if (!client.isWritable()) {
                current.serverChannel.config().setAutoRead(false);
            }
            return;
        }
        current.responseComplete = true;
        releaseServer(current, current.serverReusable && current.requestComplete
                ? current.server
                : null);
        finishExchange(current, content);
    }

    /** The server connection of {@code current} closed or failed. */
    void onServerClosed(Exchange current, Throwable cause) {
        if (current != exchange || current.serverChannel == null || current.responseComplete) {
            return;
        }
        Server server = current.server;
        boolean fresh = !current.reusedConnection;
        boolean started = current.responseStarted;
        releaseServer(current, null);
        if (started) {
            server.counters.serverAborts.increment();
            current.backend.counters.serverAborts.increment();
            current.termination = "SD--";
            closing = true;
            client.close();
            return;
        }
        if (fresh) {
            long tookMs = (engine.clock.nanoTime() - current.startNanos) / 1_000_000L;
            server.liveFailure(cause == null
                    ? "Connection closed before the response"
                    : Failures.reason(cause), tookMs);
            server.counters.responseErrors.increment();
            current.backend.counters.responseErrors.increment();
        }
        current.termination = "SH--";
        retryOrFail(current, server, false, 502);
    }

    private void retryOrFail(Exchange current, Server failed, boolean neverConnected,
            int status) {
        boolean retriesLeft = current.retries < current.backend.config.retries();
        if (retriesLeft && current.retryable(neverConnected) && client.isActive()) {
            current.retries++;
            current.backend.counters.retries.increment();
            failed.counters.retries.increment();
            connect(current, failed);
            return;
        }
        failBeforeResponse(current, status);
    }

    /** The server is done with this exchange: back to its pool, or closed. */
    private void releaseServer(Exchange current, Server poolOwner) {
        Server server = current.server;
        Channel channel = current.serverChannel;
        current.serverChannel = null;
        if (channel != null) {
            ServerHandler handler = ServerHandler.of(channel);
            if (handler != null) {
                server.counters.bytesIn.add(handler.bytes.takeWritten());
                server.counters.bytesOut.add(handler.bytes.takeRead());
                handler.detach(poolOwner);
            }
            channel.config().setAutoRead(true);
            if (poolOwner != null) {
                poolOwner.pool.release(channel);
            } else {
                channel.close();
            }
        }
        if (current.slotHeld) {
            current.slotHeld = false;
            current.backend.balancer.connectionReleased(server.balanced);
            server.counters.sessionEnded();
            current.backend.counters.sessionEnded();
            current.backend.slotFreed();
        }
    }

    /**
     * Every usable server is at its maxconn: the request waits for a slot, at most
     * {@code timeout queue} (else {@code timeout connect}). False when the queue is full.
     */
    private boolean enqueue(Exchange current, boolean front) {
        Backend backend = current.backend;
        QueuedRequest waiter = current.queued;
        if (waiter == null) {
            waiter = new QueuedRequest(this, current, engine.clock.nanoTime());
            if (!backend.queue.add(waiter)) {
                return false;
            }
            current.queued = waiter;
            io.bramble.lb.config.Timeouts timeouts = backend.config.timeouts();
            long timeoutMs = EffectiveTimeouts.firstSet(timeouts.queueMs(), timeouts.connectMs(),
                    HttpLimits.CONNECT_TIMEOUT_MS_WHEN_UNSET);
            QueuedRequest expiring = waiter;
            waiter.expiry = client.eventLoop().schedule(() -> queueExpired(expiring),
                    timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS);
        } else if (front) {
            backend.queue.putBack(waiter);
        } else {
            backend.queue.add(waiter);
        }
        // Nothing more is read from this client until the request leaves the queue.
        client.config().setAutoRead(false);
        return true;
    }

    /** Woken by a freed slot. */
    void retryQueued(QueuedRequest waiter) {
        Exchange current = waiter.exchange;
        if (current != exchange || current.queued != waiter || !client.isActive()) {
            // Gone meanwhile: the slot goes to the next waiter.
            current.backend.slotFreed();
            return;
        }
        connect(current, null, true);
    }

    private void queueExpired(QueuedRequest waiter) {
        Exchange current = waiter.exchange;
        if (current != exchange || current.queued != waiter) {
            return;
        }
        leaveQueue(current);
        current.termination = "sQ--";
        failBeforeResponse(current, 503);
    }

    private void leaveQueue(Exchange current) {
        QueuedRequest waiter = current.queued;
        if (waiter != null) {
            current.queued = null;
            current.backend.queue.remove(waiter);
            if (waiter.expiry != null) {
                waiter.expiry.cancel(false);
            }
        }
    }

    io.netty.channel.EventLoop eventLoop() {
        return client.eventLoop();
    }

    /** Gives up on the server side of an exchange. */
    private void abandonServer(Exchange current) {
        releaseServer(current, null);
    }

    private void failBeforeResponse(Exchange current, int status) {
        current.releaseHeld();
        if (current.responseStarted || !client.isActive()) {
            closing = true;
            client.close();
            return;
        }
        Backend backend = current.backend;
        FullHttpResponse response = (backend != null
                ? backend.errorPages
                : frontend.errorPages).response(status);
        current.clientKeepAlive = false;
        setClientConnection(response, current);
        current.status = status;
        current.responseStarted = true;
        current.responseComplete = true;
        current.bytesOut(response.content().readableBytes());
        finishExchange(current, response);
    }

    private void rejectMalformed(Throwable cause) {
        int status = cause instanceof TooLongHttpHeaderException
                ? 431
                : cause instanceof TooLongHttpLineException ? 414 : 400;
        frontend.counters.requestErrors.increment();
        FullHttpResponse response = frontend.errorPages.response(status);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        frontend.counters.response(status);
        closing = true;
        client.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        if (frontend.log.enabled()) {
            frontend.log.log(AccessLine.badRequest(frontend, client, engine, status));
        }
    }

    /**
     * Writes the last piece of the response, counts, logs, and either closes the client or
     * waits for its next request. A connection that stays open writes with the void promise:
     * nothing waits for that write, so no future is made per request.
     */
    private void finishExchange(Exchange current, Object last) {
        boolean closes = !current.clientKeepAlive || !current.requestComplete || closing
                || frontend.retiring;
        clientUnflushed = false;
        if (closes) {
            client.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
        } else {
            client.writeAndFlush(last, client.voidPromise());
        }
        current.releaseHeld();
        exchange = null;
        int status = current.status;
        frontend.counters.response(status);
        if (current.backend != null) {
            current.backend.counters.response(status);
            current.backend.counters.bytesOut.add(current.bytesOut);
        }
        if (current.server != null) {
            current.server.counters.response(status);
        }
        logExchange(current);
        if (closes) {
            closing = true;
            timer.cancel();
            return;
        }
        timer.arm(SessionTimer.Phase.KEEP_ALIVE, EffectiveTimeouts.keepAliveMs(frontend));
        drainPipelined();
    }

    private void drainPipelined() {
        Object queued;
        while (!closing && (exchange == null || !exchange.requestComplete)
                && (queued = pipelined.poll()) != null) {
            dispatch(queued);
        }
        if (!closing && (exchange == null || !exchange.requestComplete)) {
            client.config().setAutoRead(true);
        }
    }

    /** The server's read burst ended: what it relayed goes out in one flush. */
    void flushClient() {
        if (clientUnflushed) {
            clientUnflushed = false;
            client.flush();
        }
    }

    void serverWritable(Exchange current) {
        if (current == exchange && !current.requestComplete) {
            client.config().setAutoRead(true);
        }
    }

    private void setClientConnection(HttpResponse response, Exchange current) {
        if (!current.clientKeepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (current.request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    private void onTimeout(SessionTimer.Phase phase) {
        Exchange current = exchange;
        switch (phase) {
            case FIRST_REQUEST, CLIENT_BODY -> {
                if (current != null && !current.responseStarted) {
                    current.termination = "cR--";
                    failBeforeResponse(current, 408);
                } else if (current == null && phase == SessionTimer.Phase.FIRST_REQUEST) {
                    frontend.counters.requestErrors.increment();
                    closing = true;
                    client.writeAndFlush(timeoutResponse())
                            .addListener(ChannelFutureListener.CLOSE);
                } else {
                    client.close();
                }
            }
            case SERVER -> {
                if (current != null) {
                    current.termination = "sH--";
                    if (current.responseStarted) {
                        current.termination = "sD--";
                    }
                    abandonServer(current);
                    failBeforeResponse(current, 504);
                } else {
                    client.close();
                }
            }
            case KEEP_ALIVE -> client.close();
            case NONE -> {
            }
        }
    }

    private FullHttpResponse timeoutResponse() {
        FullHttpResponse response = frontend.errorPages.response(408);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }

    private void logExchange(Exchange current) {
        attributeClientBytes();
        if (frontend.log.enabled()) {
            frontend.log.log(AccessLine.of(current, frontend, client, engine));
        }
    }

    private void attributeClientBytes() {
        if (clientBytes != null) {
            frontend.counters.bytesIn.add(clientBytes.takeRead());
            frontend.counters.bytesOut.add(clientBytes.takeWritten());
        }
    }

}
