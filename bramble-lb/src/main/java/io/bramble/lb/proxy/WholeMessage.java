package io.bramble.lb.proxy;

import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * A head and the last piece of its body as one message. When both are at hand in one read
 * burst, as for most requests and small responses, they go down the pipeline as one write:
 * one pass through the encoder and the handlers, one buffer for a small body, instead of
 * two. The encoder frames the body by the head as before (Content-Length or chunked).
 */
final class WholeMessage {
    private WholeMessage() {
    }

    /** The request with its last body piece; the piece's buffer now belongs to the result. */
    static FullHttpRequest request(HttpRequest head, LastHttpContent last) {
        return new DefaultFullHttpRequest(head.protocolVersion(), head.method(), head.uri(),
                last.content(), head.headers(), last.trailingHeaders());
    }

    /** The response with its last body piece; the piece's buffer now belongs to the result. */
    static FullHttpResponse response(HttpResponse head, LastHttpContent last) {
        return new DefaultFullHttpResponse(head.protocolVersion(), head.status(),
                last.content(), head.headers(), last.trailingHeaders());
    }
}
