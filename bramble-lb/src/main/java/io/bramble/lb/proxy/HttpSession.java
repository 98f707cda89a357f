package io.bramble.lb.proxy;

import io.bramble.lb.limit.BufferGuard;
import io.bramble.lb.http1.RequestDecoder;
import io.bramble.lb.format.Variables;
import io.bramble.lb.stick.StickCounters;
import io.bramble.lb.stick.StickTables;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * One client connection of an HTTP proxy. Requests are served one at a time, in order: the
 * head is routed ({@link RequestRouter}), the body streams to the server as it arrives
 * ({@link ServerAttempts} owns the server side and its retries, {@link SlotWait} the wait for
 * a slot), the response streams back ({@link ResponseRelay}), and the exchange ends with the
 * connection kept or closed ({@link KeepAlive}). Pipelined requests wait in a bounded queue.
 * Confined to the client's event loop; server connections of the session live on the same
 * loop, so the fields the parts share need no synchronisation.
 */
final class HttpSession extends ChannelInboundHandlerAdapter {
    final Engine engine;
    final Frontend frontend;
    final RequestRouter router;
    final ServerAttempts servers;
    final SlotWait waiting;
    final ResponseRelay relay;
    private final ArrayDeque<Object> pipelined = new ArrayDeque<>();
    Channel client;
    SessionTimer timer;
    /** Ends the tunnel this connection became, at its inactivity timeout. */
    private Runnable tunnelTimeout;
    /** The exchange being served; null between requests. */
    Exchange exchange;
    /** The client connection is being closed: nothing more is read or answered. */
    boolean closing;
    /** Between a read of the client and the end of that read burst. */
    boolean inReadBurst;
    private BufferGuard clientBytes;
    /** The bytes of the responses written, taken by the exchange they answer; or null. */
    private ResponseBytes responseBytes;
    /** Requests this connection has brought so far. */
    int exchangesStarted;
    /** The client ended its output: answer what it sent, then close. */
    private boolean clientInputEnded;
    /** Whether the client speaks TLS to us; null until {@link #clientTls()} first looked. */
    private Boolean clientTls;

    /** The connection's stick counters; each request has its own on top of them. */
    final StickCounters stick;
    /** The connection's variables ({@code sess}, over {@code proc}). */
    final Variables variables;

    HttpSession(Engine engine, Frontend frontend) {
        this(engine, frontend, StickCounters.forConnection(StickTables.NONE),
                Variables.forProcess());
    }

    /** @param process the variables of the process's configuration ({@code proc}) */
    HttpSession(Engine engine, Frontend frontend, StickCounters stick, Variables process) {
        this.engine = engine;
        this.frontend = frontend;
        this.stick = stick;
        this.variables = process.forConnection();
        this.router = new RequestRouter(this);
        this.servers = new ServerAttempts(this);
        this.waiting = new SlotWait(this);
        this.relay = new ResponseRelay(this);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        client = ctx.channel();
        clientBytes = client.pipeline().get(BufferGuard.class);
        responseBytes = client.pipeline().get(ResponseBytes.class);
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
        attributeClientBytes(stick);
        Object queued;
        while ((queued = pipelined.poll()) != null) {
            ReferenceCountUtil.release(queued);
        }
        Exchange current = exchange;
        if (current != null) {
            exchange = null;
            waiting.leave(current);
            current.termination = current.responseStarted ? "CD--" : "CR--";
            if (current.backend != null) {
                current.backend.counters.clientAborts.increment();
            }
            servers.release(current, null);
            current.releaseHeld();
            logExchange(current);
        }
        servers.closeKept();
        stick.release();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        inReadBurst = true;
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
        // Once per read burst rather than per message: a clock read is not free.
        timer.touch();
        inReadBurst = false;
        flushServer();
    }

