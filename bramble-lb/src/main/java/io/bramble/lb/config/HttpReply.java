package io.bramble.lb.config;

import io.bramble.lb.format.LogFormatString;
import java.util.List;
import java.util.Optional;

/**
 * The answer of {@code http-request return}: a status, headers whose values are log-format
 * strings, and a body with its content type, or no body.
 *
 * @param status 200 to 599
 * @param headers the {@code hdr NAME VALUE} pairs, in file order, sent before
 *        {@code content-length} and {@code content-type}, as HAProxy sends them
 * @param contentType the body's type; present exactly when {@code body} is
 * @param body {@code string TEXT} (a constant) or {@code lf-string FORMAT}, rendered per request
 */
public record HttpReply(int status, List<Header> headers, Optional<String> contentType,
        Optional<LogFormatString> body) {
    /** HAProxy's status when the line names none. */
    public static final int STATUS_DEFAULT = 200;

    /** One {@code hdr NAME VALUE}. */
    public record Header(String name, LogFormatString value) {}

    public HttpReply {
        headers = List.copyOf(headers);
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be 200 to 599, got " + status);
        }
        if (contentType.isPresent() != body.isPresent()) {
            throw new IllegalArgumentException("a content type goes with a body, and only then");
        }
    }
}
