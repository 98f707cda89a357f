package io.bramble.lb.persist;

import io.bramble.lb.config.CookieConfig;
import io.bramble.lb.config.CookieMode;

/**
 * HAProxy's cookie persistence for one backend.
 * <ul>
 * <li>insert: the load balancer's own cookie {@code NAME=SERVER}; with {@code indirect} it is
 * not sent again to a client that has it and is removed from requests.
 * <li>prefix: the application's cookie gets the server's value and {@code ~} in front on the
 * way out ({@code JSESSIONID=web1~ABC}); the prefix is removed on the way in, so the
 * application sees its own value.
 * <li>rewrite: the application's cookie value is replaced by the server's value.
 * </ul>
 * Thread-safe: holds configuration only.
 */
public final class CookiePersistence {
    private final CookieConfig config;

    public CookiePersistence(CookieConfig config) {
        this.config = config;
    }

    public CookieConfig config() {
        return config;
    }

    /** Reads a request's Cookie header (null when absent). */
    public RequestCookie onRequest(String cookieHeader) {
        if (cookieHeader == null) {
            return RequestCookie.none(null);
        }
        int[] span = CookieText.find(cookieHeader, config.name());
        if (span == null) {
            return RequestCookie.none(cookieHeader);
        }
        String value = cookieHeader.substring(span[2], span[3]);
        return switch (config.mode()) {
            case INSERT -> config.indirect()
                    ? new RequestCookie(value, CookieText.remove(cookieHeader, span))
                    : new RequestCookie(value, cookieHeader);
            case REWRITE -> new RequestCookie(value, cookieHeader);
            case PREFIX -> unprefix(cookieHeader, span, value);
        };
    }

    /**
     * True when a response from the server with cookie value {@code serverValue} must carry
     * an inserted cookie ({@link #insertedCookie}).
     *
     * @param seen what the request said
     * @param post the request method was POST
     * @param serverSetIt the response already sets a cookie of this name
     */
    public boolean mustInsert(RequestCookie seen, String serverValue, boolean post,
            boolean serverSetIt) {
        if (config.mode() != CookieMode.INSERT || serverValue == null) {
            return false;
        }
        if (config.postOnly() && !post) {
            return false;
        }
        if (config.preserve() && serverSetIt) {
            return false;
        }
        return !(config.indirect() && serverValue.equals(seen.serverValue()));
    }

    /** The Set-Cookie value inserted for the server. */
    public String insertedCookie(String serverValue) {
        StringBuilder cookie = new StringBuilder(config.name()).append('=').append(serverValue)
                .append("; path=/");
        config.domain().ifPresent(domain -> cookie.append("; domain=").append(domain));
        if (config.httpOnly()) {
            cookie.append("; HttpOnly");
        }
        if (config.secure()) {
            cookie.append("; Secure");
        }
        return cookie.toString();
    }

    /**
     * A server's Set-Cookie value as the client must see it: prefixed or rewritten when it
     * sets our cookie, the same text otherwise.
     */
    public String onSetCookie(String setCookie, String serverValue) {
        if (serverValue == null || config.mode() == CookieMode.INSERT) {
            return setCookie;
        }
        int[] span = CookieText.findSetCookie(setCookie, config.name());
        if (span == null) {
            return setCookie;
        }
        String replacement = config.mode() == CookieMode.PREFIX
                ? serverValue + CookieConfig.PREFIX_SEPARATOR
                        + setCookie.substring(span[2], span[3])
                : serverValue;
        return setCookie.substring(0, span[2]) + replacement + setCookie.substring(span[3]);
    }

    /** True when a Set-Cookie value sets the cookie this backend persists with. */
    public boolean setsOurCookie(String setCookie) {
        return CookieText.findSetCookie(setCookie, config.name()) != null;
    }

    private static RequestCookie unprefix(String header, int[] span, String value) {
        int separator = value.indexOf(CookieConfig.PREFIX_SEPARATOR);
        if (separator < 0) {
            return RequestCookie.none(header);
        }
        String forwarded = header.substring(0, span[2]) + value.substring(separator + 1)
                + header.substring(span[3]);
        return new RequestCookie(value.substring(0, separator), forwarded);
    }
}
