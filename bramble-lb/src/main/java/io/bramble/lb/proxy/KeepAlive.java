package io.bramble.lb.proxy;

import io.bramble.lb.config.HttpConnectionMode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Whether a client connection outlives its exchange, and the {@code Connection} headers that
 * say what each side may expect: {@code close} when the connection ends after this exchange,
 * {@code keep-alive} for an HTTP/1.0 peer when it does not (1.0 closes by default).
 */
final class KeepAlive {
    private KeepAlive() {
    }

    /** The client may send another request on its connection after this one. */
    static boolean forClient(HttpConnectionMode mode, HttpRequest request, boolean retiring) {
        return mode != HttpConnectionMode.CLOSE && HttpUtil.isKeepAlive(request) && !retiring;
    }

    /**
     * The {@code Connection} header of a request to a server, hop-by-hop headers already
     * removed: only {@code http-keep-alive} mode keeps server connections for reuse.
     */
    static void towardServer(HttpRequest request, HttpConnectionMode mode) {
        if (mode != HttpConnectionMode.KEEP_ALIVE) {
            request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    /** The {@code Connection} header of a response the load balancer makes itself. */
    static void towardClient(HttpResponse response, Exchange current) {
        if (!current.clientKeepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (current.request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    /**
     * The client connection closes once the response is written: the client or the mode
     * wants it, the request was not read to its end (its rest would be taken for the next
     * request), the session is already closing, or the configuration is being retired.
     */
    static boolean closesAfter(Exchange current, boolean closing, boolean retiring) {
        return !current.clientKeepAlive || !current.requestComplete || closing || retiring;
    }
}
