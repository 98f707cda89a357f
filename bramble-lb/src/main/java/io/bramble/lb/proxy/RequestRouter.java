package io.bramble.lb.proxy;

import io.bramble.lb.config.HttpConnectionMode;
import io.bramble.lb.config.TcpRequestRule;
import io.bramble.lb.http1.FramedRequest;
import io.bramble.lb.http1.MalformedHttpException;
import io.bramble.lb.log.ConnectLogLine;
import io.bramble.lb.persist.RequestCookie;
import io.bramble.lb.stick.StickCounters;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;

/**
 * The head of a client's request: a malformed one is refused and ends the connection; the
 * monitor-uri, the stats page and http-request rules are answered by the load balancer
 * itself; anything else gets a backend, its headers readied for a server (connection headers, persistence cookie,
 * X-Forwarded-For), and goes to {@link ServerAttempts}. Confined to the session's loop.
 */
final class RequestRouter {
    private final HttpSession session;
    private final Frontend frontend;

    RequestRouter(HttpSession session) {
        this.session = session;
        this.frontend = session.frontend;
    }

    /** Returns false when the request was refused outright (nothing more to read from it). */
    boolean onRequestHead(HttpRequest request) {
        Engine engine = session.engine;
        long now = engine.clock.nanoTime();
        if (request.decoderResult().isFailure()) {
            rejectMalformed(request.decoderResult().cause());
            return false;
        }
        InetSocketAddress remote = ClientAddresses.remoteInet(session.client);
        InetSocketAddress local = ClientAddresses.localInet(session.client);
        if (frontend.log.logsStarts()) {
            frontend.log.log(ConnectLogLine.format(remote, local, frontend.name(), true));
        }
        StickCounters stick = session.stick.forRequest();
        if (!frontend.tcpRequestRules.accepts(TcpRequestRule.Phase.CONTENT,
                new ConnectionFacts(remote, stick))) {
            stick.release();
            rejectByRule();
            return false;
        }
        // Counted before the http-request rules, on every counter tracking so far.
        stick.countHttpRequest();
        session.timer.arm(SessionTimer.Phase.CLIENT_BODY, EffectiveTimeouts.clientMs(frontend));
        frontend.counters.requestsTotal.increment();
        RequestView view = new RequestView(request, remote, local, session.clientTls(),
                engine.hostName, frontend.name());
        view.stickCounters(stick);
        view.variables(session.variables.forRequest());
        Exchange current = new Exchange(request, view, stick, now,
                engine.clock.epochMillis());
        current.firstOfConnection = session.exchangesStarted++ == 0;
        session.exchange = current;
        if (frontend.config.monitorUri().filter(request.uri()::equals).isPresent()) {
            current.monitorRequest = true;
            current.localResponse = frontend.errorPages.response(200);
            return true;
        }
        route(current);
        return true;
    }

    /**
     * As HAProxy: the frontend's http-request rules, its stats page, the backend choice, then
     * the backend's rules and its stats page. A rule's deny thus keeps a stats page hidden, and a
     * backend's stats page sees the URI as the rules left it.
     */
    private void route(Exchange current) {
        RuleAnswer ruled = frontend.requestRules.answer(current.view, frontend.errorPages,
                frontend.exporter);
        if (ruled != null) {
            LocalAnswers.rule(current, ruled, frontend, null);
            return;
        }
        if (servesStats(current, frontend.stats)) {
            return;
        }
        Backend backend = frontend.chooseBackend(current.view);
        if (backend == null) {
            LocalAnswers.rule(current, RuleAnswer.served(frontend.errorPages.response(503)),
                    frontend, null);
            return;
        }
        current.backend = backend;
        current.view.backend(backend.name());
        backend.counters.requestsTotal.increment();
        if (backend.config != frontend.config) {
            ruled = backend.requestRules.answer(current.view, backend.errorPages,
                    frontend.exporter);
            if (ruled != null) {
                LocalAnswers.rule(current, ruled, frontend, backend);
                return;
            }
            if (servesStats(current, backend.stats)) {
                return;
            }
        }
        prepareRequest(current);
        session.servers.connect(current, null);
    }

