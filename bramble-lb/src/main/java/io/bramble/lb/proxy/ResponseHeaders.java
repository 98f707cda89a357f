package io.bramble.lb.proxy;

import io.bramble.lb.config.HttpConnectionMode;
import io.bramble.lb.format.ValueTooLongException;
import io.bramble.lb.persist.CookiePersistence;
import io.bramble.lb.persist.RequestCookie;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;

/**
 * Turns a server's response head into the client's: framing the client can read, the
 * connection headers the proxy's mode calls for, persistence cookies and http-response rules.
 * Also decides whether the server connection may be reused.
 */
final class ResponseHeaders {
    private ResponseHeaders() {
    }

    /**
     * Returns false when an http-response rule's value did not fit
     * ({@link RequestRules#VALUE_CHARS_MAX}): the response must not go out, HAProxy answers
     * 500 instead.
     */
    static boolean prepare(Exchange current, HttpResponse response, Frontend frontend) {
        HttpHeaders headers = response.headers();
        HttpConnectionMode mode = frontend.connectionMode(current.backend);
        int code = response.status().code();
        boolean alwaysEmpty = current.request.method().equals(HttpMethod.HEAD) || code == 204
                || code == 304;
        boolean chunked = HttpUtil.isTransferEncodingChunked(response);
        boolean lengthKnown = HttpUtil.isContentLengthSet(response);
        current.serverReusable = mode == HttpConnectionMode.KEEP_ALIVE
                && HttpUtil.isKeepAlive(response) && (chunked || lengthKnown || alwaysEmpty);
        HopHeaders.strip(headers);
        // Decided on the server's framing, before the client's is chosen.
        Compressions.onResponseHead(current, response, frontend.config.compression(),
                current.backend.config.compression());
        boolean http10Client = current.request.protocolVersion().equals(HttpVersion.HTTP_1_0);
        if (!alwaysEmpty && !lengthKnown) {
            if (http10Client) {
                headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
                current.clientKeepAlive = false;
            } else if (!chunked) {
                HttpUtil.setTransferEncodingChunked(response, true);
            }
        }
        persistence(current, headers);
        boolean backendRules = !current.backend.responseRules.isEmpty();
        boolean frontendRules = current.backend.config != frontend.config
                && !frontend.responseRules.isEmpty();
        // The request's processing is over: its req.* variables are gone, as in HAProxy.
        current.view.variables().endRequest();
        if (backendRules || frontendRules) {
            String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
            String coding = headers.get(HttpHeaderNames.TRANSFER_ENCODING);
            ResponseView view = new ResponseView(current.view, headers, code, current.server,
                    current.serverChannel);
            try {
                current.backend.responseRules.apply(headers, view, current.view);
                if (frontendRules) {
                    frontend.responseRules.apply(headers, view, current.view);
                }
            } catch (ValueTooLongException tooLong) {
                return false;
            }
            // Rules may not change how the client reads the body: the framing stays as decided.
            restore(headers, HttpHeaderNames.CONTENT_LENGTH, length);
            restore(headers, HttpHeaderNames.TRANSFER_ENCODING, coding);
        }
        if (!current.clientKeepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (http10Client) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        return true;
    }

    private static void restore(HttpHeaders headers, CharSequence name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.set(name, value);
        }
    }

    private static void persistence(Exchange current, HttpHeaders headers) {
        CookiePersistence cookies = current.backend.cookies;
        if (cookies == null || current.server == null) {
            return;
        }
        String value = current.server.config.options().cookie().orElse(null);
        if (value == null) {
            return;
        }
        List<String> setCookies = headers.getAll(HttpHeaderNames.SET_COOKIE);
        boolean serverSetIt = false;
        if (!setCookies.isEmpty()) {
            headers.remove(HttpHeaderNames.SET_COOKIE);
            for (String setCookie : setCookies) {
                serverSetIt |= cookies.setsOurCookie(setCookie);
                headers.add(HttpHeaderNames.SET_COOKIE, cookies.onSetCookie(setCookie, value));
            }
        }
        RequestCookie seen = current.cookie == null ? RequestCookie.none(null) : current.cookie;
        boolean post = current.request.method().equals(HttpMethod.POST);
        if (cookies.mustInsert(seen, value, post, serverSetIt)) {
            headers.add(HttpHeaderNames.SET_COOKIE, cookies.insertedCookie(value));
            if (cookies.config().nocache()) {
                headers.set(HttpHeaderNames.CACHE_CONTROL, "private");
            }
        }
    }
}