    /** Sends what was written toward the server since the last flush, held head included. */
    private void flushServer() {
        Exchange current = exchange;
        if (current != null && current.serverChannel != null && writeHeldRequestHead(current)) {
            current.flushServer = true;
        }
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
        if (event instanceof ChannelInputShutdownEvent) {
            // A request cut short was already failed by the decoder; a complete one is served.
            clientInputEnded = true;
            if (exchange == null && pipelined.isEmpty() && !closing) {
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
            if (!router.onRequestHead(request)) {
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

    private void onRequestContent(HttpContent content) {
        Exchange current = exchange;
        if (current == null) {
            content.release();
            return;
        }
        if (content.decoderResult().isFailure()) {
            content.release();
            abortMalformedBody(current);
            return;
        }
        boolean last = content instanceof LastHttpContent;
        if (current.local()) {
            LocalAnswers.collectBody(current, content);
        } else if (current.serverChannel == null) {
            hold(current, content);
        } else {
            current.bodyBytesWritten += content.content().readableBytes();
            Channel server = current.serverChannel;
            if (last && current.requestHeadHeld) {
                current.requestHeadHeld = false;
                server.write(WholeMessage.request(current.request, (LastHttpContent) content),
                        server.voidPromise());
            } else {
                writeHeldRequestHead(current);
                server.write(content, server.voidPromise());
            }
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
                finishExchange(current, LocalAnswers.respond(current, frontend));
            } else {
                timer.arm(SessionTimer.Phase.SERVER, EffectiveTimeouts.serverMs(current.backend));
            }
        }
    }

    /**
     * The body turned out malformed after its head went on: the server connection is closed
     * before it sees an end, so it never takes a shortened body for a complete one, and the
     * client gets 400 if nothing of the answer went out yet.
     */
    private void abortMalformedBody(Exchange current) {
        frontend.counters.requestErrors.increment();
        waiting.leave(current);
        current.termination = "CR--";
        current.requestHeadHeld = false;
        servers.release(current, null);
        closing = true;
        failBeforeResponse(current, 400);
    }

    /** Writes the request head {@link ServerAttempts} held back, if it did; true when so. */
    private static boolean writeHeldRequestHead(Exchange current) {
        if (!current.requestHeadHeld) {
            return false;
        }
        current.requestHeadHeld = false;
        current.serverChannel.write(current.request, current.serverChannel.voidPromise());
        return true;
    }

    /** Keeps body pieces until the server connection is ready, reading no more past a bound. */
    private void hold(Exchange current, HttpContent content) {
        current.hold(content);
        if (current.heldBytes > HttpLimits.HELD_BODY_BYTES_MAX) {
            client.config().setAutoRead(false);
        }
    }

    /** The server connection can take more of the request body. */
    void serverWritable(Exchange current) {
        if (current == exchange && !current.requestComplete) {
            client.config().setAutoRead(true);
        }
    }

    /** Answers an error status before any of the response went out, or closes if too late. */
    void failBeforeResponse(Exchange current, int status) {
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
        KeepAlive.towardClient(response, current);
        current.status = status;
        current.responseStarted = true;
        current.responseComplete = true;
        finishExchange(current, response);
    }

    /**
     * Writes the last piece of the response, counts, logs, and either closes the client or
     * waits for its next request. A connection that stays open writes with the void promise:
     * nothing waits for that write, so no future is made per request.
     */
    void finishExchange(Exchange current, Object last) {
        boolean closes = KeepAlive.closesAfter(current,
                closing || clientInputEnded && pipelined.isEmpty(), frontend.retiring);
        relay.flushedWithLast();
        if (closes) {
            client.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
        } else {
            client.writeAndFlush(last, client.voidPromise());
        }
        current.releaseHeld();
        exchange = null;
        countResponse(current);
        logExchange(current);
        if (closes) {
            closing = true;
            timer.cancel();
            return;
        }
        timer.arm(SessionTimer.Phase.KEEP_ALIVE, EffectiveTimeouts.keepAliveMs(frontend));
        if (current.tunnelRequested()) {
            // Refused (or answered by us): the bytes after the request are HTTP again.
            client.pipeline().get(RequestDecoder.class).resume();
        }
        drainPipelined();
    }

    /** The exchange became a tunnel: this handler leaves the pipeline, the tunnel times out. */
    void tunnelStarted(Exchange current, Runnable onTimeout) {
        exchange = null;
        tunnelTimeout = onTimeout;
        countResponse(current);
        timer.arm(SessionTimer.Phase.TUNNEL, EffectiveTimeouts.tunnelMs(frontend,
                current.backend));
    }

    /** Both sides of the tunnel closed: what {@link #channelInactive} does for HTTP. */
    void tunnelEnded(Exchange current) {
        timer.cancel();
        engine.activeConnections.decrementAndGet();
        frontend.counters.sessionEnded();
        servers.releaseSlot(current);
        logExchange(current);
        stick.release();
    }

    /** The response bytes written so far become the exchange's. */
    private void takeResponseBytes(Exchange current) {
        if (responseBytes != null) {
            current.bytesOut(responseBytes.take());
        }
    }

    private void countResponse(Exchange current) {
        takeResponseBytes(current);
        int status = current.status;
        frontend.counters.response(status);
        if (current.backend != null) {
            current.backend.counters.response(status);
            if (current.server == null) {
                // Answered by the load balancer itself: no server connection counted it.
                current.backend.counters.bytesOut.add(current.bytesOut);
            }
        }
        if (current.server != null) {
            current.server.counters.response(status);
            if (status >= 400 && status < 500) {
                // A server's 4xx is an HTTP error of the client, as HAProxy counts it.
                current.stick.countHttpError();
            }
        }
    }

    private void drainPipelined() {
        Object queued;
        while (!closing && (exchange == null || !exchange.requestComplete)
                && (queued = pipelined.poll()) != null) {
            dispatch(queued);
        }
        // Queued body pieces may have gone to a reused connection: no read burst flushes them.
        flushServer();
        if (!closing && (exchange == null || !exchange.requestComplete)) {
            client.config().setAutoRead(true);
        }
    }

    /**
     * The client speaks TLS to us. Looked up at the first request, not when the client
     * connects: an SNI handler turns into the SslHandler only once the client's hello came.
     */
    boolean clientTls() {
        if (clientTls == null) {
            clientTls = client.pipeline().get(SslHandler.class) != null;
        }
        return clientTls;
    }

    io.netty.channel.EventLoop eventLoop() {
        return client.eventLoop();
    }

    private void onTimeout(SessionTimer.Phase phase) {
        switch (phase) {
            case FIRST_REQUEST, CLIENT_BODY -> clientTimedOut(phase);
            case SERVER -> serverTimedOut();
            case KEEP_ALIVE -> client.close();
            case TUNNEL -> tunnelTimeout.run();
            case NONE -> {
            }
        }
    }

    private void clientTimedOut(SessionTimer.Phase phase) {
        Exchange current = exchange;
        if (current != null && !current.responseStarted) {
            current.termination = "cR--";
            failBeforeResponse(current, 408);
        } else if (current == null && phase == SessionTimer.Phase.FIRST_REQUEST) {
            frontend.counters.requestErrors.increment();
            closing = true;
            FullHttpResponse response = frontend.errorPages.response(408);
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            client.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            client.close();
        }
    }

    private void serverTimedOut() {
        Exchange current = exchange;
        if (current == null) {
            client.close();
            return;
        }
        current.termination = current.responseStarted ? "sD--" : "sH--";
        servers.release(current, null);
        failBeforeResponse(current, 504);
    }

    private void logExchange(Exchange current) {
        attributeClientBytes(current.stick);
        takeResponseBytes(current);
        if (frontend.log.logsEnds() && !current.monitorRequest) {
            frontend.log.log(AccessLine.of(current, frontend, client, engine));
        }
        // The request's tracked entries count one connection less once it is over.
        current.stick.release();
    }

    /** The client's bytes since the last call go to the frontend and to {@code counters}. */
    private void attributeClientBytes(StickCounters counters) {
        if (clientBytes != null) {
            long in = clientBytes.takeRead();
            long out = clientBytes.takeWritten();
            frontend.counters.bytesIn.add(in);
            frontend.counters.bytesOut.add(out);
            counters.countBytes(in, out);
        }
    }
}
