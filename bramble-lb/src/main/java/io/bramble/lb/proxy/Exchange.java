package io.bramble.lb.proxy;

import io.bramble.lb.http1.FramedRequest;
import io.bramble.lb.persist.RequestCookie;
import io.bramble.lb.stick.StickCounters;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.util.ArrayDeque;

/**
 * One request and its response, as a session serves it. Mutable, confined to the session's
 * event loop. A retry reuses the exchange with another server connection.
 */
final class Exchange {
    final HttpRequest request;
    final RequestView view;
    final long startNanos;
    final long startEpochMillis;
    final boolean idempotent;
    /** The request's stick counters, over its connection's; released when it ends. */
    final StickCounters stick;
    /** The first request of its client connection ({@code http-reuse safe} cares). */
    boolean firstOfConnection;

    Backend backend;
    Server server;
    /** The server chosen by a persistence cookie, tried first. */
    Server pinned;
    RequestCookie cookie;
    Channel serverChannel;
    boolean reusedConnection;
    /**
     * Body pieces received before a server connection was ready; owned references. Made on
     * the first such piece: most requests have none, and a request should cost no queue.
     */
    private ArrayDeque<HttpContent> held;
    long heldBytes;
    long bodyBytesWritten;
    boolean requestComplete;
    boolean responseStarted;
    boolean responseComplete;
    /** A 1xx response is being relayed: its end does not end the exchange. */
    boolean interim;
    boolean clientKeepAlive;
    boolean serverReusable;
    boolean flushServer;
    /**
     * The request head waits for its last body piece, expected in the same read burst of the
     * client, to go out with it in one write; the burst's end sends it alone otherwise.
     */
    boolean requestHeadHeld;
    /**
     * The rewritten response head, waiting likewise for its last body piece in the same read
     * burst of the server; null when there is none or it went out.
     */
    HttpResponse responseHeadHeld;
    /** The algorithm the request's Accept-Encoding allows; null when none or no compression. */
    io.bramble.lb.config.CompressionAlgorithm compression;
    /** Codes the response body when the response is compressed; null otherwise. */
    io.bramble.lb.compress.BodyCompressor compressor;
    int retries;
    /** A retry went to another server than the one that failed ({@code +} in the logs). */
    boolean redispatched;
    /** Time spent in the backend's queue so far (HAProxy's {@code %Tw}). */
    long queuedNanos;
    /** The request went into its backend's queue at least once. */
    boolean enteredQueue;
    /** Set while the exchange waits in its backend's queue for a server slot. */
    QueuedRequest queued;
    /** The chosen server counts this exchange as one of its connections. */
    boolean slotHeld;
    long bytesOut;
    int status = -1;
    long connectStartNanos = -1;
    long connectedNanos = -1;
    long responseNanos = -1;
    /** HAProxy's termination state: who ended it and in which phase. */
    String termination = "----";

    /** An answer the load balancer gives itself once the request is complete. */
    FullHttpResponse localResponse;
    /** The stats page (the frontend's or the backend's) that answers once the body is in. */
    StatsService statsPage;
    /** A request for the frontend's monitor-uri: answered 200 here and, as HAProxy, not logged. */
    boolean monitorRequest;
    StringBuilder statsBody;
    /** The target as the client sent it: the log shows it, as HAProxy's, after rewrites. */
    final String receivedUri;

    Exchange(HttpRequest request, RequestView view, StickCounters stick, long startNanos,
            long startEpochMillis) {
        this.request = request;
        this.stick = stick;
        this.receivedUri = request.uri();
        this.view = view;
        this.startNanos = startNanos;
        this.startEpochMillis = startEpochMillis;
        this.idempotent = isIdempotent(request.method());
    }

    /** The client asked to leave HTTP for a byte tunnel (CONNECT, Upgrade). */
    boolean tunnelRequested() {
        return request instanceof FramedRequest framed && framed.tunnelRequested();
    }

    /** True when the load balancer answers by itself (no server involved). */
    boolean local() {
        return localResponse != null || statsPage != null;
    }

    /**
     * True when the request may go to another connection after this one failed: nothing of
     * the response came back and no body byte went out, and the request is idempotent or
     * its body is still ahead (a connection that never opened sent nothing at all).
     */
    boolean retryable(boolean neverConnected) {
        if (responseStarted || bodyBytesWritten > 0) {
            return false;
        }
        return neverConnected || idempotent || !requestComplete;
    }

    static boolean isIdempotent(HttpMethod method) {
        return method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD)
                || method.equals(HttpMethod.PUT) || method.equals(HttpMethod.DELETE)
                || method.equals(HttpMethod.OPTIONS) || method.equals(HttpMethod.TRACE);
    }

    void bytesOut(long bytes) {
        bytesOut += bytes;
    }

    /** Keeps a body piece until the server connection is ready. */
    void hold(HttpContent content) {
        if (held == null) {
            held = new ArrayDeque<>();
        }
        held.add(content);
        heldBytes += content.content().readableBytes();
    }

    /** The oldest held body piece, now the caller's, or null when none is held. */
    HttpContent pollHeld() {
        return held == null ? null : held.poll();
    }

    boolean hasHeld() {
        return held != null && !held.isEmpty();
    }

    void releaseHeld() {
        HttpContent content;
        while ((content = pollHeld()) != null) {
            content.release();
        }
        heldBytes = 0;
        if (compressor != null) {
            compressor.close();
            compressor = null;
        }
    }
}
