package io.bramble.lb.http1;

import static io.bramble.lb.http1.HttpBytes.CR;
import static io.bramble.lb.http1.HttpBytes.LF;

import io.bramble.lb.limit.HeaderCountLimit;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.List;

/**
 * Decodes a client's byte stream into requests: a {@link FramedRequest} head, body pieces
 * of at most {@link #BODY_PIECE_BYTES_MAX}, and a {@link LastHttpContent} that ends every
 * request (with the trailers of a chunked body). Lines end in CR LF or a bare LF, as HAProxy
 * reads them; a bare CR is refused.
 *
 * <p>Anything malformed ends the stream: a bad head comes out as a request whose decoder
 * result failed, a bad body as a failed {@link LastHttpContent} after the pieces already
 * passed on, and nothing after either is read. A body is never presented as complete unless
 * its framing said it was. After a request that asks for a tunnel (CONNECT, Upgrade) nothing
 * more is decoded until {@link #resume} says the server refused it; if it agreed, this handler
 * is removed and the bytes it holds go on as they are.
 */
public final class RequestDecoder extends ByteToMessageDecoder {
    /** Request line and header fields together: HAProxy's 16 KiB buffer less its 1 KiB reserve. */
    public static final int HEAD_BYTES_MAX = 15_360;
    /** A chunk-size line with its extension. */
    static final int CHUNK_LINE_BYTES_MAX = 8_192;
    /** Largest body piece passed on at once; the body streams, it is never held whole. */
    public static final int BODY_PIECE_BYTES_MAX = 65_536;
    /** Empty lines tolerated before a request line (RFC 9112 2.2 allows at least one). */
    static final int LEADING_EMPTY_LINES_MAX = 16;
    /** Bytes a client may send after a tunnel request before the server answered it. */
    static final int EARLY_TUNNEL_BYTES_MAX = 65_536;

    private enum State {
        HEAD, BODY_LENGTH, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, AWAIT_TUNNEL, BROKEN
    }

    private final MethodQueue methods;
    /** Start and end offsets of the head's lines, relative to the reader index. */
    private final int[] lines = new int[2 * (HeaderCountLimit.HEADERS_MAX + 1)];
    private State state = State.HEAD;
    private int lineCount;
    /** Bytes of the current head or trailer section already searched for line ends. */
    private int scanned;
    /** Where the line being scanned starts, relative to the reader index. */
    private int lineStarts;
    private int emptyLines;
    private long remaining;
    private FramedRequest current;
    private ChannelHandlerContext context;
    /** The head or trailer section being parsed; reused, grown up to the head bound. */
    private byte[] sectionBytes = new byte[512];

