package io.bramble.web.http;

import io.bramble.common.time.Clock;
import io.bramble.web.files.ContentTypes;
import io.bramble.web.files.FileLookup;
import io.bramble.web.files.FileLookup.Forbidden;
import io.bramble.web.files.FileLookup.Found;
import io.bramble.web.files.FileLookup.NotFound;
import io.bramble.web.files.FileLookup.Redirect;
import io.bramble.web.files.FileLookup.RegularFile;
import io.bramble.web.files.RequestPath;
import io.bramble.web.files.RequestPath.Reason;
import io.bramble.web.files.RequestPath.Refused;
import io.bramble.web.files.RequestPath.Valid;
import io.bramble.web.log.AccessLog;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers GET and HEAD with files under the root; every other method gets 405. Sits after
 * {@code HttpServerCodec}, one instance per connection. Requests on a connection are answered
 * in order; a file body goes out as a {@link DefaultFileRegion}, so the kernel copies it from
 * the page cache to the socket without passing through the JVM. Each request, answered or
 * failed, gives one access-log line once its response has been written.
 *
 * <p>
 * File look-ups block the event loop briefly (a few metadata calls on a local disk), as
 * Apache's workers block; reading file contents never does.
 */
public final class StaticFileHandler extends GetHandler {
    /** The methods served, as the {@code Allow} header of a 405 lists them. */
    public static final String ALLOW = GetHandler.ALLOW;
    /** The {@code Server} header. */
    public static final String SERVER = Replies.SERVER;

    private static final Logger LOG = LoggerFactory.getLogger(StaticFileHandler.class);

    private final FileLookup files;
    private final AccessLog accessLog;
    private final Clock clock;

    public StaticFileHandler(FileLookup files, AccessLog accessLog, Clock clock) {
        super(LOG);
        this.files = files;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    long receivedEpochMillis() {
        return accessLog.now();
    }

    @Override
    void serve(ChannelHandlerContext ctx, Exchange exchange, HttpRequest request) {
        switch (RequestPath.parse(request.uri())) {
            case Refused refused -> sendPage(ctx, exchange,
                    page(refused.reason() == Reason.ENCODED_SLASH
                            ? HttpResponseStatus.NOT_FOUND
                            : HttpResponseStatus.BAD_REQUEST, null));
            case Valid valid -> serve(ctx, exchange, request, files.find(valid.path()));
        }
    }

    private void serve(ChannelHandlerContext ctx, Exchange exchange, HttpRequest request,
            Found found) {
        switch (found) {
            case RegularFile file -> sendFile(ctx, exchange, request, file);
            case Redirect redirect -> {
                FullHttpResponse response = page(HttpResponseStatus.MOVED_PERMANENTLY,
                        "The document has moved to " + redirect.target() + ".");
                response.headers().set(HeaderNames.LOCATION, redirect.target());
                sendPage(ctx, exchange, response);
            }
            case NotFound notFound -> sendPage(ctx, exchange,
                    page(HttpResponseStatus.NOT_FOUND, null));
            case Forbidden forbidden -> sendPage(ctx, exchange,
                    page(HttpResponseStatus.FORBIDDEN, null));
        }
    }

    private void sendFile(ChannelHandlerContext ctx, Exchange exchange, HttpRequest request,
            RegularFile file) {
        long modifiedMillis = file.modifiedEpochMillis() / 1000 * 1000; // HTTP dates: seconds
        if (notModifiedSince(request, modifiedMillis)) {
            HttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.NOT_MODIFIED, Unpooled.EMPTY_BUFFER);
            response.headers().set(HeaderNames.LAST_MODIFIED, httpDate(modifiedMillis));
            finish(ctx, exchange, response, 0, null);
            return;
        }
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.OK);
        HttpHeaders headers = response.headers();
        headers.set(HeaderNames.CONTENT_TYPE, ContentTypes.of(file.name()));
        headers.set(HeaderNames.CONTENT_LENGTH, file.sizeBytes());
        headers.set(HeaderNames.LAST_MODIFIED, httpDate(modifiedMillis));
        DefaultFileRegion body = null;
        if (!exchange.head() && file.sizeBytes() > 0) {
            // Opened lazily, at send time: queued responses hold no file descriptors.
            body = new DefaultFileRegion(file.path().toFile(), 0, file.sizeBytes());
        }
        finish(ctx, exchange, response, body == null ? 0 : file.sizeBytes(), body);
    }

    /** True when If-Modified-Since holds a date not before the file's, and not in the future. */
    private boolean notModifiedSince(HttpRequest request, long modifiedMillis) {
        String since = request.headers().get(HttpHeaderNames.IF_MODIFIED_SINCE);
        Date date = since == null ? null : DateFormatter.parseHttpDate(since);
        return date != null && date.getTime() >= modifiedMillis
                && date.getTime() <= clock.epochMillis();
    }

    private static FullHttpResponse page(HttpResponseStatus status, String detail) {
        return Replies.page(status, detail);
    }

    @Override
    void sendPage(ChannelHandlerContext ctx, Exchange exchange,
            FullHttpResponse response) {
        long bodyBytes = response.content().readableBytes();
        if (exchange.head()) {
            // Content-Length stays that of the page a GET would get.
            response.content().clear();
            bodyBytes = 0;
        }
        finish(ctx, exchange, response, bodyBytes, null);
    }

    /**
     * Writes {@code response} (and {@code body} after it), then logs the request and closes
     * the connection unless it is kept alive.
     */
    private void finish(ChannelHandlerContext ctx, Exchange exchange, HttpResponse response,
            long bodyBytes, DefaultFileRegion body) {
        Replies.stamp(response, exchange, clock);
        int status = response.status().code();
        ChannelFuture written;
        if (response instanceof FullHttpResponse) {
            written = ctx.writeAndFlush(response);
        } else {
            ctx.write(response);
            if (body != null) {
                ctx.write(body);
            }
            written = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        }
        written.addListener(future -> {
            long sent = future.isSuccess() ? bodyBytes : body == null ? 0 : body.transferred();
            accessLog.write(exchange.logEntry(status, sent));
        });
        if (!exchange.keepAlive()) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static String httpDate(long epochMillis) {
        return Replies.httpDate(epochMillis);
    }
}
