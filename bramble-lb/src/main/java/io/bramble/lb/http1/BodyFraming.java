package io.bramble.lb.http1;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;

/**
 * How long a request's body is, decided once from the head as received (RFC 9112 6.3) and
 * imposed again on the head that goes to the server, whatever rules or hop-by-hop handling
 * did to the headers in between: the server must read exactly the bytes the load balancer
 * read, never a second request inside the first one's body.
 *
 * <p>Refused, as HAProxy refuses them or stricter: Transfer-Encoding together with
 * Content-Length, Transfer-Encoding on an HTTP/1.0 request, codings other than a single final
 * {@code chunked} (422 when {@code chunked} is last), differing or non-numeric lengths.
 * Identical lengths, repeated or listed, are merged into one.
 */
public record BodyFraming(Kind kind, long length) {
    /** Whether the body is delimited by a length, by chunks, or absent. */
    public enum Kind {
        NONE, LENGTH, CHUNKED
    }

    /** Digits of the largest length accepted: 10^18 bytes, far beyond any real body. */
    private static final int LENGTH_DIGITS_MAX = 18;

    public static final BodyFraming NONE = new BodyFraming(Kind.NONE, 0);
    public static final BodyFraming CHUNKED = new BodyFraming(Kind.CHUNKED, -1);

    /** Reads the framing of a request head; normalises Content-Length to one value. */
    static BodyFraming ofRequest(HttpHeaders headers, HttpVersion version) {
        List<String> codings = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING);
        List<String> lengths = headers.getAll(HttpHeaderNames.CONTENT_LENGTH);
        if (!codings.isEmpty()) {
            if (!lengths.isEmpty()) {
                throw MalformedHttpException.bad("Transfer-Encoding and Content-Length together");
            }
            if (version.minorVersion() == 0) {
                throw MalformedHttpException.bad("Transfer-Encoding in an HTTP/1.0 request");
            }
            checkChunkedOnly(codings);
            headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            return CHUNKED;
        }
        if (lengths.isEmpty()) {
            return NONE;
        }
        long length = mergedLength(lengths);
        if (lengths.size() > 1 || !lengths.get(0).equals(Long.toString(length))) {
            headers.set(HttpHeaderNames.CONTENT_LENGTH, length);
        }
        return new BodyFraming(Kind.LENGTH, length);
    }

    /** Sets the framing headers of {@code headers} to this framing and nothing else. */
    public void imposeOn(HttpHeaders headers) {
        switch (kind) {
            case NONE -> {
                headers.remove(HttpHeaderNames.CONTENT_LENGTH);
                headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
            }
            case LENGTH -> {
                headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
                headers.set(HttpHeaderNames.CONTENT_LENGTH, length);
            }
            case CHUNKED -> {
                headers.remove(HttpHeaderNames.CONTENT_LENGTH);
                headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            }
        }
    }

    private static void checkChunkedOnly(List<String> fields) {
        int elements = 0;
        boolean chunkedLast = false;
        boolean chunkedBefore = false;
        boolean other = false;
        for (String field : fields) {
            for (String element : field.split(",", -1)) {
                String coding = element.strip();
                elements++;
                if (chunkedLast) {
                    chunkedBefore = true;
                }
                chunkedLast = coding.equalsIgnoreCase("chunked");
                other |= !chunkedLast;
            }
        }
        if (!chunkedLast || chunkedBefore) {
            throw MalformedHttpException.bad("Transfer-Encoding must end with one chunked: "
                    + String.join(", ", fields));
        }
        if (other || elements > 1) {
            throw new MalformedHttpException(422, "transfer codings other than chunked are not "
                    + "decoded: " + String.join(", ", fields));
        }
    }

    private static long mergedLength(List<String> fields) {
        long merged = -1;
        for (String field : fields) {
            for (String element : field.split(",", -1)) {
                long value = parseLength(element.strip());
                if (merged >= 0 && value != merged) {
                    throw MalformedHttpException.bad("conflicting Content-Length values");
                }
                merged = value;
            }
        }
        return merged;
    }

    private static long parseLength(String digits) {
        if (digits.isEmpty()) {
            throw MalformedHttpException.bad("empty Content-Length");
        }
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        if (digits.length() - first > LENGTH_DIGITS_MAX) {
            throw MalformedHttpException.bad("Content-Length too large");
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw MalformedHttpException.bad("Content-Length is not a number: " + digits);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
