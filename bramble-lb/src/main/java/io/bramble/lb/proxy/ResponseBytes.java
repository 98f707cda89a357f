package io.bramble.lb.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.Iterator;
import java.util.Map;

/**
 * Counts the bytes of the responses written to an HTTP client as HAProxy 2.6 counts them for
 * {@code %B} and a backend's bytes out: not the bytes on the wire but the size of its internal
 * message (HTX), which is
 * <ul>
 * <li>for a head, {@value #STATUS_LINE_BYTES} bytes plus the version, the status code and the
 *     reason (no spaces, no CRLF), plus each header's name and value (no colon, space or CRLF),
 *     plus 1 for the end of the headers; a {@code Connection} header of {@code close} or
 *     {@code keep-alive} is not counted, HAProxy writing it on the way out;</li>
 * <li>the body's bytes, without chunk framing; a chunked body adds its trailers' names and
 *     values and 1 for their end.</li>
 * </ul>
 * So a 200 with three headers counts 3 bytes more than it takes on the wire. Bytes written as
 * they are (a tunnel's) count as they are. Sits between the response encoder and the session;
 * confined to the connection's loop.
 */
final class ResponseBytes extends ChannelOutboundHandlerAdapter {
    /** HAProxy's start-line record before its three strings (flags, status, three lengths). */
    static final int STATUS_LINE_BYTES = 20;

    private long bytes;
    /** The response being written is chunked: its end counts its trailers. */
    private boolean chunked;

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse head) {
            bytes += headBytes(head);
            chunked = HttpUtil.isTransferEncodingChunked(head);
        }
        if (msg instanceof HttpContent content) {
            bytes += content.content().readableBytes();
            if (msg instanceof LastHttpContent last && chunked) {
                bytes += headerBytes(last.trailingHeaders()) + 1;
                chunked = false;
            }
        } else if (msg instanceof ByteBuf buffer) {
            bytes += buffer.readableBytes();
        } else if (msg instanceof FileRegion region) {
            bytes += region.count();
        }
        ctx.write(msg, promise);
    }

    /** Bytes counted since the last call. */
    long take() {
        long taken = bytes;
        bytes = 0;
        return taken;
    }

    /** What HAProxy counts for {@code head}. */
    static long headBytes(HttpResponse head) {
        return STATUS_LINE_BYTES + head.protocolVersion().text().length()
                + head.status().codeAsText().length()
                + head.status().reasonPhrase().length() + headerBytes(head.headers()) + 1;
    }

    private static long headerBytes(HttpHeaders headers) {
        long sum = 0;
        Iterator<Map.Entry<CharSequence, CharSequence>> entries = headers.iteratorCharSequence();
        while (entries.hasNext()) {
            Map.Entry<CharSequence, CharSequence> header = entries.next();
            if (writtenOnTheWayOut(header)) {
                continue;
            }
            sum += header.getKey().length() + header.getValue().length();
        }
        return sum;
    }

    private static boolean writtenOnTheWayOut(Map.Entry<CharSequence, CharSequence> header) {
        return HttpHeaderNames.CONNECTION.contentEqualsIgnoreCase(header.getKey())
                && (HttpHeaderValues.CLOSE.contentEqualsIgnoreCase(header.getValue())
                        || HttpHeaderValues.KEEP_ALIVE.contentEqualsIgnoreCase(header.getValue()));
    }
}
