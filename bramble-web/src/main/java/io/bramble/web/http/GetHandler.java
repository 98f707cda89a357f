package io.bramble.web.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.Logger;

/**
 * What the handlers of this package do before they serve a request: a request the decoder
 * could not read, or an HTTP/1.1 one without its Host header, is refused and its connection
 * ends; a method other than GET and HEAD gets 405 with {@code Allow}; GET and HEAD go to
 * {@link #serve}. Sits after {@code HttpServerCodec}, one instance per connection; body
 * chunks of a request are dropped, as nothing served here takes a body.
 */
abstract class GetHandler extends SimpleChannelInboundHandler<HttpObject> {
    /** The methods served, as the {@code Allow} header of a 405 lists them. */
    static final String ALLOW = "GET, HEAD";

    private final Logger log;

    GetHandler(Logger log) {
        this.log = log;
    }

    @Override
    protected final void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (msg instanceof HttpRequest request) {
            answer(ctx, request);
        }
    }

    private void answer(ChannelHandlerContext ctx, HttpRequest request) {
        Exchange exchange = Exchange.of(request, Replies.remoteHost(ctx.channel()
                .remoteAddress()), receivedEpochMillis());
        FullHttpResponse refusal = Replies.refusal(request);
        if (refusal != null) {
            // The decoder discards what follows a malformed request: the connection ends.
            sendPage(ctx, exchange.closing(), refusal);
        } else if (!exchange.head() && !request.method().equals(HttpMethod.GET)) {
            FullHttpResponse response = Replies.page(HttpResponseStatus.METHOD_NOT_ALLOWED,
                    notAllowedDetail());
            response.headers().set(HeaderNames.ALLOW, ALLOW);
            sendPage(ctx, exchange, response);
        } else {
            serve(ctx, exchange, request);
        }
    }

    /** When a request arrived, for the exchange. */
    abstract long receivedEpochMillis();

    /** The text of the 405 page; null for the default one. */
    String notAllowedDetail() {
        return null;
    }

    /** Answers a GET or HEAD. */
    abstract void serve(ChannelHandlerContext ctx, Exchange exchange, HttpRequest request);

    /** Sends a page of a status (a HEAD gets its headers only) and ends the exchange. */
    abstract void sendPage(ChannelHandlerContext ctx, Exchange exchange,
            FullHttpResponse response);

    @Override
    public final void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Replies.failed(ctx, cause, log);
    }
}
