package io.bramble.web.http;

import io.bramble.web.log.AccessLogEntry;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * What answering one request needs to remember: how the connection continues and what the
 * access log will say.
 *
 * @param remoteHost          the client's address
 * @param receivedEpochMillis when the request arrived
 * @param requestLine         as received, or null when the request line itself was unreadable
 * @param referer             the Referer header, or null
 * @param userAgent           the User-Agent header, or null
 * @param head                a HEAD request: headers as for GET, no body
 * @param keepAlive           the connection stays open after the response
 * @param http10              an HTTP/1.0 client, told explicitly when the connection stays open
 */
record Exchange(String remoteHost, long receivedEpochMillis, String requestLine, String referer,
        String userAgent, boolean head, boolean keepAlive, boolean http10) {

    static Exchange of(HttpRequest request, String remoteHost, long receivedEpochMillis) {
        // Without an aggregator the decoder yields a full request only as the stand-in for
        // a request line it could not read.
        String line = request instanceof FullHttpRequest
                ? null
                : request.method() + " " + request.uri() + " " + request.protocolVersion();
        return new Exchange(remoteHost, receivedEpochMillis, line,
                request.headers().get(HttpHeaderNames.REFERER),
                request.headers().get(HttpHeaderNames.USER_AGENT),
                request.method().equals(HttpMethod.HEAD), HttpUtil.isKeepAlive(request),
                request.protocolVersion().equals(HttpVersion.HTTP_1_0));
    }

    /** The same exchange, ending with the connection closed (after a malformed request). */
    Exchange closing() {
        return new Exchange(remoteHost, receivedEpochMillis, requestLine, referer, userAgent,
                head, false, http10);
    }

    AccessLogEntry logEntry(int status, long bodyBytes) {
        return new AccessLogEntry(remoteHost, receivedEpochMillis, requestLine, status,
                bodyBytes, referer, userAgent);
    }
}
