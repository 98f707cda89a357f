package io.bramble.lb.proxy;

import io.netty.handler.codec.http.HttpDecoderConfig;

/**
 * Bounds on what an HTTP peer may send in one piece. A request line or header block over the
 * bound is answered 414/431 and never forwarded; bodies are streamed in pieces of at most
 * {@link #CHUNK_BYTES_MAX}, never held whole.
 */
final class HttpLimits {
    /** Request or status line, like HAProxy's default buffer allows. */
    static final int LINE_BYTES_MAX = 8_192;
    /** All header lines of one message together. */
    static final int HEADER_BYTES_MAX = 16_384;
    /** Largest body piece handed over at once. */
    static final int CHUNK_BYTES_MAX = 65_536;
    /**
     * Decoded pieces (heads and body chunks) held behind the request being served before
     * reading pauses: with {@link #CHUNK_BYTES_MAX} this bounds a pipelining client to 1 MiB.
     */
    static final int PIPELINED_MESSAGES_MAX = 16;
    /** Body bytes held while the server connection is being set up; reading pauses beyond. */
    static final int HELD_BODY_BYTES_MAX = 256 * 1024;
    /** Idle bound applied when the file sets no client/server timeout (HAProxy: none). */
    static final long IDLE_TIMEOUT_MS_WHEN_UNSET = 300_000;
    /** Connect bound applied when the file sets no {@code timeout connect}. */
    static final long CONNECT_TIMEOUT_MS_WHEN_UNSET = 30_000;

    private HttpLimits() {
    }

    static HttpDecoderConfig decoderConfig() {
        return new HttpDecoderConfig().setMaxInitialLineLength(LINE_BYTES_MAX)
                .setMaxHeaderSize(HEADER_BYTES_MAX).setMaxChunkSize(CHUNK_BYTES_MAX)
                .setValidateHeaders(true).setUseRfc9112TransferEncoding(true);
    }
}