    /** True when {@code page} (null for none) answers the request: it waits for the body. */
    private static boolean servesStats(Exchange current, StatsService page) {
        if (page == null || !page.matches(current.request.uri())) {
            return false;
        }
        current.statsPage = page;
        current.termination = "LR--"; // answered locally in the request phase, as HAProxy logs it
        current.statsBody = page.wantsBody(current.view) ? new StringBuilder() : null;
        return true;
    }

    /** Connection headers, cookies and X-Forwarded-For for the server. */
    private void prepareRequest(Exchange current) {
        HttpRequest request = current.request;
        HttpHeaders headers = request.headers();
        HttpConnectionMode mode = frontend.connectionMode(current.backend);
        current.clientKeepAlive = KeepAlive.forClient(mode, request, frontend.retiring);
        String upgrade = current.tunnelRequested() && !request.method().equals(HttpMethod.CONNECT)
                ? headers.get(HttpHeaderNames.UPGRADE)
                : null;
        HopHeaders.strip(headers);
        Compressions.onRequest(current, frontend.config.compression(),
                current.backend.config.compression());
        if (current.backend.cookies != null) {
            persistenceCookie(current, headers);
        }
        var forwardFor = frontend.config.forwardFor().or(() -> current.backend.config.forwardFor());
        if (forwardFor.isPresent()) {
            ForwardedFor.apply(forwardFor.get(), headers, current.view.source());
        }
        // Last, as HAProxy adds them: the server sees X-Forwarded-For before Connection.
        KeepAlive.towardServer(request, mode);
        if (upgrade != null) {
            // The one hop-by-hop exchange passed on: the server decides whether to switch.
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
            headers.set(HttpHeaderNames.UPGRADE, upgrade);
        }
        if (request instanceof FramedRequest framed && rulesRan(current)) {
            // Whatever rules did to the headers, the server reads the body as we do. Without
            // rules nothing here touches the framing headers the decoder left normalised
            // (HopHeaders keeps them).
            framed.framing().imposeOn(headers);
        }
    }

    private boolean rulesRan(Exchange current) {
        return !frontend.requestRules.isEmpty() || !current.backend.requestRules.isEmpty();
    }

    /** Reads the backend's persistence cookie: it may pin a server, and is not forwarded. */
    private static void persistenceCookie(Exchange current, HttpHeaders headers) {
        RequestCookie cookie = current.backend.cookies
                .onRequest(headers.get(HttpHeaderNames.COOKIE));
        current.cookie = cookie;
        if (cookie.forwardedHeader() == null) {
            headers.remove(HttpHeaderNames.COOKIE);
        } else {
            headers.set(HttpHeaderNames.COOKIE, cookie.forwardedHeader());
        }
        if (cookie.pinned()) {
            current.pinned = current.backend.serverByCookie(cookie.serverValue());
        }
    }

    /**
     * {@code tcp-request content reject}: the connection closes without an answer, logged as
     * HAProxy logs it ({@code PR--}, {@code <BADREQ>}).
     */
    private void rejectByRule() {
        frontend.counters.deniedRequests.increment();
        session.closing = true;
        session.client.close();
        if (frontend.log.logsEnds()) {
            frontend.log.log(AccessLine.badRequest(frontend, session.client, session.engine,
                    -1));
        }
    }

    /** Answers 400, 414, 422, 431 or 505 and closes: the rest of the stream cannot be trusted. */
    private void rejectMalformed(Throwable cause) {
        int status = cause instanceof MalformedHttpException malformed ? malformed.status() : 400;
        frontend.counters.requestErrors.increment();
        // A request and an error on the connection's counters, as HAProxy counts a bad one.
        session.stick.countHttpRequest();
        session.stick.countHttpError();
        FullHttpResponse response = frontend.errorPages.response(status);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        frontend.counters.response(status);
        session.closing = true;
        session.client.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        if (frontend.log.logsEnds()) {
            frontend.log.log(AccessLine.badRequest(frontend, session.client, session.engine,
                    status));
        }
    }
}
