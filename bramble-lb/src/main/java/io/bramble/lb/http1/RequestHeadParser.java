package io.bramble.lb.http1;

import static io.bramble.lb.http1.HttpBytes.SP;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a request head whose lines {@link RequestDecoder} found: the request line, the header
 * fields (obs-fold joined with a space, as HAProxy does), then the checks that keep one
 * reading of the request: one Host, agreeing with an absolute target's authority, which
 * becomes the Host; a target of visible ASCII only, in a form its method allows; HTTP/1.x
 * only; the body framing ({@link BodyFraming}). Pure: no state between calls.
 */
final class RequestHeadParser {
    private static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory()
            .withValidation(false);

    private static final int SEEN_HOST = 1;
    private static final int SEEN_LENGTH = 2;
    private static final int SEEN_CODING = 4;
    private static final int SEEN_UPGRADE = 8;

    private RequestHeadParser() {
    }

    /**
     * @param buf the head's bytes, copied out of the connection's buffer in one piece
     * @param lines start and end offsets (end excludes CR LF) of each line, request line first
     * @param lineCount number of lines, the empty line that ends the head not included
     */
    static FramedRequest parse(byte[] buf, int[] lines, int lineCount) {
        int start = lines[0];
        int end = lines[1];
        int methodEnd = tokenEnd(buf, start, end);
        if (methodEnd == start || methodEnd == end || buf[methodEnd] != SP) {
            throw MalformedHttpException.bad("malformed request line");
        }
        int targetStart = skipSpaces(buf, methodEnd, end);
        int targetEnd = targetStart;
        while (targetEnd < end && buf[targetEnd] != SP) {
            if (!HttpBytes.isTargetByte(buf[targetEnd])) {
                throw MalformedHttpException.bad("invalid byte in the request target");
            }
            targetEnd++;
        }
        int versionStart = skipSpaces(buf, targetEnd, end);
        if (targetEnd == targetStart || versionStart == targetEnd) {
            throw MalformedHttpException.bad("malformed request line");
        }
        HttpVersion version = version(buf, versionStart, end);
        HttpMethod method = HttpMethod.valueOf(latin1(buf, start, methodEnd));
        String target = latin1(buf, targetStart, targetEnd);
        int[] seen = new int[2];
        HttpHeaders headers = headers(buf, lines, lineCount, seen);
        String authority = checkTarget(method, target);
        checkHost(headers, authority, target, seen[1]);
        if (method.equals(HttpMethod.CONNECT)) {
            return connect(version, target, headers);
        }
        BodyFraming framing = (seen[0] & (SEEN_LENGTH | SEEN_CODING)) == 0
                ? BodyFraming.NONE
                : BodyFraming.ofRequest(headers, version);
        // An upgrade with a body is not switched (HAProxy does not either): it stays HTTP.
        boolean tunnel = (seen[0] & SEEN_UPGRADE) != 0 && upgradeRequested(headers)
                && (framing.kind() == BodyFraming.Kind.NONE
                        || framing.kind() == BodyFraming.Kind.LENGTH && framing.length() == 0);
        return new FramedRequest(version, method, target, headers, framing, tunnel);
    }

    /**
     * CONNECT has no body (RFC 9110 9.3.6): what follows its head belongs to the tunnel, as
     * HAProxy treats it, whatever Content-Length says.
     */
    private static FramedRequest connect(HttpVersion version, String target,
            HttpHeaders headers) {
        if (headers.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            throw MalformedHttpException.bad("CONNECT with Transfer-Encoding");
        }
        headers.remove(HttpHeaderNames.CONTENT_LENGTH);
        return new FramedRequest(version, HttpMethod.CONNECT, target, headers, BodyFraming.NONE,
                true);
    }

    private static HttpVersion version(byte[] buf, int start, int end) {
        if (end - start != 8 || buf[start] != 'H' || buf[start + 1] != 'T'
                || buf[start + 2] != 'T' || buf[start + 3] != 'P'
                || buf[start + 4] != '/' || !isDigit(buf[start + 5])
                || buf[start + 6] != '.' || !isDigit(buf[start + 7])) {
            throw MalformedHttpException.bad("malformed HTTP version");
        }
        if (buf[start + 5] != '1') {
            throw new MalformedHttpException(505, "only HTTP/1.x is spoken here");
        }
        return buf[start + 7] == '0' ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
    }

    /**
     * The header fields; {@code seen[0]} gets a bit for each field the checks after need, so
     * that a request without them costs no look-up, and {@code seen[1]} counts Host fields.
     */
    private static HttpHeaders headers(byte[] buf, int[] lines, int lineCount, int[] seen) {
        HttpHeaders headers = HEADERS.newHeaders();
        String name = null;
        String value = null;
        for (int line = 1; line < lineCount; line++) {
            int start = lines[2 * line];
            int end = lines[2 * line + 1];
            if (HttpBytes.isWhitespace(buf[start])) {
                if (name == null) {
                    throw MalformedHttpException.bad("continuation line without a field");
                }
                value = value + ' ' + fieldValue(buf, start, end);
                continue;
            }
            if (name != null) {
                headers.add(name, value);
            }
            int colon = tokenEnd(buf, start, end);
            if (colon == start || colon == end || buf[colon] != ':') {
                throw MalformedHttpException.bad("malformed header field");
            }
            name = latin1(buf, start, colon);
            value = fieldValue(buf, colon + 1, end);
            int noted = noted(name);
            seen[0] |= noted;
            if (noted == SEEN_HOST) {
                seen[1]++;
            }
        }
        if (name != null) {
            headers.add(name, value);
        }
        return headers;
    }

