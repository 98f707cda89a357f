package io.bramble.lb.config;

import java.util.Optional;

/**
 * {@code cookie NAME insert|prefix|rewrite [indirect] [nocache] [postonly] [preserve]
 * [httponly] [secure] [domain D] [maxidle T] [maxlife T]}, with each server's {@code cookie
 * VALUE} naming it.
 *
 * @param name the cookie name (e.g. {@code JSESSIONID} or {@code SERVERID})
 * @param mode insert, prefix or rewrite
 * @param indirect insert mode: no Set-Cookie when the client already sent a valid one, and
 *        the cookie is removed from requests before they reach the server
 * @param nocache add {@code Cache-control: private} when a cookie is inserted
 * @param postOnly insert only on responses to POST
 * @param preserve leave a cookie the server set itself untouched
 * @param httpOnly add the HttpOnly attribute to an inserted cookie
 * @param secure add the Secure attribute to an inserted cookie
 * @param domain Domain attribute of an inserted cookie
 */
public record CookieConfig(String name, CookieMode mode, boolean indirect, boolean nocache,
        boolean postOnly, boolean preserve, boolean httpOnly, boolean secure,
        Optional<String> domain) {
    /** The separator between server value and application value in prefix mode. */
    public static final char PREFIX_SEPARATOR = '~';

    /** {@code cookie NAME MODE} with no flags. */
    public static CookieConfig of(String name, CookieMode mode) {
        return new CookieConfig(name, mode, false, false, false, false, false, false,
                Optional.empty());
    }
}
