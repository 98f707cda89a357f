package io.bramble.lb.config;

import java.util.Optional;

/**
 * {@code option httpchk [METHOD] [URI] [VERSION]} with its {@code http-check expect}. Without
 * it, checks are plain TCP connects.
 *
 * @param method request method, {@value #METHOD_DEFAULT} by default
 * @param uri request target, {@value #URI_DEFAULT} by default
 * @param version HTTP version as written, {@value #VERSION_DEFAULT} by default; HAProxy
 *        allows extra header lines after it ({@code HTTP/1.1\r\nHost:\ www}), kept as written
 * @param expect the success rule; empty for "2xx or 3xx"
 */
public record HttpCheckConfig(String method, String uri, String version,
        Optional<HttpCheckExpect> expect) {
    public static final String METHOD_DEFAULT = "OPTIONS";
    public static final String URI_DEFAULT = "/";
    public static final String VERSION_DEFAULT = "HTTP/1.0";
    /** Bytes of a check response read at most: enough for status, headers, a small body. */
    public static final int RESPONSE_BYTES_MAX = 16_384;

    /** {@code option httpchk} alone. */
    public static HttpCheckConfig defaults() {
        return new HttpCheckConfig(METHOD_DEFAULT, URI_DEFAULT, VERSION_DEFAULT,
                Optional.empty());
    }

    public HttpCheckConfig withExpect(HttpCheckExpect value) {
        return new HttpCheckConfig(method, uri, version, Optional.of(value));
    }
}
