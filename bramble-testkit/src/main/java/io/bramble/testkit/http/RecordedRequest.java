package io.bramble.testkit.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One request as a {@link RecordingBackend} received it. Text fields hold bytes as ISO-8859-1
 * characters, one character per byte, so a target such as {@code /caf\xc3\xa9} is kept exactly.
 *
 * @param sequence the backend's number for this request, from 1; its answer carries it in
 *                 {@value RecordingBackend#SEQUENCE_HEADER}
 * @param connection the backend's number for the connection it came on, from 1
 * @param head the request line and header lines as received, terminators included
 * @param method the method; what stood before the first space when the line was malformed
 * @param target the request target as received
 * @param version the protocol version as received
 * @param headers the header fields in order, names as sent, values without surrounding spaces
 * @param body the body, chunked framing removed
 * @param malformed why the backend refused the request, had it to; such a request still counts
 *                  as received: its bytes reached the server
 */
public record RecordedRequest(int sequence, int connection, String head, String method,
        String target, String version, List<Header> headers, byte[] body,
        Optional<String> malformed) {

    /** A header field; the value has no leading or trailing spaces or tabs. */
    public record Header(String name, String value) {}

    public RecordedRequest {
        headers = List.copyOf(headers);
        body = body.clone();
    }

    /** Every value of header {@code name}, matched without regard to case, in order. */
    public List<String> values(String name) {
        List<String> values = new ArrayList<>();
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                values.add(header.value());
            }
        }
        return values;
    }

    /** The Host header's values joined with commas; empty when there is none. */
    public String host() {
        return String.join(",", values("host"));
    }

    /**
     * The path the request asks for: the target up to {@code ?} or {@code #}, with the scheme
     * and authority of an absolute-form target removed.
     */
    public String path() {
        String path = target;
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            int authorityStart = lower.indexOf("//") + 2;
            int slash = path.indexOf('/', authorityStart);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int end = path.length();
        for (char stop : new char[]{'?', '#'}) {
            int at = path.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return path.substring(0, end);
    }

    /** The authority of an absolute-form target, lower-cased; empty for other forms. */
    public String targetAuthority() {
        String lower = target.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return "";
        }
        int start = lower.indexOf("//") + 2;
        int end = start;
        while (end < lower.length() && "/?#".indexOf(lower.charAt(end)) < 0) {
            end++;
        }
        return lower.substring(start, end);
    }
}
