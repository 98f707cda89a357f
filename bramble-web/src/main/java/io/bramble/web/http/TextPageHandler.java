package io.bramble.web.http;

import io.bramble.common.time.Clock;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers GET and HEAD of one path with a text made afresh for each request (a metrics page),
 * 404 for any other path, 405 for other methods. Sits after {@code HttpServerCodec}, one
 * instance per connection; the text is made on the event loop, so it must be quick to make
 * (memory reads, no disk or network). Requests are not logged: a scraper asks every few
 * seconds.
 */
public final class TextPageHandler extends SimpleChannelInboundHandler<HttpObject> {
    private static final Logger LOG = LoggerFactory.getLogger(TextPageHandler.class);

    private final String path;
    private final String contentType;
    private final Supplier<String> text;
    private final Clock clock;

    /**
     * @param path the path served, as {@code /metrics}; a query after it is ignored
     * @param contentType the page's {@code Content-Type}
     * @param text makes the page's text
     */
    public TextPageHandler(String path, String contentType, Supplier<String> text,
            Clock clock) {
        this.path = path;
        this.contentType = contentType;
        this.text = text;
        this.clock = clock;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (msg instanceof HttpRequest request) {
            answer(ctx, request);
        }
    }

    private void answer(ChannelHandlerContext ctx, HttpRequest request) {
        Exchange exchange = Exchange.of(request, Replies.remoteHost(ctx.channel()
                .remoteAddress()), clock.epochMillis());
        FullHttpResponse refusal = Replies.refusal(request);
        if (refusal != null) {
            send(ctx, exchange.closing(), refusal);
        } else if (!exchange.head() && !request.method().equals(HttpMethod.GET)) {
            FullHttpResponse response = Replies.page(HttpResponseStatus.METHOD_NOT_ALLOWED,
                    "Only GET and HEAD are allowed.");
            response.headers().set(HeaderNames.ALLOW, StaticFileHandler.ALLOW);
            send(ctx, exchange, response);
        } else if (!pathOf(request.uri()).equals(path)) {
            send(ctx, exchange, Replies.page(HttpResponseStatus.NOT_FOUND, null));
        } else {
            send(ctx, exchange, Replies.full(HttpResponseStatus.OK, contentType, text.get()
                    .getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String pathOf(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    private void send(ChannelHandlerContext ctx, Exchange exchange, FullHttpResponse response) {
        if (exchange.head()) {
            response.content().clear(); // Content-Length stays that of the GET's page
        }
        Replies.stamp(response, exchange, clock);
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!exchange.keepAlive()) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Replies.failed(ctx, cause, LOG);
    }
}
