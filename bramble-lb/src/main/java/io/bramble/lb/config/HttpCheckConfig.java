package io.bramble.lb.config;

import java.util.List;
import java.util.Optional;

/**
 * {@code option httpchk [METHOD] [URI] [VERSION]} with {@code http-check send},
 * {@code http-check connect} and {@code http-check expect}. Without it, checks are plain TCP
 * connects.
 *
 * @param method request method, {@value #METHOD_DEFAULT} by default
 * @param uri request target, {@value #URI_DEFAULT} by default
 * @param version HTTP version as written, {@value #VERSION_DEFAULT} by default; HAProxy
 *        allows extra header lines after it ({@code HTTP/1.1\r\nHost:\ www}), kept as written
 * @param expect the success rule; empty for "2xx or 3xx"
 * @param headers {@code http-check send hdr NAME VALUE}, in order
 * @param body {@code http-check send body TEXT}; empty for none
 * @param connect {@code http-check connect}: the port and TLS of the check's connection
 */
public record HttpCheckConfig(String method, String uri, String version,
        Optional<HttpCheckExpect> expect, List<Header> headers, String body,
        TcpCheckRule.Connect connect) {
    public static final String METHOD_DEFAULT = "OPTIONS";
    public static final String URI_DEFAULT = "/";
    public static final String VERSION_DEFAULT = "HTTP/1.0";
    /** Bytes of a check response read at most: enough for status, headers, a small body. */
    public static final int RESPONSE_BYTES_MAX = 16_384;

    /** One {@code hdr NAME VALUE} of {@code http-check send}. */
    public record Header(String name, String value) {}

    public HttpCheckConfig {
        headers = List.copyOf(headers);
    }

    /** The request line alone, connecting as the server's checks do. */
    public HttpCheckConfig(String method, String uri, String version,
            Optional<HttpCheckExpect> expect) {
        this(method, uri, version, expect, List.of(), "", TcpCheckRule.Connect.DEFAULT);
    }

    /** {@code option httpchk} alone. */
    public static HttpCheckConfig defaults() {
        return new HttpCheckConfig(METHOD_DEFAULT, URI_DEFAULT, VERSION_DEFAULT,
                Optional.empty());
    }

    public HttpCheckConfig withExpect(HttpCheckExpect value) {
        return new HttpCheckConfig(method, uri, version, Optional.of(value), headers, body,
                connect);
    }

    /** With what {@code http-check send} and {@code http-check connect} set. */
    public HttpCheckConfig with(HttpCheckSend send, TcpCheckRule.Connect value) {
        return new HttpCheckConfig(send.method().orElse(method), send.uri().orElse(uri),
                send.version().orElse(version), expect, send.headers(), send.body(), value);
    }
}
