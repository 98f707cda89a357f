package io.bramble.lb.proxy;

import io.bramble.lb.config.HttpReply;
import io.bramble.lb.format.FormatContext;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * The response of {@code http-request return}, built per request: the {@code hdr} headers in
 * file order, then {@code content-length} and {@code content-type}, as HAProxy writes them.
 */
final class LocalReply {
    private LocalReply() {
    }

    /**
     * @throws io.bramble.lb.format.ValueTooLongException when a header or the body renders
     *         longer than {@code charsMax}
     */
    static FullHttpResponse build(HttpReply reply, FormatContext request, int charsMax) {
        byte[] body = reply.body().map(b -> b.render(request, charsMax)
                .getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(reply.status()), Unpooled.wrappedBuffer(body));
        for (HttpReply.Header header : reply.headers()) {
            response.headers().add(header.name(), header.value().render(request, charsMax));
        }
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        reply.contentType().ifPresent(type -> response.headers().set(
                HttpHeaderNames.CONTENT_TYPE, type));
        return response;
    }
}
