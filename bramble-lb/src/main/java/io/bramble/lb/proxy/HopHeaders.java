package io.bramble.lb.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.List;

/**
 * Hop-by-hop headers (RFC 9110 section 7.6.1): they describe one connection and are never
 * forwarded. Headers named in {@code Connection} are hop-by-hop too, except the ones that
 * frame or route the message: a client naming Content-Length, Transfer-Encoding or Host
 * there must not make the server read the message another way than the load balancer did
 * (HAProxy keeps them too).
 */
final class HopHeaders {
    private static final List<AsciiString> FIXED = List.of(HttpHeaderNames.CONNECTION,
            HttpHeaderNames.KEEP_ALIVE, HttpHeaderNames.PROXY_CONNECTION,
            HttpHeaderNames.UPGRADE, HttpHeaderNames.PROXY_AUTHENTICATE);
    private static final List<AsciiString> NEVER_NAMED_AWAY = List.of(
            HttpHeaderNames.CONTENT_LENGTH, HttpHeaderNames.TRANSFER_ENCODING,
            HttpHeaderNames.HOST);

    private HopHeaders() {
    }

    /** Removes them from {@code headers}. */
    static void strip(HttpHeaders headers) {
        for (String connection : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : connection.split(",")) {
                String name = token.strip();
                if (!name.isEmpty() && !name.equalsIgnoreCase("close")
                        && !name.equalsIgnoreCase("keep-alive") && !framesOrRoutes(name)) {
                    headers.remove(name);
                }
            }
        }
        for (AsciiString name : FIXED) {
            headers.remove(name);
        }
    }

    private static boolean framesOrRoutes(String name) {
        for (AsciiString kept : NEVER_NAMED_AWAY) {
            if (kept.contentEqualsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
