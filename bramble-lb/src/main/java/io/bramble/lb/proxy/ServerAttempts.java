package io.bramble.lb.proxy;

import io.bramble.lb.balance.BalancedServer;
import io.bramble.lb.config.ConnectionReuse;
import io.bramble.lb.config.HttpConnectionMode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.net.ConnectException;

/**
 * The server side of a session's exchange: picks a server (the pinned one first, never the
 * one that just failed while another is up), takes one of its slots or waits in the queue,
 * reuses a pooled connection or opens one, and sends the request. A connection that fails
 * before anything of the response came back is retried on another server when
 * {@link Exchange#retryable} says it is safe, and a refused or reset fresh connection marks
 * the server down at once. Confined to the session's event loop.
 */
final class ServerAttempts {
    private final HttpSession session;
    private final Engine engine;
    /**
     * With {@code option prefer-last-server} and {@code http-reuse never}, the connection the
     * last request left open, kept for this client connection alone (HAProxy's private
     * server connection); null when none.
     */
    private Channel kept;
    private Server keptServer;
    private Backend keptBackend;

    ServerAttempts(HttpSession session) {
        this.session = session;
        this.engine = session.engine;
    }

    /** Picks a server (never {@code avoid}) and gets a connection to it. */
    void connect(Exchange current, Server avoid) {
        connect(current, avoid, false);
    }

    /**
     * @param wasQueued the request was woken from the queue: if it finds no slot again it
     *        goes back to the front, keeping its turn
     */
    void connect(Exchange current, Server avoid, boolean wasQueued) {
        Server server = pick(current, avoid);
        current.pinned = null;
        if (server == null && avoid == null && current.backend.balancer.anyUsable()
                && session.waiting.enqueue(current, wasQueued)) {
            return;
        }
        if (server == null) {
            current.termination = avoid == null ? "SC--" : current.termination;
            session.failBeforeResponse(current, 503);
            return;
        }
        takeSlot(current, server, avoid);
        Channel own = takeKept(server);
        if (own != null) {
            current.reusedConnection = true;
            attach(current, own);
            return;
        }
        Channel pooled = mayReuse(current) && server.pools() ? server.pool.acquire() : null;
        if (pooled != null) {
            current.reusedConnection = true;
            attach(current, pooled);
            return;
        }
        open(current, server);
    }

    /**
     * Whether the request may go over an idle connection ({@code http-reuse}): never on a
     * retry; with {@code safe}, a client connection's first request only when a connection
     * found closed could not have taken any of it (idempotent, or its body not yet sent).
     */
    private boolean mayReuse(Exchange current) {
        if (session.frontend.connectionMode(current.backend) != HttpConnectionMode.KEEP_ALIVE
                || current.retries > 0) {
            return false;
        }
        return switch (current.backend.config.reuse()) {
            case NEVER -> false;
            case SAFE -> !current.firstOfConnection || current.idempotent
                    || current.requestComplete;
            case AGGRESSIVE, ALWAYS -> true;
        };
    }

    /**
     * The pinned server if it takes traffic, else the server of the connection kept for
     * {@code option prefer-last-server}, else the balancer's choice; null if none.
     */
    private Server pick(Exchange current, Server avoid) {
        if (current.pinned != null && current.pinned != avoid
                && current.pinned.takesPersistentTraffic()) {
            return current.pinned;
        }
        if (kept != null && keptBackend == current.backend && keptServer != avoid
                && kept.isActive() && current.backend.balancer.hasRoom(keptServer.balanced)) {
            return keptServer;
        }
        Backend backend = current.backend;
        BalancedServer chosen = backend.balancer.pick(current.view,
                avoid == null ? null : avoid.balanced);
        Server server = chosen == null ? null : backend.server(chosen);
        if (server == null && avoid != null && avoid.usable()) {
            // The only server left is the one that failed, still up (a stale pooled
            // connection, or an unchecked server): HAProxy retries it too.
            return avoid;
        }
        return server;
    }

