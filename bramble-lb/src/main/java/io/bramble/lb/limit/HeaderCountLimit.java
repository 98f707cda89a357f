package io.bramble.lb.limit;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.TooLongHttpHeaderException;

/**
 * Marks a decoded message with too many header lines as failed, so the session rejects it like
 * any malformed message and never forwards it. The decoder already bounds the header block's
 * bytes; this bounds the count, which costs memory and hashing per line however short each
 * is. Applied by the handler that takes the decoder's output, before it looks at the message.
 */
public final class HeaderCountLimit {
    /**
     * Header lines in one message: HAProxy 2.6 (tune.http.maxhdr 101) forwards a request with
     * 100 header fields and refuses one with 101.
     */
    public static final int HEADERS_MAX = 100;

    private HeaderCountLimit() {
    }

    /** Fails {@code message} when it has more than {@link #HEADERS_MAX} header lines. */
    public static void apply(HttpMessage message) {
        if (message.decoderResult().isSuccess() && message.headers().size() > HEADERS_MAX) {
            // A kind of too-long header block: 431 to a client, 502 for a server.
            message.setDecoderResult(DecoderResult.failure(new TooLongHttpHeaderException(
                    "HTTP message has " + message.headers().size() + " header lines; at most "
                            + HEADERS_MAX + " are accepted")));
        }
    }
}