    public RequestDecoder(MethodQueue methods) {
        this.methods = methods;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        try {
            switch (state) {
                case HEAD -> decodeHead(in, out);
                case BODY_LENGTH -> decodeBody(in, out);
                case CHUNK_SIZE -> decodeChunkSize(in);
                case CHUNK_DATA -> decodeBody(in, out);
                case CHUNK_END -> decodeChunkEnd(in);
                case TRAILERS -> decodeTrailers(in, out);
                case AWAIT_TUNNEL -> {
                    if (in.readableBytes() > EARLY_TUNNEL_BYTES_MAX) {
                        ctx.channel().config().setAutoRead(false);
                    }
                }
                case BROKEN -> in.skipBytes(in.readableBytes());
            }
        } catch (MalformedHttpException e) {
            fail(in, out, e);
        }
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.isReadable()) {
            decode(ctx, in, out);
        }
        if (state != State.HEAD && state != State.AWAIT_TUNNEL && state != State.BROKEN) {
            fail(in, out, MalformedHttpException.bad("the connection ended inside a body"));
        }
    }

    /** The server refused the tunnel the last request asked for: go on reading HTTP. */
    public void resume() {
        if (state != State.AWAIT_TUNNEL) {
            return;
        }
        state = State.HEAD;
        context.channel().config().setAutoRead(true);
        try {
            // Decodes what arrived meanwhile, as if it had just been read.
            channelRead(context, Unpooled.EMPTY_BUFFER);
        } catch (Exception e) {
            context.fireExceptionCaught(e);
        }
    }

    private void decodeHead(ByteBuf in, List<Object> out) {
        if (lineCount == 0 && scanned == 0 && !skipEmptyLines(in)) {
            return;
        }
        int base = in.readerIndex();
        if (!scanSection(in, true)) {
            return;
        }
        FramedRequest request = RequestHeadParser.parse(section(in, base), lines, lineCount);
        endSection(in, base);
        emptyLines = 0;
        methods.add(request.method());
        out.add(request);
        current = request;
        BodyFraming framing = request.framing();
        switch (framing.kind()) {
            case NONE -> endMessage(out, LastHttpContent.EMPTY_LAST_CONTENT);
            case LENGTH -> {
                remaining = framing.length();
                if (remaining == 0) {
                    endMessage(out, LastHttpContent.EMPTY_LAST_CONTENT);
                } else {
                    state = State.BODY_LENGTH;
                }
            }
            case CHUNKED -> state = State.CHUNK_SIZE;
        }
    }

    /** Skips empty lines before a request line; false when more bytes are needed. */
    private boolean skipEmptyLines(ByteBuf in) {
        while (in.isReadable()) {
            byte first = in.getByte(in.readerIndex());
            int length;
            if (first == LF) {
                length = 1;
            } else if (first == CR) {
                if (in.readableBytes() < 2) {
                    return false;
                }
                length = 2;
            } else {
                return true;
            }
            if (length == 2 && in.getByte(in.readerIndex() + 1) != LF
                    || ++emptyLines > LEADING_EMPTY_LINES_MAX) {
                throw MalformedHttpException.bad("malformed request line");
            }
            in.skipBytes(length);
        }
        return false;
    }

    /** Content-Length bodies and the data of one chunk: streamed in bounded pieces. */
    private void decodeBody(ByteBuf in, List<Object> out) {
        int piece = (int) Math.min(Math.min(remaining, in.readableBytes()), BODY_PIECE_BYTES_MAX);
        if (piece == 0) {
            return;
        }
        ByteBuf bytes = in.readRetainedSlice(piece);
        remaining -= piece;
        if (remaining > 0 || state == State.CHUNK_DATA) {
            out.add(new DefaultHttpContent(bytes));
            if (remaining == 0) {
                state = State.CHUNK_END;
            }
        } else {
            endMessage(out, new DefaultLastHttpContent(bytes));
        }
    }

    private void decodeChunkSize(ByteBuf in) {
        int start = in.readerIndex();
        int lf = in.indexOf(start, Math.min(in.writerIndex(), start + CHUNK_LINE_BYTES_MAX), LF);
        if (lf < 0) {
            if (in.readableBytes() >= CHUNK_LINE_BYTES_MAX) {
                throw MalformedHttpException.bad("chunk size line too long");
            }
            return;
        }
        int end = lf > start && in.getByte(lf - 1) == CR ? lf - 1 : lf;
        long size = ChunkSizeLine.parse(in, start, end);
        in.readerIndex(lf + 1);
        if (size == 0) {
            state = State.TRAILERS;
        } else {
            remaining = size;
            state = State.CHUNK_DATA;
        }
    }

    /** The line end after a chunk's data: CR LF or LF, nothing else. */
    private void decodeChunkEnd(ByteBuf in) {
        if (!in.isReadable()) {
            return;
        }
        byte first = in.getByte(in.readerIndex());
        if (first == LF) {
            in.skipBytes(1);
        } else if (first == CR) {
            if (in.readableBytes() < 2) {
                return;
            }
            if (in.getByte(in.readerIndex() + 1) != LF) {
                throw MalformedHttpException.bad("chunk data not followed by a line end");
            }
            in.skipBytes(2);
        } else {
            throw MalformedHttpException.bad("chunk data longer than its size");
        }
        state = State.CHUNK_SIZE;
    }

    private void decodeTrailers(ByteBuf in, List<Object> out) {
        int base = in.readerIndex();
        if (!scanSection(in, false)) {
            return;
        }
        HttpHeaders trailers = trailers(section(in, base));
        endSection(in, base);
        LastHttpContent last = trailers.isEmpty()
                ? LastHttpContent.EMPTY_LAST_CONTENT
                : new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER, trailers);
        endMessage(out, last);
    }

    /** Trailer fields: plain fields only, never ones that frame or route the message. */
    private HttpHeaders trailers(byte[] section) {
        HttpHeaders trailers = DefaultHttpHeadersFactory.trailersFactory().withValidation(false)
                .newHeaders();
        for (int line = 0; line < lineCount; line++) {
            int start = lines[2 * line];
            int end = lines[2 * line + 1];
            int colon = RequestHeadParser.tokenEnd(section, start, end);
            if (colon == start || colon == end || section[colon] != ':') {
                throw MalformedHttpException.bad("malformed trailer field");
            }
            String name = RequestHeadParser.latin1(section, start, colon);
            if (HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)
                    || HttpHeaderNames.TRANSFER_ENCODING.contentEqualsIgnoreCase(name)
                    || HttpHeaderNames.HOST.contentEqualsIgnoreCase(name)) {
                throw MalformedHttpException.bad(name + " is not allowed in a trailer");
            }
            trailers.add(name, RequestHeadParser.fieldValue(section, colon + 1, end));
        }
        return trailers;
    }

    /**
     * Finds the lines of a head or a trailer section up to the empty line that ends it, within
     * {@link #HEAD_BYTES_MAX}; false when more bytes are needed. Searching resumes where the
     * last read stopped, so a head trickled in byte by byte is scanned once.
     */
    private boolean scanSection(ByteBuf in, boolean head) {
        int base = in.readerIndex();
        int limit = Math.min(in.writerIndex(), base + HEAD_BYTES_MAX);
        while (true) {
            int lineStart = base + lineStarts;
            int lf = in.indexOf(base + scanned, limit, LF);
            if (lf < 0) {
                if (in.writerIndex() - base >= HEAD_BYTES_MAX) {
                    throw !head
                            ? new MalformedHttpException(431, "trailer section too large")
                            : lineCount == 0
                                    ? new MalformedHttpException(414, "request line too long")
                                    : new MalformedHttpException(431,
                                            "request header fields too large");
                }
                scanned = limit - base;
                return false;
            }
            int end = lf > lineStart && in.getByte(lf - 1) == CR ? lf - 1 : lf;
            scanned = lf + 1 - base;
            lineStarts = scanned;
            if (end == lineStart) {
                return true;
            }
            if (lineCount == lines.length / 2) {
                throw new MalformedHttpException(431, "more than "
                        + HeaderCountLimit.HEADERS_MAX + " header lines");
            }
            recordLine(lineStart - base, end - base);
        }
    }

    private void endSection(ByteBuf in, int base) {
        in.readerIndex(base + scanned);
        lineCount = 0;
        scanned = 0;
        lineStarts = 0;
    }

    /**
     * Keeps a line's bounds relative to the reader index: the decoder may compact its buffer
     * between reads, which moves the bytes but not their place after the reader index; they
     * are also the bounds in {@link #section}'s copy.
     */
    private void recordLine(int start, int end) {
        lines[2 * lineCount] = start;
        lines[2 * lineCount + 1] = end;
        lineCount++;
    }

    /**
     * The scanned section's bytes, in one copy: parsing an array is cheaper than reading the
     * buffer byte by byte, and every name and value is copied into a String anyway.
     */
    private byte[] section(ByteBuf in, int base) {
        if (sectionBytes.length < scanned) {
            sectionBytes = new byte[Math.max(scanned, Math.min(2 * sectionBytes.length,
                    HEAD_BYTES_MAX))];
        }
        in.getBytes(base, sectionBytes, 0, scanned);
        return sectionBytes;
    }

    private void endMessage(List<Object> out, LastHttpContent last) {
        out.add(last);
        state = current.tunnelRequested() ? State.AWAIT_TUNNEL : State.HEAD;
        current = null;
    }

    private void fail(ByteBuf in, List<Object> out, MalformedHttpException cause) {
        if (state == State.HEAD) {
            DefaultHttpRequest bad = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                    "/");
            bad.setDecoderResult(DecoderResult.failure(cause));
            out.add(bad);
        } else {
            LastHttpContent bad = new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER);
            bad.setDecoderResult(DecoderResult.failure(cause));
            out.add(bad);
        }
        state = State.BROKEN;
        current = null;
        in.skipBytes(in.readableBytes());
    }
}
