package io.bramble.lb.config;

/**
 * How HTTP connections are kept or closed: {@code option http-keep-alive} (HAProxy's default),
 * {@code option http-server-close} (client side kept alive, server side closed after each
 * response) and {@code option httpclose} (both sides closed after each exchange).
 */
public enum HttpConnectionMode {
    KEEP_ALIVE, SERVER_CLOSE, CLOSE;

    public static final HttpConnectionMode DEFAULT = KEEP_ALIVE;
}
