package io.bramble.web.http;

import io.bramble.common.time.Clock;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.NetUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Date;
import org.slf4j.Logger;

/**
 * What every handler of this package answers alike: the status pages, the refusal of a
 * request the decoder could not read or that lacks its Host header, the headers each
 * response carries, and a connection that failed.
 */
final class Replies {
    /** The {@code Server} header. */
    static final String SERVER = "bramble";

    private Replies() {
    }

    /**
     * The page refusing {@code request} when it is malformed, or an HTTP/1.1 request without
     * a Host header; null when it is well formed.
     */
    static FullHttpResponse refusal(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            return page(decodeFailure(request), null);
        }
        if (request.protocolVersion().equals(HttpVersion.HTTP_1_1)
                && !request.headers().contains(HttpHeaderNames.HOST)) {
            return page(HttpResponseStatus.BAD_REQUEST,
                    "An HTTP/1.1 request needs a Host header.");
        }
        return null;
    }

    /** The status page of {@code status}; {@code detail} is plain text, or null. */
    static FullHttpResponse page(HttpResponseStatus status, String detail) {
        byte[] html = StatusPage.html(status, detail);
        return full(status, StatusPage.CONTENT_TYPE, html);
    }

    /** A response with {@code body} and its length. */
    static FullHttpResponse full(HttpResponseStatus status, String contentType, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HeaderNames.CONTENT_TYPE, contentType);
        response.headers().set(HeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }

    /** Date, Server and, when the connection does not go on as HTTP/1.1 assumes, Connection. */
    static void stamp(HttpResponse response, Exchange exchange, Clock clock) {
        HttpHeaders headers = response.headers();
        headers.set(HeaderNames.DATE, httpDate(clock.epochMillis()));
        headers.set(HeaderNames.SERVER, SERVER);
        if (!exchange.keepAlive()) {
            headers.set(HeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (exchange.http10()) {
            headers.set(HeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    static HttpResponseStatus decodeFailure(HttpRequest request) {
        Throwable cause = request.decoderResult().cause();
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        if (cause instanceof TooLongHttpLineException) {
            return HttpResponseStatus.REQUEST_URI_TOO_LONG;
        }
        if (cause instanceof TooLongFrameException) {
            return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        return HttpResponseStatus.BAD_REQUEST;
    }

    static String httpDate(long epochMillis) {
        return DateFormatter.format(new Date(epochMillis));
    }

    static String remoteHost(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return NetUtil.toAddressString(inet.getAddress());
        }
        return String.valueOf(address);
    }

    /** Closes a connection that failed, logging what is not the client going away. */
    static void failed(ChannelHandlerContext ctx, Throwable cause, Logger log) {
        if (cause instanceof IOException) {
            log.debug("connection from {} failed: {}", ctx.channel().remoteAddress(),
                    cause.toString());
        } else {
            log.warn("closing the connection from {}", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
