package io.bramble.lb.http1;

import static io.bramble.lb.http1.HttpBytes.SP;

import io.netty.buffer.ByteBuf;
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

    private RequestHeadParser() {
    }

    /**
     * @param lines start and end offsets (end excludes CR LF) of each line, request line first
     * @param lineCount number of lines, the empty line that ends the head not included
     */
    static FramedRequest parse(ByteBuf buf, int[] lines, int lineCount) {
        int start = lines[0];
        int end = lines[1];
        int methodEnd = tokenEnd(buf, start, end);
        if (methodEnd == start || methodEnd == end || buf.getByte(methodEnd) != SP) {
            throw MalformedHttpException.bad("malformed request line");
        }
        int targetStart = skipSpaces(buf, methodEnd, end);
        int targetEnd = targetStart;
        while (targetEnd < end && buf.getByte(targetEnd) != SP) {
            if (!HttpBytes.isTargetByte(buf.getByte(targetEnd))) {
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
        HttpHeaders headers = headers(buf, lines, lineCount);
        String authority = checkTarget(method, target);
        checkHost(headers, authority, target);
        if (method.equals(HttpMethod.CONNECT)) {
            return connect(version, target, headers);
        }
        BodyFraming framing = BodyFraming.ofRequest(headers, version);
        // An upgrade with a body is not switched (HAProxy does not either): it stays HTTP.
        boolean tunnel = upgradeRequested(headers) && (framing.kind() == BodyFraming.Kind.NONE
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

    private static HttpVersion version(ByteBuf buf, int start, int end) {
        if (end - start != 8 || buf.getByte(start) != 'H' || buf.getByte(start + 1) != 'T'
                || buf.getByte(start + 2) != 'T' || buf.getByte(start + 3) != 'P'
                || buf.getByte(start + 4) != '/' || !isDigit(buf.getByte(start + 5))
                || buf.getByte(start + 6) != '.' || !isDigit(buf.getByte(start + 7))) {
            throw MalformedHttpException.bad("malformed HTTP version");
        }
        if (buf.getByte(start + 5) != '1') {
            throw new MalformedHttpException(505, "only HTTP/1.x is spoken here");
        }
        return buf.getByte(start + 7) == '0' ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
    }

    private static HttpHeaders headers(ByteBuf buf, int[] lines, int lineCount) {
        HttpHeaders headers = HEADERS.newHeaders();
        String name = null;
        StringBuilder value = null;
        for (int line = 1; line < lineCount; line++) {
            int start = lines[2 * line];
            int end = lines[2 * line + 1];
            if (HttpBytes.isWhitespace(buf.getByte(start))) {
                if (name == null) {
                    throw MalformedHttpException.bad("continuation line without a field");
                }
                value.append(' ').append(fieldValue(buf, start, end));
                continue;
            }
            if (name != null) {
                headers.add(name, value.toString());
            }
            int colon = tokenEnd(buf, start, end);
            if (colon == start || colon == end || buf.getByte(colon) != ':') {
                throw MalformedHttpException.bad("malformed header field");
            }
            name = latin1(buf, start, colon);
            value = new StringBuilder(fieldValue(buf, colon + 1, end));
        }
        if (name != null) {
            headers.add(name, value.toString());
        }
        return headers;
    }

    /** A field value without its surrounding whitespace; refuses control bytes. */
    static String fieldValue(ByteBuf buf, int start, int end) {
        int from = start;
        int to = end;
        while (from < to && HttpBytes.isWhitespace(buf.getByte(from))) {
            from++;
        }
        while (to > from && HttpBytes.isWhitespace(buf.getByte(to - 1))) {
            to--;
        }
        for (int i = from; i < to; i++) {
            if (!HttpBytes.isFieldValueByte(buf.getByte(i))) {
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
    private static void checkHost(HttpHeaders headers, String authority, String target) {
        List<String> hosts = headers.getAll(HttpHeaderNames.HOST);
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

    private static int tokenEnd(ByteBuf buf, int start, int end) {
        int i = start;
        while (i < end && HttpBytes.isTchar(buf.getByte(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpaces(ByteBuf buf, int start, int end) {
        int i = start;
        while (i < end && buf.getByte(i) == SP) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    static String latin1(ByteBuf buf, int start, int end) {
        return buf.toString(start, end - start, StandardCharsets.ISO_8859_1);
    }
}
