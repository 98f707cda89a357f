package io.bramble.lb.config;

import java.util.List;
import java.util.Optional;

/**
 * {@code http-check send [meth M] [uri U] [ver V] [hdr NAME VALUE]... [body TEXT]}: what it
 * changes in the request of {@code option httpchk}.
 *
 * @param method replaces the method when present
 * @param uri replaces the target when present
 * @param version replaces the version when present
 * @param headers added after the request line
 * @param body sent after the headers with its Content-Length; empty for none
 */
public record HttpCheckSend(Optional<String> method, Optional<String> uri,
        Optional<String> version, List<HttpCheckConfig.Header> headers, String body) {
    public HttpCheckSend {
        headers = List.copyOf(headers);
    }
}
