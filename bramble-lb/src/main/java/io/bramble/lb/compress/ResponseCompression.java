package io.bramble.lb.compress;

import io.bramble.lb.config.CompressionAlgorithm;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a response is compressed and how its head changes, as HAProxy 2.6 decides: only a
 * 200 to 203 answer of HTTP/1.1 to an HTTP/1.1 request that is not HEAD, whose length is known
 * (Content-Length above 0, or chunked), that carries no Content-Encoding, no Cache-Control
 * {@code no-transform}, at most one well-formed ETag, and a Content-Type that is not multipart
 * and starts with one of the configured types (none needed when no type is configured). The
 * head then becomes chunked without Content-Length, its strong ETag weak, {@code Vary} gains
 * Accept-Encoding, and Content-Encoding names the coding (not for {@code identity}).
 */
public final class ResponseCompression {
    private ResponseCompression() {
    }

    /** What the exchange knows when the response head arrives. */
    public record Exchange(int status, boolean http11Request, boolean http11Response,
            boolean head) {}

    /** Whether a response with {@code headers} may be compressed; {@code types} as configured. */
    public static boolean applies(Exchange exchange, HttpHeaders headers, List<String> types) {
        int status = exchange.status();
        if (status < 200 || status > 203 || !exchange.http11Request()
                || !exchange.http11Response() || exchange.head()) {
            return false;
        }
        if (!lengthKnownAndNotEmpty(headers) || headers.contains(HttpHeaderNames.CONTENT_ENCODING)
                || noTransform(headers)) {
            return false;
        }
        List<String> etags = headers.getAll(HttpHeaderNames.ETAG);
        if (etags.size() > 1 || (etags.size() == 1 && !wellFormed(etags.getFirst()))) {
            return false;
        }
        String type = headers.get(HttpHeaderNames.CONTENT_TYPE);
        if (type == null) {
            return types.isEmpty();
        }
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.startsWith("multipart")) {
            return false;
        }
        return types.isEmpty() || types.stream().anyMatch(t -> lower.startsWith(t.toLowerCase(
                Locale.ROOT)));
    }

    /** Rewrites the head of a response {@link #applies} said yes to. */
    public static void rewrite(HttpHeaders headers, CompressionAlgorithm algorithm) {
        headers.remove(HttpHeaderNames.CONTENT_LENGTH);
        if (!chunked(headers)) {
            headers.add(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
        }
        String etag = headers.get(HttpHeaderNames.ETAG);
        if (etag != null && etag.startsWith("\"")) {
            headers.set(HttpHeaderNames.ETAG, "W/" + etag);
        }
        vary(headers);
        if (algorithm != CompressionAlgorithm.IDENTITY) {
            headers.add(HttpHeaderNames.CONTENT_ENCODING, algorithm.coding());
        }
    }

    /** Adds Accept-Encoding to the last Vary line, or a Vary line, unless it is named. */
    private static void vary(HttpHeaders headers) {
        List<String> lines = new ArrayList<>(headers.getAll(HttpHeaderNames.VARY));
        for (String line : lines) {
            for (String element : line.split(",")) {
                if (element.strip().equalsIgnoreCase("Accept-Encoding")) {
                    return;
                }
            }
        }
        if (lines.isEmpty()) {
            headers.add(HttpHeaderNames.VARY, "Accept-Encoding");
            return;
        }
        lines.set(lines.size() - 1, lines.getLast() + ", Accept-Encoding");
        headers.set(HttpHeaderNames.VARY, lines);
    }

    private static boolean lengthKnownAndNotEmpty(HttpHeaders headers) {
        if (chunked(headers)) {
            return true;
        }
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        return length != null && !length.strip().matches("0+");
    }

    private static boolean chunked(HttpHeaders headers) {
        return headers.containsValue(HttpHeaderNames.TRANSFER_ENCODING, "chunked", true);
    }

    private static boolean noTransform(HttpHeaders headers) {
        for (String line : headers.getAll(HttpHeaderNames.CACHE_CONTROL)) {
            for (String element : line.split(",")) {
                if (element.strip().toLowerCase(Locale.ROOT).startsWith("no-transform")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code "..."} or {@code W/"..."}. */
    private static boolean wellFormed(String etag) {
        String strong = etag.startsWith("W/") ? etag.substring(2) : etag;
        return strong.length() >= 2 && strong.startsWith("\"") && strong.endsWith("\"");
    }
}
