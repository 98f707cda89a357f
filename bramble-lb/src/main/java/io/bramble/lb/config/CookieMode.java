package io.bramble.lb.config;

/** How {@code cookie NAME MODE} persistence uses the cookie. */
public enum CookieMode {
    /** The load balancer adds its own cookie (Set-Cookie NAME=SERVER) to responses. */
    INSERT,
    /**
     * The application's cookie value is prefixed with the server's value and a {@code ~}
     * ({@code JSESSIONID=web1~ABC}) on the way out; the prefix is stripped on the way in.
     */
    PREFIX,
    /** The application sets the cookie; its value is replaced by the server's value. */
    REWRITE
}
