package io.bramble.lb.http1;

import io.netty.buffer.ByteBuf;

/**
 * The size line of one chunk (RFC 9112 7.1): hex digits, optional whitespace, an optional
 * extension after {@code ;}, which is not forwarded. Signs, {@code 0x}, leading whitespace,
 * an empty line and sizes past {@link #SIZE_HEX_DIGITS_MAX} digits are refused, as HAProxy
 * refuses them.
 */
final class ChunkSizeLine {
    /** Significant hex digits of a chunk size: 2^60 bytes, far beyond any real chunk. */
    static final int SIZE_HEX_DIGITS_MAX = 15;

    private ChunkSizeLine() {
    }

    /** The chunk size of the line {@code [start, end)} (line ending excluded). */
    static long parse(ByteBuf buf, int start, int end) {
        long size = 0;
        int digits = 0;
        int i = start;
        for (; i < end; i++) {
            int value = HttpBytes.hexValue(buf.getByte(i));
            if (value < 0) {
                break;
            }
            if (size != 0 || value != 0) {
                digits++;
            }
            if (digits > SIZE_HEX_DIGITS_MAX) {
                throw MalformedHttpException.bad("chunk size too large");
            }
            size = size << 4 | value;
        }
        if (i == start) {
            throw MalformedHttpException.bad("chunk size missing");
        }
        while (i < end && HttpBytes.isWhitespace(buf.getByte(i))) {
            i++;
        }
        if (i < end && buf.getByte(i) != ';') {
            throw MalformedHttpException.bad("invalid chunk size");
        }
        // The extension is dropped, never forwarded: any byte but a bare CR may stand in it,
        // as HAProxy reads it.
        if (buf.indexOf(i, end, HttpBytes.CR) >= 0) {
            throw MalformedHttpException.bad("bare CR in a chunk extension");
        }
        return size;
    }
}
