package io.bramble.web.http;

import io.bramble.common.time.Clock;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
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
public final class TextPageHandler extends GetHandler {
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
        super(LOG);
        this.path = path;
        this.contentType = contentType;
        this.text = text;
        this.clock = clock;
    }

    @Override
    long receivedEpochMillis() {
        return clock.epochMillis();
    }

    @Override
    String notAllowedDetail() {
        return "Only GET and HEAD are allowed.";
    }

    @Override
    void serve(ChannelHandlerContext ctx, Exchange exchange, HttpRequest request) {
        if (!pathOf(request.uri()).equals(path)) {
            sendPage(ctx, exchange, Replies.page(HttpResponseStatus.NOT_FOUND, null));
        } else {
            sendPage(ctx, exchange, Replies.full(HttpResponseStatus.OK, contentType, text.get()
                    .getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String pathOf(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    @Override
    void sendPage(ChannelHandlerContext ctx, Exchange exchange, FullHttpResponse response) {
        if (exchange.head()) {
            response.content().clear(); // Content-Length stays that of the GET's page
        }
        Replies.stamp(response, exchange, clock);
        ChannelFuture written = ctx.writeAndFlush(response);
        if (!exchange.keepAlive()) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