    /** The {@code SEEN_} bit of a field name, 0 for the names no check after looks at. */
    private static int noted(String name) {
        return switch (name.length()) {
            case 4 -> name.equalsIgnoreCase("host") ? SEEN_HOST : 0;
            case 7 -> name.equalsIgnoreCase("upgrade") ? SEEN_UPGRADE : 0;
            case 14 -> name.equalsIgnoreCase("content-length") ? SEEN_LENGTH : 0;
            case 17 -> name.equalsIgnoreCase("transfer-encoding") ? SEEN_CODING : 0;
            default -> 0;
        };
    }

    /** A field value without its surrounding whitespace; refuses control bytes. */
    static String fieldValue(byte[] buf, int start, int end) {
        int from = start;
        int to = end;
        while (from < to && HttpBytes.isWhitespace(buf[from])) {
            from++;
        }
        while (to > from && HttpBytes.isWhitespace(buf[to - 1])) {
            to--;
        }
        for (int i = from; i < to; i++) {
            if (!HttpBytes.isFieldValueByte(buf[i])) {
                throw MalformedHttpException.bad("control byte in a header value");
            }
        }
        return latin1(buf, from, to);
    }

    /**
     * Checks the target's form against its method (RFC 9112 3.2) and returns the authority
     * of an absolute-form target, userinfo removed, or null for any other form.
     */
    private static String checkTarget(HttpMethod method, String target) {
        char first = target.charAt(0);
        if (method.equals(HttpMethod.CONNECT)) {
            int colon = target.lastIndexOf(':');
            if (colon <= 0 || colon == target.length() - 1 || target.indexOf('/') >= 0
                    || !target.substring(colon + 1).chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw MalformedHttpException.bad("CONNECT needs a host:port target");
            }
            return null;
        }
        if (first == '/') {
            return null;
        }
        if (target.equals("*") && method.equals(HttpMethod.OPTIONS)) {
            return null;
        }
        int scheme = target.indexOf("://");
        if (scheme <= 0 || !isScheme(target, scheme)) {
            throw MalformedHttpException.bad("request target is not a path or an absolute URI");
        }
        int authorityStart = scheme + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < target.length() && "/?".indexOf(target.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = target.substring(authorityStart, authorityEnd);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        if (authority.isEmpty()) {
            throw MalformedHttpException.bad("absolute URI without a host");
        }
        return authority;
    }

    private static boolean isScheme(String target, int end) {
        for (int i = 0; i < end; i++) {
            char c = target.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            if (!letter && (i == 0 || !(c >= '0' && c <= '9' || c == '+' || c == '-'
                    || c == '.'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * One Host (identical repeats merged), of host bytes only; an absolute target's authority
     * must name the same host and port (the scheme's default port may be left out) and then
     * is the Host the server gets.
     */
    private static void checkHost(HttpHeaders headers, String authority, String target,
            int hostFields) {
        if (hostFields == 0 && authority == null) {
            return;
        }
        List<String> hosts = hostFields == 1
                ? List.of(headers.get(HttpHeaderNames.HOST))
                : headers.getAll(HttpHeaderNames.HOST);
        String host = hosts.isEmpty() ? null : hosts.get(0);
        for (String other : hosts) {
            if (!other.equalsIgnoreCase(host)) {
                throw MalformedHttpException.bad("more than one Host");
            }
        }
        if (host != null) {
            for (int i = 0; i < host.length(); i++) {
                if (!HttpBytes.isHostByte((byte) host.charAt(i))) {
                    throw MalformedHttpException.bad("invalid Host");
                }
            }
        }
        if (authority != null) {
            int defaultPort = target.regionMatches(true, 0, "https:", 0, 6) ? 443 : 80;
            if (host != null && !withoutDefaultPort(host, defaultPort)
                    .equalsIgnoreCase(withoutDefaultPort(authority, defaultPort))) {
                throw MalformedHttpException.bad("Host differs from the target's authority");
            }
            headers.set(HttpHeaderNames.HOST, authority);
        } else if (hosts.size() > 1) {
            headers.set(HttpHeaderNames.HOST, host);
        }
    }

    private static String withoutDefaultPort(String hostPort, int defaultPort) {
        String suffix = ":" + defaultPort;
        return hostPort.endsWith(suffix)
                ? hostPort.substring(0, hostPort.length() - suffix.length())
                : hostPort;
    }

    /**
     * An {@code Upgrade} header named in {@code Connection} (RFC 9110 7.8). A WebSocket
     * handshake without its key is refused, as HAProxy refuses it (RFC 6455 4.1).
     */
    private static boolean upgradeRequested(HttpHeaders headers) {
        boolean upgrade = headers.contains(HttpHeaderNames.UPGRADE)
                && headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE,
                        true);
        if (upgrade && headers.containsValue(HttpHeaderNames.UPGRADE,
                HttpHeaderValues.WEBSOCKET, true)
                && !headers.contains(HttpHeaderNames.SEC_WEBSOCKET_KEY)) {
            throw MalformedHttpException.bad("WebSocket upgrade without Sec-WebSocket-Key");
        }
        return upgrade;
    }

    static int tokenEnd(byte[] buf, int start, int end) {
        int i = start;
        while (i < end && HttpBytes.isTchar(buf[i])) {
            i++;
        }
        return i;
    }

    private static int skipSpaces(byte[] buf, int start, int end) {
        int i = start;
        while (i < end && buf[i] == SP) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    static String latin1(byte[] buf, int start, int end) {
        return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
    }
}
