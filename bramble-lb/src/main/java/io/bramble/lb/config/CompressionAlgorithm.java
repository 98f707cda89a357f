package io.bramble.lb.config;

import java.util.Locale;

/** An algorithm of {@code compression algo}, as HAProxy 2.6 names and announces it. */
public enum CompressionAlgorithm {
    /** No coding: the response is still rewritten (chunked, {@code Vary}), not coded. */
    IDENTITY("identity"),
    /** RFC 1952. */
    GZIP("gzip"),
    /** The zlib format (RFC 1950), as HTTP's {@code deflate} means. */
    DEFLATE("deflate"),
    /** Deflate without the zlib wrapping, announced as {@code deflate}, as HAProxy does. */
    RAW_DEFLATE("deflate");

    private final String coding;

    CompressionAlgorithm(String coding) {
        this.coding = coding;
    }

    /** The name in {@code compression algo}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The content coding matched in Accept-Encoding and sent in Content-Encoding. */
    public String coding() {
        return coding;
    }
}