    /** The exchange counts as one of {@code server}'s connections until it is released. */
    private void takeSlot(Exchange current, Server server, Server avoid) {
        Backend backend = current.backend;
        if (avoid != null && server != avoid) {
            current.redispatched = true;
            backend.counters.redispatches.increment();
            server.counters.redispatches.increment();
        }
        current.server = server;
        session.waiting.leave(current);
        current.slotHeld = true;
        backend.balancer.connectionTaken(server.balanced);
        server.counters.selected.increment();
        backend.counters.selected.increment();
        long now = engine.clock.nanoTime();
        server.counters.sessionStarted(now);
        backend.counters.sessionStarted(now);
    }

    private void open(Exchange current, Server server) {
        current.reusedConnection = false;
        current.connectStartNanos = engine.clock.nanoTime();
        ChannelFuture connecting = current.backend.connector.connect(
                session.client.eventLoop(), server.target(ClientAddresses.local(session.client)),
                server.tls, server.proxyHeader(session.client), server.source());
        connecting.addListener((ChannelFuture future) -> onConnected(current, server, future));
    }

    private void onConnected(Exchange current, Server server, ChannelFuture future) {
        if (current != session.exchange || current.server != server) {
            if (future.isSuccess()) {
                future.channel().close();
            }
            return;
        }
        if (future.isSuccess()) {
            current.connectedNanos = engine.clock.nanoTime();
            server.opened(future.channel());
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
        release(current, null);
        retryOrFail(current, server, true, 503);
    }

    /** Binds the connection to the exchange and sends the request and what came of its body. */
    private void attach(Exchange current, Channel channel) {
        // A retry reached a server: the failure of an attempt before it no longer ends the
        // exchange, and HAProxy logs it ---- when it completes.
        current.termination = "----";
        current.serverChannel = channel;
        current.server.pool.busy();
        ServerHandler handler = ServerHandler.of(channel);
        handler.attach(session, current);
        handler.bytes.takeRead();
        current.requestHeadHeld = false;
        if (current.requestComplete && !current.hasHeld()) {
            channel.writeAndFlush(WholeMessage.request(current.request,
                    LastHttpContent.EMPTY_LAST_CONTENT), channel.voidPromise());
            return;
        }
        if (!current.hasHeld() && session.inReadBurst) {
            // The rest of the request most likely came in the same burst: the head goes out
            // with its last piece (HttpSession.onRequestContent) or at the burst's end.
            current.requestHeadHeld = true;
            session.client.config().setAutoRead(true);
            return;
        }
        channel.write(current.request, channel.voidPromise());
        if (current.hasHeld()) {
            HttpContent content;
            while ((content = current.pollHeld()) != null) {
                current.bodyBytesWritten += content.content().readableBytes();
                channel.write(content, channel.voidPromise());
            }
            current.heldBytes = 0;
        } else if (current.requestComplete) {
            channel.write(LastHttpContent.EMPTY_LAST_CONTENT, channel.voidPromise());
        }
        channel.flush();
        if (!current.requestComplete) {
            session.client.config().setAutoRead(true);
        }
    }

    /** The server connection of {@code current} closed or failed. */
    void onServerClosed(Exchange current, Throwable cause) {
        if (current != session.exchange || current.serverChannel == null
                || current.responseComplete) {
            return;
        }
        Server server = current.server;
        boolean fresh = !current.reusedConnection;
        boolean started = current.responseStarted;
        release(current, null);
        if (started) {
            server.counters.serverAborts.increment();
            current.backend.counters.serverAborts.increment();
            current.termination = "SD--";
            session.closing = true;
            session.client.close();
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

    /** The server answered with a head that does not parse. */
    void onMalformedResponse(Exchange current) {
        current.server.counters.responseErrors.increment();
        current.backend.counters.responseErrors.increment();
        current.termination = "SH--";
        Server failed = current.server;
        release(current, null);
        retryOrFail(current, failed, false, 502);
    }

    /**
     * An http-response rule could not rewrite the response head: the client gets 500 instead,
     * as from HAProxy, and the server connection closes with the rest of the response.
     */
    void onFailedRewrite(Exchange current) {
        current.termination = "PH--";
        release(current, null);
        session.failBeforeResponse(current, 500);
    }

    private void retryOrFail(Exchange current, Server failed, boolean neverConnected,
            int status) {
        boolean retriesLeft = current.retries < current.backend.config.retries();
        if (retriesLeft && current.retryable(neverConnected) && session.client.isActive()) {
            current.retries++;
            current.backend.counters.retries.increment();
            failed.counters.retries.increment();
            connect(current, failed);
            return;
        }
        session.failBeforeResponse(current, status);
    }

    /**
     * The server is done with this exchange: its connection goes back to {@code poolOwner}'s
     * pool, or is closed when that is null, and the exchange gives its slot back.
     */
    void release(Exchange current, Server poolOwner) {
        Channel channel = detach(current, poolOwner);
        if (channel != null) {
            channel.config().setAutoRead(true);
            if (poolOwner != null && current.backend.config.reuse() != ConnectionReuse.NEVER
                    && poolOwner.pools()) {
                poolOwner.pool.release(channel);
            } else if (poolOwner != null && keepsLast(current.backend)) {
                keep(channel, poolOwner, current.backend);
            } else {
                channel.close();
            }
        }
        releaseSlot(current);
    }

    /**
     * Whether a connection the backend does not pool is kept for the client connection's next
     * request: HAProxy 2.6 prefers the last server only through such a private connection, so
     * {@code option prefer-last-server} acts with {@code http-reuse never} alone, and not for
     * the algorithms that hash (their choice already follows the request).
     */
    private static boolean keepsLast(Backend backend) {
        return backend.config.preferLastServer()
                && backend.config.reuse() == ConnectionReuse.NEVER
                && !backend.config.balance().algorithm().hashes();
    }

    private void keep(Channel channel, Server server, Backend backend) {
        closeKept();
        kept = channel;
        keptServer = server;
        keptBackend = backend;
    }

    /** The kept connection when it is to {@code server} and still open; null otherwise. */
    private Channel takeKept(Server server) {
        if (kept == null || keptServer != server) {
            return null;
        }
        Channel channel = kept;
        kept = null;
        keptServer = null;
        keptBackend = null;
        return channel.isActive() ? channel : null;
    }

    /** The client connection ended: the connection kept for it closes too. */
    void closeKept() {
        if (kept != null) {
            kept.close();
            kept = null;
            keptServer = null;
            keptBackend = null;
        }
    }

    /**
     * The server connection leaves HTTP for a tunnel: the caller owns it from now on, and the
     * exchange keeps its slot until {@link #releaseSlot}.
     */
    Channel handOver(Exchange current) {
        return detach(current, null);
    }

    /** The exchange no longer counts as one of its server's connections. */
    void releaseSlot(Exchange current) {
        Server server = current.server;
        if (current.slotHeld) {
            current.slotHeld = false;
            current.backend.balancer.connectionReleased(server.balanced);
            server.counters.sessionEnded();
            current.backend.counters.sessionEnded();
            current.backend.slotFreed();
        }
    }

    /** Unbinds the exchange's server connection, counting its bytes; null when it has none. */
    private Channel detach(Exchange current, Server poolOwner) {
        Server server = current.server;
        Channel channel = current.serverChannel;
        current.serverChannel = null;
        if (channel != null) {
            server.pool.notBusy();
            ServerHandler handler = ServerHandler.of(channel);
            if (handler != null) {
                // A backend's bytes are its servers': requests in, answers out, heads included.
                long toServer = handler.bytes.takeWritten();
                long fromServer = handler.bytes.takeRead();
                server.counters.bytesIn.add(toServer);
                server.counters.bytesOut.add(fromServer);
                current.backend.counters.bytesIn.add(toServer);
                current.backend.counters.bytesOut.add(fromServer);
                handler.detach(poolOwner);
            }
        }
        return channel;
    }
}
