package io.bramble.lb.proxy;

import io.netty.channel.Channel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;

/**
 * An HTTP exchange that became a byte tunnel, as HAProxy does by default: a 101 answering an
 * {@code Upgrade} (WebSocket) or a 200 answering CONNECT. The answer goes to the client, then
 * both connections drop their HTTP handlers for a pair of {@link TcpRelay}s, with half-close
 * passed on, bytes either side sent early passed on unchanged, and {@code timeout tunnel}
 * (else the client and server timeouts) for inactivity, or, once a side's connection is shut in
 * one direction, {@code timeout client-fin} or {@code timeout server-fin} when shorter, as
 * HAProxy 2.6 times a half-closed side of a tunnel. The tunnel has one inactivity timer, so it
 * ends at the shorter of its two sides' timeouts. The server connection is never pooled again.
 * Confined to the session's event loop.
 */
final class Tunnel {
    private final HttpSession session;
    private final Exchange exchange;
    private final Channel server;
    private TcpRelay clientRelay;
    private TcpRelay serverRelay;
    /** The timeout the session's timer was last armed with for this tunnel. */
    private long armedMs;
    private boolean ended;

    private Tunnel(HttpSession session, Exchange exchange, Channel server) {
        this.session = session;
        this.exchange = exchange;
        this.server = server;
    }

    /** Whether {@code response} to {@code current}'s request switches to a tunnel. */
    static boolean opens(Exchange current, HttpResponse response) {
        if (!current.tunnelRequested()) {
            return false;
        }
        int code = response.status().code();
        // Only 200 for CONNECT: the server codec passes later bytes through untouched then.
        return current.request.method().equals(HttpMethod.CONNECT) ? code == 200 : code == 101;
    }

    /** Sends {@code response} to the client and joins the two connections. */
    static void open(HttpSession session, Exchange current, HttpResponse response) {
        Channel client = session.client;
        Channel server = session.servers.handOver(current);
        Tunnel tunnel = new Tunnel(session, current, server);
        current.responseStarted = true;
        current.responseComplete = true;
        current.responseNanos = session.engine.clock.nanoTime();
        current.status = response.status().code();
        client.writeAndFlush(response, client.voidPromise());
        ((SocketChannel) server).config().setAllowHalfClosure(true);
        TcpRelay clientRelay = new TcpRelay(session.timer::touch, tunnel::end);
        TcpRelay serverRelay = new TcpRelay(session.timer::touch, tunnel::end);
        tunnel.clientRelay = clientRelay;
        tunnel.serverRelay = serverRelay;
        tunnel.armedMs = tunnel.timeoutMs();
        clientRelay.onHalfClose(tunnel::halfClosed);
        serverRelay.onHalfClose(tunnel::halfClosed);
        // Server first: bytes its decoder still holds go to the client once both are joined.
        server.pipeline().replace(ServerHandler.class, "tunnel", serverRelay);
        TcpRelay.join(client, clientRelay, server, serverRelay);
        server.pipeline().remove("http");
        client.pipeline().replace("session", "tunnel", clientRelay);
        client.pipeline().remove("http-out");
        client.pipeline().remove("http-in");
        session.tunnelStarted(current, tunnel::end);
    }

    /**
     * The tunnel's inactivity timeout: the shorter of its sides', each side's being
     * {@code timeout tunnel} (else the larger of client and server), or its fin timeout once
     * its connection is shut in one direction.
     */
    private long timeoutMs() {
        long tunnelMs = EffectiveTimeouts.tunnelMs(session.frontend, exchange.backend);
        long clientMs = clientRelay.halfClosed()
                ? EffectiveTimeouts.clientFinMs(session.frontend, tunnelMs)
                : tunnelMs;
        long serverMs = serverRelay.halfClosed()
                ? EffectiveTimeouts.serverFinMs(exchange.backend, tunnelMs)
                : tunnelMs;
        return Math.min(clientMs, serverMs);
    }

    /** A direction was shut: a changed timeout starts the inactivity period again under it. */
    private void halfClosed() {
        long timeoutMs = timeoutMs();
        if (!ended && timeoutMs != armedMs) {
            armedMs = timeoutMs;
            session.timer.arm(SessionTimer.Phase.TUNNEL, timeoutMs);
        }
    }

    /** Both directions are done, or the tunnel timed out: close both and account once. */
    void end() {
        if (ended) {
            return;
        }
        ended = true;
        session.client.close();
        server.close();
        session.tunnelEnded(exchange);
    }
}
