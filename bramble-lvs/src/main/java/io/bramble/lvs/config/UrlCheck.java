package io.bramble.lvs.config;

import java.util.List;
import java.util.Optional;

/**
 * One {@code url} block of {@code HTTP_GET} or {@code SSL_GET}: the path fetched and what the
 * answer must show.
 *
 * @param path the request target
 * @param digest the MD5 of the body in lower-case hex, as keepalived's genhash prints it
 * @param statusCodes accepted statuses; keepalived's default is 200-299
 * @param virtualhost the Host header, when one applies
 */
public record UrlCheck(String path, Optional<String> digest, List<StatusRange> statusCodes,
        Optional<String> virtualhost) {
    public UrlCheck {
        statusCodes = List.copyOf(statusCodes);
    }

    /** Whether {@code status} is one of the accepted codes. */
    public boolean accepts(int status) {
        return statusCodes.stream().anyMatch(range -> range.contains(status));
    }
}
